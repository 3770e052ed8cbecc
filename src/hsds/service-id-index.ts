import type { Db } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import type { LevelOfCare } from '../taxonomy/codes';
import { centerScopedId } from './hsds-ids';

const V5_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Misses re-read every center at most this often; in between, only recently updated ones. */
const FULL_SCAN_EVERY_MS = 60_000;
/** Longer than any write transaction (an all-or-nothing import) stays open before it commits. */
const COMMIT_MARGIN_MS = 15 * 60_000;

export interface ServiceKey { centerId: string; level: LevelOfCare }

/**
 * Finds the (center, level) behind an HSDS service id. The ids are UUID v5 hashes of both
 * (`hsdsServiceId` in map-center.ts), so they cannot be decoded: the index hashes every
 * (center, level) pair it has seen, once, and keeps the answers. A hit is final, since the hash
 * names exactly one pair (the caller checks the center still offers the level).
 *
 * A miss re-reads the pairs and hashes the new ones: all centers at most once a minute, else
 * those updated since shortly before the last full read (a new center or level always bumps
 * updated_at), so a stream of unknown ids cannot make every request read the whole table.
 * Concurrent misses share one read that started after they arrived, so a service created
 * before the request is found.
 */
export class ServiceIdIndex {
  private readonly byServiceId = new Map<string, ServiceKey>();
  private readonly hashed = new Set<string>();
  private lastFullScanAt = 0;
  private scansStarted = 0;
  private running: { no: number; done: Promise<void> } | null = null;

  constructor(private readonly db: Db) {}

  async find(serviceId: string): Promise<ServiceKey | null> {
    const id = serviceId.toLowerCase();
    if (!V5_UUID.test(id)) return null;
    const hit = this.byServiceId.get(id);
    if (hit) return hit;
    await this.scanStartedAfter(this.scansStarted);
    return this.byServiceId.get(id) ?? null;
  }

  private async scanStartedAfter(seen: number): Promise<void> {
    for (;;) {
      const running = this.running;
      if (running && running.no > seen) return running.done;
      if (running) { await running.done.catch(() => undefined); continue; }
      const no = ++this.scansStarted;
      const done = this.scan().finally(() => { this.running = null; });
      this.running = { no, done };
      return done;
    }
  }

  private async scan(): Promise<void> {
    const startedAt = Date.now();
    const full = startedAt - this.lastFullScanAt >= FULL_SCAN_EVERY_MS;
    const since = full ? Prisma.empty : Prisma.sql`WHERE updated_at >= ${new Date(this.lastFullScanAt - COMMIT_MARGIN_MS)}`;
    const rows = await this.db.$queryRaw<{ id: string; levels_of_care: string[] }[]>`
      SELECT id::text AS id, levels_of_care FROM centers ${since}`;
    for (const { id: centerId, levels_of_care } of rows) {
      for (const level of levels_of_care) {
        const pair = `${centerId}:${level}`;
        if (this.hashed.has(pair)) continue;
        this.hashed.add(pair);
        this.byServiceId.set(centerScopedId(centerId, 'service', level), { centerId, level: level as LevelOfCare });
      }
    }
    if (full) this.lastFullScanAt = startedAt;
  }
}
