import type { Meilisearch } from 'meilisearch';
import type { Center } from '../centers/center-schema';
import { AppError, invalid } from '../errors';
import { distanceMiles, lookupZip } from '../geo/zip-codes';
import { meiliApiError } from './meili-client';
import { buildFilter, buildSort, FACET_NAMES } from './search-filter';
import type { SearchQuery } from './search-query';

export type CenterHit = Center & { distance_miles?: number };
export interface SearchResult {
  data: CenterHit[];
  total: number;
  facets?: Record<string, Record<string, number>>;
  engine_ms: number;
}

export function resolveNear(near: SearchQuery['near']): { lat: number; lng: number } | null {
  if (!near) return null;
  if ('zip' in near && typeof near.zip === 'string') {
    const place = lookupZip(near.zip);
    if (!place) throw invalid('near', `ZIP code ${near.zip} is not in the US ZIP database`);
    return { lat: place.lat, lng: place.lng };
  }
  return near as { lat: number; lng: number };
}

/** Runs a search against the index; the engine's own facet counts and exact total. */
export async function findCenters(meili: Meilisearch, indexName: string, q: SearchQuery): Promise<SearchResult> {
  const point = resolveNear(q.near);
  let response;
  try {
    response = await meili.index(indexName).search<{ center: Center }>(q.q ?? '', {
      filter: buildFilter(q, point),
      sort: buildSort(q, point),
      page: q.page,
      hitsPerPage: q.per_page,
      facets: q.facets === false ? undefined : ['facet_values'],
      attributesToRetrieve: ['center'],
    });
  } catch (err) {
    throw engineError(err);
  }
  const data = response.hits.map(({ center }) =>
    point ? { ...center, distance_miles: Math.round(distanceMiles(point, center.location) * 100) / 100 } : center);
  const facets = response.facetDistribution ? splitFacets(response.facetDistribution.facet_values ?? {}) : undefined;
  return { data, total: (response as { totalHits?: number }).totalHits ?? 0, facets, engine_ms: response.processingTimeMs };
}

/** `level:iop` → facets.level.iop; every facet name is present, with the values that occur. */
function splitFacets(counts: Record<string, number>) {
  const facets: Record<string, Record<string, number>> = Object.fromEntries(Object.values(FACET_NAMES).map((n) => [n, {}]));
  for (const [key, count] of Object.entries(counts)) {
    const at = key.indexOf(':');
    facets[key.slice(0, at)][key.slice(at + 1)] = count;
  }
  return facets;
}

/**
 * The engine being unreachable, or the index not built yet (a first start), is our outage, not
 * the caller's error: 503 with Retry-After. Any other 4xx from the engine means the API sent a
 * request it should not have: a bug, logged (with the engine's error code only — its message can
 * echo the caller's query) as a 500.
 */
export function engineError(err: unknown): AppError {
  const api = meiliApiError(err);
  const status = api?.response?.status ?? 500;
  if (api && api.cause?.code === 'index_not_found') {
    return new AppError('search_unavailable', 'The search index is being built; try again shortly', { headers: { 'Retry-After': '2' } });
  }
  if (api && status < 500) return new AppError('internal', `bug: search request rejected by the engine (${api.cause?.code ?? status})`);
  return new AppError('search_unavailable', 'The search engine is not reachable right now; try again shortly', { headers: { 'Retry-After': '5' } });
}
