import type { SearchQuery } from './search-query';
import { FILTER_PARAMS, type FilterParam } from './search-query';
import { freshStatus, intakeOpenNowFilter, requestedLevels } from './availability-filter';

/**
 * Meilisearch filter expressions from a validated query. Attribute names come only from the
 * code here (never from input); every value is quoted and escaped, even though the query
 * schema already restricted values to published codes.
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const list = (values: string[]) => `[${values.map(quote).join(', ')}]`;

export function buildFilter(q: SearchQuery, point: { lat: number; lng: number } | null, now = Date.now(), staleHours = 72): string[] {
  const filter: string[] = [];
  filter.push(q.include_temporarily_closed ? `status IN ${list(['active', 'temporarily_closed'])}` : `status = ${quote('active')}`);

  for (const param of Object.keys(FILTER_PARAMS) as FilterParam[]) {
    const field = FILTER_PARAMS[param];
    const any = q[param];
    const all = q[`${param}_all`];
    const none = q[`${param}_not`];
    if (any) filter.push(`${field} IN ${list(any)}`);
    if (all) for (const v of all) filter.push(`${field} = ${quote(v)}`);
    if (none) filter.push(`${field} NOT IN ${list(none)}`);
  }

  if (q.schedule) {
    // With levels named, only their sessions count: "evening IOP" must not match a center whose
    // only evening sessions are outpatient.
    const levels = [...new Set([...(q.level ?? []), ...(q.level_all ?? [])])];
    filter.push(levels.length
      ? `schedule_by_level IN ${list(levels.flatMap((l) => q.schedule!.map((t) => `${l}:${t}`)))}`
      : `schedule IN ${list(q.schedule)}`);
  }
  if (q.telehealth !== undefined) filter.push(`telehealth = ${q.telehealth}`);
  if (q.accepting_new_patients !== undefined) filter.push(`accepting_new_patients = ${q.accepting_new_patients}`);
  if (q.state) filter.push(`state = ${quote(q.state)}`);
  if (q.walk_in !== undefined) filter.push(`walk_in = ${q.walk_in}`);
  if (q.has_openings) filter.push(freshStatus('open', requestedLevels(q), now, staleHours));
  if (q.intake_open_now) filter.push(intakeOpenNowFilter(now));
  if (q.verified_within_days !== undefined) {
    filter.push(`verified_at_ts >= ${Math.floor(now / 1000) - q.verified_within_days * 86_400}`);
  }
  if (point) filter.push(`_geoRadius(${point.lat}, ${point.lng}, ${Math.round(milesToMeters(q.radius ?? DEFAULT_RADIUS_MILES))})`);
  return filter;
}

export const DEFAULT_RADIUS_MILES = 25;
export const milesToMeters = (miles: number) => miles * 1609.344;

export function buildSort(q: SearchQuery, point: { lat: number; lng: number } | null): string[] {
  const sort = q.sort ?? (q.q ? 'relevance' : point ? 'distance' : 'name');
  switch (sort) {
    case 'distance': return [`_geoPoint(${point!.lat}, ${point!.lng}):asc`];
    case 'name': return ['name_sort:asc'];
    case 'updated': return ['updated_at_ts:desc'];
    default: return [];
  }
}

/** Index field → the parameter name facets are reported under. */
export const FACET_NAMES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(FILTER_PARAMS).map(([param, field]) => [field, param])),
  schedule: 'schedule', state: 'state', telehealth: 'telehealth', accepting_new_patients: 'accepting_new_patients',
};
