import type { Center } from '../centers/center-schema';
import { freshCutoffSeconds, isFresh } from '../availability/freshness';
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

/** The sets are counted in facet_values as `availability_set:<set>` (center-document.ts). */
export const AVAILABILITY_SET = 'availability_set';
const SET_KINDS = { open: ['open'], ow: ['open', 'waitlist'], any: ['open', 'waitlist', 'full'] } as const;
type SetKind = keyof typeof SET_KINDS;
const setKey = (kind: SetKind, levels: string[]) => `${kind}:${levels.length ? [...levels].sort().join('+') : '*'}`;

export interface AvailabilitySetsDoc {
  avail_sets: string[];
  /** Epoch seconds at which a fresh entry turns stale; absent when none is fresh. */
  avail_expires_ts?: number;
  /** AVAILABILITY_STALE_HOURS the sets were computed with; present with any entry. */
  avail_stale_hours?: number;
}

/**
 * The `availability` facet from the main query's own facet counts, instead of three counting
 * queries beside it (which cost the engine about as much again as the search itself).
 *
 * Each document lists, per kind, every non-empty set of levels each of which has a fresh entry
 * of that kind: `open:iop+php` when both iop and php have a fresh opening; `ow:` counts open or
 * waitlist, `any:` any fresh entry; `open:*` etc. for "some level". The facet count of
 * `open:<T>` is then the number of matching centers open for every level of T, and the number
 * open for at least one requested level follows by inclusion–exclusion over the subsets of the
 * requested levels. Freshness is decided when the document is built: `avail_expires_ts` says
 * when one of its fresh entries turns stale, and the background worker re-indexes such
 * documents as that moment passes (index-sync.ts), so the facet follows the clock within
 * seconds. Filters (has_openings) compare report times with the query's own clock.
 */
export function availabilitySets(center: Pick<Center, 'availability'>, nowMs: number, staleHours: number): AvailabilitySetsDoc {
  const fresh = center.availability.filter((a) => isFresh(a.updated_at, nowMs, staleHours));
  const sets: string[] = [];
  for (const [kind, statuses] of Object.entries(SET_KINDS) as [SetKind, readonly string[]][]) {
    const levels = [...new Set(fresh.filter((a) => statuses.includes(a.status)).map((a) => a.level))].sort();
    if (levels.length) sets.push(setKey(kind, []));
    for (const subset of nonEmptySubsets(levels)) sets.push(setKey(kind, subset));
  }
  const doc: AvailabilitySetsDoc = { avail_sets: sets };
  if (center.availability.length) doc.avail_stale_hours = staleHours;
  if (fresh.length) doc.avail_expires_ts = Math.min(...fresh.map((a) => Math.floor((Date.parse(a.updated_at) + staleHours * 3_600_000) / 1000) + 1));
  return doc;
}

/** open / waitlist / full / unknown among `total` matches, from the facet counts of the availability sets. */
export function availabilityFacet(counts: Record<string, number>, q: SearchQuery, total: number): Record<string, number> {
  const levels = requestedLevels(q);
  const atLeastOne = (kind: SetKind) => (levels.length === 0 ? counts[setKey(kind, [])] ?? 0
    : nonEmptySubsets(levels).reduce((sum, subset) => sum + (subset.length % 2 ? 1 : -1) * (counts[setKey(kind, subset)] ?? 0), 0));
  const open = atLeastOne('open');
  const ow = atLeastOne('ow');
  const any = atLeastOne('any');
  const facet = { open, waitlist: ow - open, full: any - ow, unknown: total - any };
  return Object.fromEntries(Object.entries(facet).filter(([, n]) => n > 0));
}

function nonEmptySubsets<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => mask & (1 << i)));
  return out;
}
