import type { Db } from '../db/prisma';
import type { CenterIndex } from './meili-index';
import { ensureSucceeded } from './meili-index';

export interface ReconcileReport { checked: number; missing: number; stale: number; extra: number }

/**
 * Finds drift between PostgreSQL and the index — documents missing, extra, or at an older
 * version than the row — and repairs it: missing and stale centers are queued through the
 * outbox (so the normal sync applies them), extra documents are deleted.
 * Callers hold the sync lock (IndexSync.reconcile, or the worker's loop): a drain running in
 * between the two reads could index a new center after its id was read from PostgreSQL, and
 * the center would then look "extra" and be deleted.
 */
export async function reconcileIndex(db: Db, index: CenterIndex): Promise<ReconcileReport> {
  const rows = await db.center.findMany({ select: { id: true, version: true } });
  const want = new Map(rows.map((r) => [r.id, r.version]));
  const have = new Map<string, number>();
  for (let offset = 0; ; offset += 5000) {
    const page = await index.index.getDocuments<{ id: string; version: number }>({ fields: ['id', 'version'], offset, limit: 5000 });
    for (const d of page.results) have.set(d.id, d.version);
    if (page.results.length < 5000) break;
  }
  const missing = rows.filter((r) => !have.has(r.id)).map((r) => r.id);
  const stale = rows.filter((r) => have.has(r.id) && have.get(r.id)! < r.version).map((r) => r.id);
  const extra = [...have.keys()].filter((id) => !want.has(id));
  const queue = [...missing, ...stale];
  if (queue.length) await db.searchOutbox.createMany({ data: queue.map((centerId) => ({ centerId, op: 'upsert' as const })) });
  if (extra.length) ensureSucceeded(await index.index.deleteDocuments(extra).waitTask({ timeout: 60_000 }));
  return { checked: rows.length, missing: missing.length, stale: stale.length, extra: extra.length };
}
