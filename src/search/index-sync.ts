import { Client } from 'pg';
import type { Logger } from 'pino';
import type { Db } from '../db/prisma';
import { CENTER_INCLUDE, presentCenter } from '../centers/center-record';
import { toCenterDocument } from './center-document';
import { ensureSucceeded, type CenterIndex } from './meili-index';

const SYNC_LOCK = 72_410_002;
const BATCH = 1000;

/**
 * Drains the transactional outbox into Meilisearch. Only rows of committed transactions are
 * visible here, so a rolled-back write never reaches the index; a row is deleted only after
 * Meilisearch reports the change applied, so a write made while the engine is down is applied
 * once it is back. Documents are built from the current row, so replays are harmless.
 * One process at a time holds the sync lock (a PostgreSQL advisory lock on its own connection);
 * a rebuild takes the same lock, which pauses draining while it runs.
 */
export class IndexSync {
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private failures = 0;
  lastError: string | null = null;

  constructor(private db: Db, private index: CenterIndex, private databaseUrl: string, private log: Logger) {}

  start() {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop() {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Called after a commit so the change is indexed without waiting for the next poll. */
  nudge() { this.wake?.(); }

  async lag(): Promise<{ pending: number; oldest_seconds: number }> {
    const [row] = await this.db.$queryRaw<{ pending: bigint; oldest: Date | null }[]>`
      SELECT count(*) AS pending, min(created_at) AS oldest FROM search_outbox`;
    return { pending: Number(row.pending), oldest_seconds: row.oldest ? Math.max(0, (Date.now() - row.oldest.getTime()) / 1000) : 0 };
  }

  /** Resolves once every committed write is in the index; throws after `timeoutMs`. */
  async caughtUp(timeoutMs: number, opts: { pollMs?: number; onLag?: (pending: number) => void } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.nudge();
      const { pending } = await this.lag();
      if (pending === 0) return;
      opts.onLag?.(pending);
      if (Date.now() > deadline) throw new Error(`search index still ${pending} changes behind after ${timeoutMs / 1000} s: ${this.lastError ?? 'no error reported'}`);
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 50));
    }
  }

  /** Runs fn while no process drains the outbox (used by rebuilds). */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    return withAdvisoryLock(this.databaseUrl, fn);
  }

  /** Applies up to one batch; returns how many outbox rows it cleared. */
  async drainOnce(): Promise<number> {
    const rows = await this.db.searchOutbox.findMany({ orderBy: { id: 'asc' }, take: BATCH });
    if (rows.length === 0) return 0;
    const ids = [...new Set(rows.map((r) => r.centerId))];
    const centers = await this.db.center.findMany({ where: { id: { in: ids } }, include: CENTER_INCLUDE });
    const found = new Set(centers.map((c) => c.id));
    const gone = ids.filter((id) => !found.has(id));
    const tasks = [];
    if (centers.length) tasks.push(this.index.index.addDocuments(centers.map((c) => toCenterDocument(presentCenter(c), c.version)), { primaryKey: 'id' }).waitTask({ timeout: 60_000, interval: 10 }));
    if (gone.length) tasks.push(this.index.index.deleteDocuments(gone).waitTask({ timeout: 60_000, interval: 10 }));
    (await Promise.all(tasks)).forEach(ensureSucceeded);
    await this.db.searchOutbox.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    return rows.length;
  }

  private async run() {
    let lock: Client | null = null;
    while (this.running) {
      let cleared = 0;
      try {
        lock ??= await connectLockClient(this.databaseUrl);
        const { rows } = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SYNC_LOCK]);
        if (rows[0].ok) {
          try { cleared = await this.drainOnce(); } finally { await lock.query('SELECT pg_advisory_unlock($1)', [SYNC_LOCK]); }
        }
        if (this.failures > 0) this.log.info('search index sync recovered');
        this.failures = 0;
        this.lastError = null;
      } catch (err) {
        this.failures++;
        this.lastError = (err as Error).message;
        if (this.failures === 1 || this.failures % 20 === 0) this.log.warn({ err: this.lastError, failures: this.failures }, 'search index sync failed; retrying');
        if (lock && /connection|terminat|ECONN/i.test(this.lastError)) { await lock.end().catch(() => {}); lock = null; }
      }
      if (cleared > 0 && this.failures === 0) continue;
      const delay = this.failures ? Math.min(200 * 2 ** Math.min(this.failures, 8), 10_000) : 250;
      await new Promise<void>((resolve) => { this.wake = resolve; setTimeout(resolve, delay).unref(); });
      this.wake = null;
    }
    await lock?.end().catch(() => {});
  }
}

async function connectLockClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  client.on('error', () => {}); // reconnect on the next cycle
  await client.connect();
  return client;
}

export async function withAdvisoryLock<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  const client = await connectLockClient(databaseUrl);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SYNC_LOCK]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SYNC_LOCK]).catch(() => {});
    await client.end();
  }
}

