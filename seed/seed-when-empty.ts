import { Client } from 'pg';
import type { Db } from '../src/db/prisma';
import { loadSeed } from './load-seed';

/** Any constant; the same in every process that may seed (see src/db/migrate.ts for the others). */
const SEED_LOCK = 72_410_004;

/**
 * Loads the seed when the directory is empty, holding an advisory lock so that of several
 * instances starting at once on an empty database exactly one seeds; the others wait, then find
 * centers and skip. Returns null when nothing was loaded.
 */
export async function seedWhenEmpty(db: Db, databaseUrl: string, onStart: () => void = () => {}) {
  const lock = new Client({ connectionString: databaseUrl });
  lock.on('error', () => {});
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    if ((await db.center.count()) > 0) return null;
    onStart();
    return await loadSeed(db);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => {});
    await lock.end().catch(() => {});
  }
}
