import { LRUCache } from 'lru-cache';
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { AppDeps } from '../app-deps';
import { withDeadline } from '../runtime/deadline';
import type { RegionalPrices } from '../costs/regional-prices';
import type { Center } from './center-schema';
import type { HitParts } from '../search/search-hit';

/** A center as GET /v1/centers/{id} last read it from PostgreSQL, before freshness (added per response). */
export interface CachedCenter {
  etag: string;
  parts: HitParts;
  /** The center decoded, once a cost comparison needed it (read-center.ts keptCenter); never changed. */
  decoded?: Center;
}

export interface CenterCacheOptions {
  /** How many centers to keep (CENTER_CACHE_ENTRIES); 0 turns the cache off. */
  entries: number;
  /** How often the listening connection proves it is alive. */
  heartbeatMs?: number;
  /** An entry is served only while the last heartbeat is younger than this. */
  trustMs?: number;
  log?: Logger;
}

const CHANNEL = 'center_changed';

/**
 * The centers this instance read recently, kept until PostgreSQL says they changed (and the
 * regional median prices it computed, kept until any center changes).
 *
 * Every committed change to a center or its schedules, prices or openings sends the center's id
 * on `center_changed` (a trigger: migration center_change_notify), so a write made by any
 * instance, CLI or psql session drops the entry everywhere, and a write made here drops it at
 * once (forget). The cache is trusted only while its LISTEN connection is known to be alive:
 * it answers a heartbeat every `heartbeatMs`, and PostgreSQL delivers a notification before the
 * answer of a later query on the same session. Without a recent heartbeat (PostgreSQL down,
 * the connection cut, silently or not) every read goes to PostgreSQL, and what was kept is
 * dropped when listening resumes, since notifications may have been missed meanwhile.
 *
 * A read that was running when a change arrived does not store its (possibly older) result:
 * reads take a ticket (the change counter) before querying and store only if it has not moved.
 */
export class CenterCache {
  private readonly entries: LRUCache<string, CachedCenter> | null;
  /** Regional median prices by place, radius and level: any change of any center may move them. */
  private readonly medians: LRUCache<string, RegionalPrices> | null;
  private readonly heartbeatMs: number;
  private readonly trustMs: number;
  /** Moves on every change heard (and on every (re)connection): see ticket(). */
  private changes = 0;
  private confirmedAt = 0;
  private client: Client | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly databaseUrl: string, private readonly opts: CenterCacheOptions) {
    this.entries = opts.entries > 0 ? new LRUCache({ max: opts.entries }) : null;
    this.medians = opts.entries > 0 ? new LRUCache({ max: opts.entries }) : null;
    this.heartbeatMs = opts.heartbeatMs ?? 1000;
    this.trustMs = opts.trustMs ?? 3 * this.heartbeatMs;
  }

  start() {
    if (!this.entries || this.running) return;
    this.running = true;
    this.loop = this.listen();
  }

  async stop() {
    this.running = false;
    this.wake?.();
    if (this.client) await close(this.client);
    await this.loop;
  }

  /** Whether entries may be served now: listening, and heard from within trustMs. */
  get trusted(): boolean {
    return this.entries !== null && Date.now() - this.confirmedAt < this.trustMs;
  }

  get(id: string): CachedCenter | undefined {
    return this.read(this.entries, id);
  }

  /** Taken before reading PostgreSQL; set() stores only if no change was heard since. */
  ticket(): number {
    return this.changes;
  }

  set(id: string, ticket: number, entry: CachedCenter) {
    this.keep(this.entries, id, ticket, entry);
  }

  /** Regional medians kept for this key (costs/regional-prices.ts), under the same rules as centers. */
  getMedians(key: string): RegionalPrices | undefined {
    return this.read(this.medians, key);
  }

  setMedians(key: string, ticket: number, medians: RegionalPrices) {
    this.keep(this.medians, key, ticket, medians);
  }

  private read<T extends object>(map: LRUCache<string, T> | null, key: string): T | undefined {
    return map && this.trusted ? map.get(key) : undefined;
  }

  private keep<T extends object>(map: LRUCache<string, T> | null, key: string, ticket: number, value: T) {
    if (map && this.trusted && ticket === this.changes) map.set(key, value);
  }

  /** A change to these centers ('*': any) committed: drop what is kept of them, and every median. */
  forget(ids: string | string[]) {
    this.changes++;
    if (!this.entries) return;
    this.medians!.clear();
    if (ids === '*') { this.entries.clear(); return; }
    for (const id of Array.isArray(ids) ? ids : [ids]) this.entries.delete(id);
  }

  status(): 'off' | 'listening' | 'not listening' {
    return !this.entries ? 'off' : this.trusted ? 'listening' : 'not listening';
  }

  private distrust() {
    this.confirmedAt = 0;
    this.forget('*');
  }

  private async listen() {
    let failures = 0;
    while (this.running) {
      const client = new Client({ connectionString: this.databaseUrl, keepAlive: true, application_name: 'directory-center-cache' });
      this.client = client;
      let alive = true;
      const lost = () => { alive = false; this.distrust(); this.wake?.(); };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (msg) => { if (msg.channel === CHANNEL) this.forget(msg.payload ?? '*'); });
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        this.distrust(); // whatever changed before LISTEN was not heard
        if (failures > 0) this.opts.log?.info('center cache listening again');
        failures = 0;
        while (this.running && alive) {
          const asked = Date.now();
          await withDeadline(client.query('SELECT 1'), this.trustMs);
          this.confirmedAt = asked; // every change committed before `asked` has been heard
          await this.pause(this.heartbeatMs);
        }
      } catch (err) {
        this.distrust();
        if (this.running && ++failures === 1) this.opts.log?.warn({ err: (err as Error).message }, 'center cache: lost its PostgreSQL connection; reads go to PostgreSQL until it is back');
      }
      await close(client);
      if (this.running) await this.pause(Math.min(250 * 2 ** Math.min(failures, 4), 5000));
    }
    this.distrust();
  }

  private pause(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => { this.wake = null; resolve(); }, ms);
      timer.unref();
      this.wake = () => { clearTimeout(timer); this.wake = null; resolve(); };
    });
  }
}

/** Ends the session; a connection cut without a word (no FIN) would never finish end(), so it is destroyed. */
async function close(client: Client) {
  await withDeadline(client.end(), 1000).catch(() => (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy());
}

/**
 * After a write committed here: the index sync starts at once, and this instance stops serving its
 * copy now rather than when its own notification arrives a moment later (read your own writes).
 */
export function afterCommit(deps: Pick<AppDeps, 'sync' | 'centerCache'>, ids: string | '*') {
  deps.sync.nudge();
  deps.centerCache?.forget(ids);
}
