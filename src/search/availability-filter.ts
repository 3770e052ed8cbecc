import type { Center } from '../centers/center-schema';
import { freshCutoffSeconds } from '../availability/freshness';
import { AVAILABILITY_STATUSES } from '../taxonomy/codes';
import { quote } from './search-filter';
import type { SearchQuery } from './search-query';
import { zonesBySlot } from './intake-slots';

/**
 * Availability in the index: per status, the report time (epoch seconds) of each level's entry
 * and of the newest entry of any level, e.g. avail.open.iop. Staleness is relative to the query,
 * so filters compare these with a cutoff computed when the query runs; an index built days ago
 * never calls an old opening fresh.
 */
export type AvailabilityDoc = Record<(typeof AVAILABILITY_STATUSES)[number], Record<string, number>>;

export function availabilityDoc(center: Pick<Center, 'availability'>): { avail: AvailabilityDoc; wait_days: Record<string, number> } {
  const avail = Object.fromEntries(AVAILABILITY_STATUSES.map((s) => [s, { any: 0 } as Record<string, number>])) as AvailabilityDoc;
  const wait: Record<string, number> = {};
  for (const a of center.availability) {
    const ts = Math.floor(Date.parse(a.updated_at) / 1000);
    avail[a.status][a.level] = ts;
    avail[a.status].any = Math.max(avail[a.status].any, ts);
    if (a.status === 'waitlist' && a.waitlist_days != null) {
      wait[a.level] = a.waitlist_days;
      wait.any = Math.min(wait.any ?? Infinity, a.waitlist_days);
    }
  }
  return { avail, wait_days: wait };
}

/** Levels the query names (`level` and `level_all`): openings and waits are about them. */
export const requestedLevels = (q: SearchQuery) => [...new Set([...(q.level ?? []), ...(q.level_all ?? [])])];

/** A fresh entry of `status` for one of `levels` (any level when none). */
export function freshStatus(status: (typeof AVAILABILITY_STATUSES)[number], levels: string[], nowMs: number, staleHours: number): string {
  const cutoff = freshCutoffSeconds(nowMs, staleHours);
  const keys = levels.length ? levels : ['any'];
  return `(${keys.map((k) => `avail.${status}.${k} >= ${cutoff}`).join(' OR ')})`;
}

/**
 * How a center counts in the `availability` facet and in sort=soonest, from its fresh entries
 * for the requested levels: open if any is open, else waitlist, else full; unknown when it has
 * none (no report, or only stale ones: a stale report is no better than none).
 */
export function availabilityTiers(q: SearchQuery, nowMs: number, staleHours: number) {
  const levels = requestedLevels(q);
  const [open, waitlist, full] = AVAILABILITY_STATUSES.map((s) => freshStatus(s, levels, nowMs, staleHours));
  return {
    open: [open],
    waitlist: [`NOT ${open}`, waitlist],
    full: [`NOT ${open}`, `NOT ${waitlist}`, full],
    unknown: [`NOT ${open}`, `NOT ${waitlist}`, `NOT ${full}`],
    /** Sort of the waitlist tier: shortest wait of the (first) requested level first. */
    waitSort: `wait_days.${levels[0] ?? 'any'}:asc`,
  };
}

/** `intake_open_now=true`: per time zone, the quarter-hour slot its wall clock is in now. */
export function intakeOpenNowFilter(nowMs: number): string {
  const parts = [...zonesBySlot(nowMs)].map(([slot, zones]) => `(intake_slots = ${slot} AND intake_tz IN [${zones.map(quote).join(', ')}])`);
  return `(${parts.join(' OR ')})`;
}
