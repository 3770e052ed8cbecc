import { Client } from 'pg';
import type { Logger } from 'pino';
import type { Db } from '../db/prisma';
import { CENTER_INCLUDE } from '../centers/center-record';
import { ensureSucceeded, type CenterIndex } from './meili-index';
import { reconcileIndex, type ReconcileReport } from './reconcile-index';
import { withSteadyHeap } from '../runtime/steady-heap';

/** Held by the one instance of a cluster that runs the background work (drain + reconcile). */
const WORKER_LOCK = 72_410_003;
/** Held while the index is written by the drain, a reconcile or a rebuild. */
const SYNC_LOCK = 72_410_002;
/**
 * Outbox rows per drain round. 500 rather than 1,000: after a 25,000-row import the worker's RSS
 * once all was indexed was 259 MB against 295 MB (Node 24), all searchable after 31.4 s against 29.6.
 */
const BATCH = 500;
/** How often an instance that is not the worker tries to become it (takeover time). */
const FOLLOWER_POLL_MS = 1000;
/** The worker's lock connection is never silent longer than this (see idle_session_timeout below). */
const HEARTBEAT_MS = 3000;
const RECONCILE_EVERY_MS = 3600_000;
/** How often the worker looks for documents whose availability reports turned stale since they were built. */
const EXPIRY_SWEEP_MS = 5000;
/** Polling the engine for the task's end: a single write is applied in ~50–100 ms. */
const WAIT = { timeout: 60_000, interval: 5 };

export interface SyncStatus { role: 'worker' | 'standby' | 'stopped'; lastError: string | null }

/**
 * Drains the transactional outbox into Meilisearch. Only rows of committed transactions are
 * visible here, so a rolled-back write never reaches the index; a row is deleted only after
 * Meilisearch reports the change applied, so a write made while the engine is down is applied
 * once it is back. Documents are built from the current row, so replays are harmless.
 *
 * Of all instances on one database, exactly one is the worker: it holds WORKER_LOCK, a
 * session-level PostgreSQL advisory lock, on a connection of its own, and LISTENs there for the
 * outbox trigger's NOTIFY, so a write committed on any instance wakes it. The others try to take
 * the lock every second; when the worker dies its session ends, PostgreSQL releases the lock and
 * another instance takes over with the outbox intact (rows are deleted only once applied).
 * Both the lock and LISTEN need a real session, which is why this connection must not go through
 * a pooler in transaction mode (docs/deploy.md). The drain, reconciliation and rebuilds also take
 * SYNC_LOCK, so a rebuild run from a CLI pauses the worker's drain instead of racing it.
 * The drain never writes to an index that has not been built: Meilisearch would create it,
 * without settings, on the first addDocuments.
 */
export class IndexSync {
  private running = false;
  private wake: (() => void) | null = null;
  /** A nudge that arrived while a round was running: the next round starts at once. */
  private woken = false;
  private loop: Promise<void> | null = null;
  private failures = 0;
  private worker = false;
  private nextReconcile = 0;
  private nextSweep = 0;
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

  status(): SyncStatus {
    return { role: !this.running ? 'stopped' : this.worker ? 'worker' : 'standby', lastError: this.lastError };
  }

  /**
   * Called after a commit so the change is indexed without waiting for the next poll (other
   * instances' commits arrive by NOTIFY). While the engine is failing the backoff holds: a
   * stream of writes must not turn into a stream of drain attempts.
   */
  nudge() {
    if (this.failures > 0) return;
    // A commit during a round (its rows may be past the batch just read) must not wait for the
    // poll: remembered here, it starts the next round at once (bench: write → searchable).
    if (this.wake) this.wake(); else this.woken = true;
  }

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

