import { lookupZip } from '../geo/zip-codes';
import { FILTER_PARAMS } from '../search/search-query';
import type { SearchQuery } from '../search/search-query';

/**
 * What a search asked for, reduced to what may be kept (docs/domain.md, "Service gaps"): the codes
 * and yes/no criteria, the state and the first three digits of the ZIP. Never the free text
 * (only that there was some), never the full ZIP or coordinates, nothing about the caller.
 */
const FLAGS = ['schedule', 'telehealth', 'accepting_new_patients', 'has_openings', 'intake_open_now', 'walk_in',
  'include_temporarily_closed', 'verified_within_days', 'radius'] as const;

export function gapCriteria(q: SearchQuery): string {
  const parts: string[] = [];
  for (const param of Object.keys(FILTER_PARAMS) as (keyof typeof FILTER_PARAMS)[]) {
    for (const key of [param, `${param}_all`, `${param}_not`] as const) {
      const codes = q[key];
      if (codes?.length) parts.push(`${key}=${[...codes].sort().join(',')}`);
    }
  }
  for (const key of FLAGS) {
    const v = q[key];
    if (v !== undefined) parts.push(`${key}=${Array.isArray(v) ? [...v].sort().join(',') : String(v)}`);
  }
  if (q.q) parts.push('text=yes');
  return parts.length ? parts.sort().join('&') : 'none';
}

export function gapRegion(q: SearchQuery): { state: string; zip3: string } {
  const zip = q.near && 'zip' in q.near ? String(q.near.zip) : null;
  const place = zip ? lookupZip(zip) : null;
  return { state: q.state ?? place?.state ?? '', zip3: zip ? zip.slice(0, 3) : '' };
}
