import type { Meilisearch, Task } from 'meilisearch';
import type { Db } from '../db/prisma';
import { CENTER_INCLUDE, presentCenter, type CenterRow } from '../centers/center-record';
import { toCenterDocument, type CenterDocument } from './center-document';
import { meiliApiError } from './meili-client';
import { INDEX_SETTINGS, SETTINGS_VERSION } from './index-settings';

const WAIT = { timeout: 120_000, interval: 25 };
const BATCH = 2000;

export function ensureSucceeded(task: Task): Task {
  if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? ''}`);
  return task;
}

/**
 * The centers index and its life cycle. The live index keeps one name; its settings version is
 * recorded in a small companion index (`<name>_meta`) so it travels with the engine's data.
 */
export class CenterIndex {
  readonly metaName: string;
  /** staleHours: AVAILABILITY_STALE_HOURS, which the documents' availability sets depend on. */
  constructor(readonly client: Meilisearch, readonly name: string, readonly staleHours: number) {
    this.metaName = `${name}_meta`;
  }

  /** The document of a center row, as of now. */
  document(row: CenterRow): CenterDocument {
    return toCenterDocument(presentCenter(row), row.version, { nowMs: Date.now(), staleHours: this.staleHours });
  }

  get index() { return this.client.index(this.name); }

  async liveVersion(): Promise<string | null> {
    try {
      const doc = await this.client.index(this.metaName).getDocument('settings');
      return (doc as { version?: string }).version ?? null;
    } catch { return null; }
  }

  /**
   * True once a build has completed (whatever its settings): the live index exists, configured.
   * Throws when the engine cannot be asked, so callers can tell "not built" from "unreachable".
   */
  async isBuilt(): Promise<boolean> {
    try {
      await this.client.index(this.metaName).getDocument('settings');
      return true;
    } catch (err) {
      if (meiliApiError(err)?.cause?.code === 'document_not_found' || meiliApiError(err)?.cause?.code === 'index_not_found') return false;
      throw err;
    }
  }

  /** True when the live index exists with the settings of this code. */
  async isCurrent(): Promise<boolean> {
    return (await this.liveVersion()) === SETTINGS_VERSION;
  }

  /**
   * Builds a complete index from PostgreSQL under a temporary name and swaps it in atomically.
   * Callers hold the sync lock so no outbox change is lost in between (see index-sync.ts).
   */
  async rebuild(db: Db, onProgress: (done: number, total: number) => void = () => {}): Promise<{ documents: number }> {
    const buildName = `${this.name}_build_${Date.now()}`;
    await this.client.createIndex(buildName, { primaryKey: 'id' }).waitTask(WAIT).then(ensureSucceeded);
    await this.client.index(buildName).updateSettings(INDEX_SETTINGS).waitTask(WAIT).then(ensureSucceeded);
    const total = await db.center.count();
    let done = 0;
    let cursor: string | undefined;
    const pending: Promise<Task>[] = [];
    onProgress(0, total);
    for (;;) {
      const rows = await db.center.findMany({
        take: BATCH, orderBy: { id: 'asc' }, include: CENTER_INCLUDE,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      });
      if (rows.length === 0) break;
      cursor = rows[rows.length - 1].id;
      const docs = rows.map((r) => this.document(r));
      pending.push(this.client.index(buildName).addDocuments(docs, { primaryKey: 'id' }).waitTask(WAIT).then(ensureSucceeded)
        .then((t) => { done += docs.length; onProgress(done, total); return t; }));
    }
    await Promise.all(pending);
    if (await this.exists(this.name)) {
      await this.client.swapIndexes([{ indexes: [this.name, buildName], rename: false }]).waitTask(WAIT).then(ensureSucceeded);
      await this.client.deleteIndex(buildName).waitTask(WAIT).then(ensureSucceeded);
    } else {
      // A first build renames the finished index into place: creating an empty live index to
      // swap with would let searches meet an index without settings in between (a 4xx per search).
      await this.client.swapIndexes([{ indexes: [buildName, this.name], rename: true }]).waitTask(WAIT).then(ensureSucceeded);
    }
    await this.client.index(this.metaName).addDocuments([{ id: 'settings', version: SETTINGS_VERSION, built_at: new Date().toISOString() }], { primaryKey: 'id' })
      .waitTask(WAIT).then(ensureSucceeded);
    return { documents: total };
  }

  /** Removes build indexes left behind by an interrupted rebuild. */
  async dropStaleBuilds(): Promise<void> {
    const { results } = await this.client.getIndexes({ limit: 1000 });
    for (const idx of results) {
      if (idx.uid.startsWith(`${this.name}_build_`)) await this.client.deleteIndex(idx.uid).waitTask(WAIT);
    }
  }

  private async exists(uid: string): Promise<boolean> {
    try { await this.client.getIndex(uid); return true; } catch { return false; }
  }
}
