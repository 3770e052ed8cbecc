import type { Logger } from 'pino';
import type { Db } from '../db/prisma';
import type { SearchQuery } from '../search/search-query';
import { gapCriteria, gapRegion } from './gap-criteria';

/** Fewer results than this and a search counts as a service gap. */
export const GAP_THRESHOLD = 3;
const FLUSH_MS = 5000;
const MAX_KEYS = 20_000;

interface Tally { day: string; criteria: string; state: string; zip3: string; searches: number; zero: number; last: Date }

/**
 * Counts searches that found too little in memory and adds them to the day's rows every few
 * seconds with one INSERT … ON CONFLICT DO UPDATE (additive, so several API processes can
 * count into the same rows). The search path only touches a Map.
 */
export class GapCounter {
  private pending = new Map<string, Tally>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private db: Db, private log: Logger) {}

  start() {
    this.timer ??= setInterval(() => { void this.flush(); }, FLUSH_MS);
    this.timer.unref();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  record(q: SearchQuery, total: number, now = new Date()) {
    if (total >= GAP_THRESHOLD || q.page !== 1) return;
    const criteria = gapCriteria(q);
    const { state, zip3 } = gapRegion(q);
    const day = now.toISOString().slice(0, 10);
    const key = [day, criteria, state, zip3].join('\u0000');
    const t = this.pending.get(key);
    if (t) { t.searches++; if (total === 0) t.zero++; t.last = now; return; }
    if (this.pending.size >= MAX_KEYS) return; // bounded memory if the database is away for long
    this.pending.set(key, { day, criteria, state, zip3, searches: 1, zero: total === 0 ? 1 : 0, last: now });
  }

  /** Writes what was counted; on failure the counts stay for the next try. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write() {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.db.$executeRaw`
        INSERT INTO service_gaps (day, criteria, state, zip3, searches, zero_results, last_seen)
        SELECT (r->>'day')::date, r->>'criteria', r->>'state', r->>'zip3', (r->>'searches')::int, (r->>'zero')::int, (r->>'last')::timestamptz
        FROM jsonb_array_elements(${JSON.stringify(batch)}::jsonb) AS r
        ON CONFLICT (day, criteria, state, zip3) DO UPDATE SET
          searches = service_gaps.searches + EXCLUDED.searches,
          zero_results = service_gaps.zero_results + EXCLUDED.zero_results,
          last_seen = GREATEST(service_gaps.last_seen, EXCLUDED.last_seen)`;
    } catch (err) {
      for (const t of batch) {
        const key = [t.day, t.criteria, t.state, t.zip3].join('\u0000');
        const now = this.pending.get(key);
        if (now) { now.searches += t.searches; now.zero += t.zero; if (t.last > now.last) now.last = t.last; } else this.pending.set(key, t);
      }
      this.log.warn({ err: (err as Error).message, kept: batch.length }, 'service-gap counts not written; retrying');
    }
  }
}