  /** Runs fn while nothing else writes the index (used by rebuilds and reconciliation). */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    return withAdvisoryLock(this.databaseUrl, fn);
  }

  /** Reconciles PostgreSQL and the index under the sync lock (see reconcile-index.ts). */
  reconcile(): Promise<ReconcileReport> {
    return this.withLock(() => reconcileIndex(this.db, this.index));
  }

  /** Applies up to one batch; returns how many outbox rows it cleared. Callers hold SYNC_LOCK. */
  async drainOnce(): Promise<number> {
    const rows = await this.db.searchOutbox.findMany({ orderBy: { id: 'asc' }, take: BATCH });
    if (rows.length === 0) return 0;
    if (!(await this.index.isBuilt())) return 0; // the first build (ensure-index.ts) includes these rows
    await withSteadyHeap(() => this.apply(rows));
    return rows.length;
  }

  private async apply(rows: { id: bigint; centerId: string }[]) {
    const ids = [...new Set(rows.map((r) => r.centerId))];
    const centers = await this.db.center.findMany({ where: { id: { in: ids } }, include: CENTER_INCLUDE, relationLoadStrategy: 'join' });
    const found = new Set(centers.map((c) => c.id));
    const gone = ids.filter((id) => !found.has(id));
    const tasks = [];
    if (centers.length) tasks.push(this.index.index.addDocuments(centers.map((c) => this.index.document(c)), { primaryKey: 'id' }).waitTask(WAIT));
    if (gone.length) tasks.push(this.index.index.deleteDocuments(gone).waitTask(WAIT));
    (await Promise.all(tasks)).forEach(ensureSucceeded);
    await this.db.searchOutbox.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  }

  /**
   * Queues the centers whose documents hold a report that has turned stale since they were built,
   * or were built with another AVAILABILITY_STALE_HOURS: the drain rebuilds them as of now, which
   * keeps the availability facet (availability-filter.ts, availabilitySets) in step with the clock.
   */
  async queueExpired(): Promise<number> {
    if (!(await this.index.isBuilt())) return 0;
    const now = Math.floor(Date.now() / 1000);
    const { hits } = await this.index.index.search<{ id: string }>('', {
      filter: `avail_expires_ts <= ${now} OR (avail_stale_hours EXISTS AND avail_stale_hours != ${this.index.staleHours})`,
      limit: BATCH, attributesToRetrieve: ['id'],
    });
    if (hits.length) await this.db.searchOutbox.createMany({ data: hits.map((h) => ({ centerId: h.id, op: 'upsert' as const })) });
    return hits.length;
  }

  private async run() {
    let lock: Client | null = null;
    let heartbeat: NodeJS.Timeout | null = null;
    const dropLock = async () => {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      if (this.worker && this.running) this.log.warn('lost the background-worker lock; another instance takes over');
      this.worker = false;
      await lock?.end().catch(() => {});
      lock = null;
    };
    while (this.running) {
      let cleared = 0;
      try {
        if (!lock) {
          lock = await connectLockClient(this.databaseUrl, { worker: true });
          lock.on('notification', () => this.nudge());
          lock.on('end', () => { this.worker = false; });
        }
        if (!this.worker) {
          const { rows } = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [WORKER_LOCK]);
          if (rows[0].ok) {
            await lock.query('LISTEN search_outbox');
            const client = lock;
            heartbeat = setInterval(() => { client.query('SELECT 1').catch(() => {}); }, HEARTBEAT_MS).unref();
            this.worker = true;
            this.nextReconcile = 0;
            this.log.info('this instance now runs the background work (outbox drain, index reconciliation)');
          }
        }
        if (this.worker) cleared = await this.work(lock);
        if (this.failures > 0) this.log.info('search index sync recovered');
        this.failures = 0;
        this.lastError = null;
      } catch (err) {
        this.failures++;
        this.lastError = (err as Error).message;
        if (this.failures === 1 || this.failures % 20 === 0) this.log.warn({ err: this.lastError, failures: this.failures }, 'search index sync failed; retrying');
        if (lock && /connection|terminat|ECONN|Client was closed|not queryable/i.test(this.lastError)) await dropLock();
      }
      if (this.failures === 0 && (cleared > 0 || this.woken)) { this.woken = false; continue; }
      this.woken = false;
      const delay = this.failures ? Math.min(200 * 2 ** Math.min(this.failures, 8), 5000) : this.worker ? 250 : FOLLOWER_POLL_MS;
      await new Promise<void>((resolve) => { this.wake = resolve; setTimeout(resolve, delay).unref(); });
      this.wake = null;
    }
    await dropLock();
  }

  /**
   * One round of the worker: a drain batch, and when the outbox is empty the expiry sweep and
   * the periodic reconciliation when they are due. Returns the work done (0: idle).
   */
  private async work(lock: Client): Promise<number> {
    const { rows } = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SYNC_LOCK]);
    if (!rows[0].ok) return 0; // a rebuild is running
    try {
      const cleared = await this.drainOnce();
      if (cleared === 0 && Date.now() >= this.nextSweep) {
        this.nextSweep = Date.now() + EXPIRY_SWEEP_MS;
        const queued = await this.queueExpired();
        if (queued) return queued;
      }
      if (cleared === 0 && Date.now() >= this.nextReconcile && await this.index.isBuilt()) {
        // Repairs drift left by anything that bypassed the outbox (a restored backup, a wiped engine).
        const report = await reconcileIndex(this.db, this.index);
        this.nextReconcile = Date.now() + RECONCILE_EVERY_MS;
        if (report.missing + report.stale + report.extra) this.log.warn(report, 'search index drift repaired');
      }
      return cleared;
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [SYNC_LOCK]);
    }
  }
}

async function connectLockClient(url: string, opts: { worker?: boolean } = {}): Promise<Client> {
  const client = new Client({ connectionString: url, keepAlive: true, application_name: opts.worker ? 'directory-background-worker' : 'directory-index-lock' });
  client.on('error', () => {}); // reconnect on the next cycle
  await client.connect();
  // If the worker's host vanishes without closing the socket, PostgreSQL ends the session
  // (releasing the worker lock) after 15 s of silence; the heartbeat keeps a live worker talking.
  if (opts.worker) await client.query("SET idle_session_timeout = '15s'").catch(() => {}); // PostgreSQL 14+
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
