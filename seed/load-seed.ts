import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../src/db/prisma';
import { CenterInputSchema } from '../src/centers/center-schema';
import { upsertBySource, type UpsertOutcome } from '../src/centers/upsert-center';
import { reportAgeHours } from './center-facts';
import { fromRoot } from '../src/project-root';

export const SEED_FILE = fromRoot('seed/centers.json');
const SEED_CALLER = { role: 'admin' as const, keyId: null, name: 'seed' };

/** Loads seed/centers.json idempotently (upsert on source + source_id). */
export async function loadSeed(db: Db, file = SEED_FILE, onProgress: (done: number, total: number) => void = () => {}) {
  const records = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
  const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
  const inputs = records.map((r, i) => {
    const parsed = CenterInputSchema.safeParse(r);
    if (!parsed.success) throw new Error(`${path.basename(file)} record ${i + 1}: ${parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`);
    return parsed.data;
  });
  for (let i = 0; i < inputs.length; i += 50) {
    const batch = inputs.slice(i, i + 50);
    await db.$transaction(async (tx) => {
      for (const input of batch) {
        const outcome = await upsertBySource(tx, input, SEED_CALLER, 'seed');
        counts[outcome]++;
        // Report times are server-set (now); the demo data shows reports of every age, some stale.
        if (outcome !== 'unchanged' && input.availability?.length) {
          const hours = reportAgeHours(input.source_id!);
          await tx.$executeRaw`UPDATE center_availability SET updated_at = now() - make_interval(hours => ${hours}::int)
            WHERE center_id = (SELECT id FROM centers WHERE source = ${input.source} AND source_id = ${input.source_id})`;
        }
      }
    }, { timeout: 60_000 });
    onProgress(Math.min(i + 50, inputs.length), inputs.length);
  }
  return counts;
}
