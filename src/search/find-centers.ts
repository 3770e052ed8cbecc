import type { Meilisearch, MultiSearchQuery, SearchResponse } from 'meilisearch';
import type { Center } from '../centers/center-schema';
import { AppError, invalid } from '../errors';
import { lookupZip } from '../geo/zip-codes';
import { AVAILABILITY_SET, availabilityFacet, availabilityTiers } from './availability-filter';
import { meiliApiError, meiliPost } from './meili-client';
import { buildFilter, buildSort, FACET_NAMES } from './search-filter';
import type { SearchQuery } from './search-query';
import { hitJson, hitParts, type HitParts } from './search-hit';

export interface SearchResult {
  /** Each hit as JSON (search-hit.ts), in order. */
  data: string[];
  total: number;
  facets?: Record<string, Record<string, number>>;
  engine_ms: number;
}
export interface SearchOptions {
  /** AVAILABILITY_STALE_HOURS */
  staleHours: number;
  /** The moment the query is answered for (freshness, intake hours); now by default. */
  nowMs?: number;
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

type Hit = { id: string; hit?: HitParts };

/**
 * Documents indexed before settings revision 4 have no `hit`, only the center object: the live
 * index holds them until the rebuild of a deploy swaps the new one in. Their centers are fetched
 * by id in one more query meanwhile.
 */
async function olderDocuments(meili: Meilisearch, indexName: string, hits: Hit[]): Promise<Map<string, Center>> {
  const ids = hits.filter((h) => !h.hit).map((h) => h.id);
  if (ids.length === 0) return new Map();
  const found = await meiliPost<SearchResponse<{ id: string; center: Center }>>(meili, `/indexes/${encodeURIComponent(indexName)}/search`, {
    filter: [`id IN [${ids.map((id) => JSON.stringify(id)).join(', ')}]`], attributesToRetrieve: ['id', 'center'], limit: ids.length,
  }).catch((err: unknown) => { throw engineError(err); });
  return new Map(found.hits.map((h) => [h.id, h.center]));
}
type Query = Omit<MultiSearchQuery, 'indexUid'>;

/**
 * Runs a search against the index; the engine's own facet counts and exact total, in one query.
 * sort=soonest orders by freshness as of the query, so it counts the three tiers first (one
 * multi-search) and then fetches the slices of the page from them.
 */
export async function findCenters(meili: Meilisearch, indexName: string, q: SearchQuery, opts: SearchOptions = { staleHours: 72 }): Promise<SearchResult> {
  const nowMs = opts.nowMs ?? Date.now();
  const point = resolveNear(q.near);
  const filter = buildFilter(q, point, nowMs, opts.staleHours);
  const tiers = availabilityTiers(q, nowMs, opts.staleHours);
  const wantFacets = q.facets !== false;
  const count = (extra: string[]): Query => ({ q: q.q ?? '', filter: [...filter, ...extra], page: 1, hitsPerPage: 0 });
  const base: Query = { q: q.q ?? '', filter, attributesToRetrieve: ['id', 'hit'] };

  const search = (queries: Query[]) => meili.multiSearch({ queries: queries.map((x) => ({ indexUid: indexName, ...x })) })
    .then((r) => r.results as unknown as SearchResponse<Hit>[], (err) => { throw engineError(err); });

  let hits: Hit[];
  let first: SearchResponse<Hit>;
  let statusCounts: number[] | null = null;
  if (q.sort === 'soonest') {
    // Three groups in order: fresh openings, fresh waitlists (shortest first), the rest.
    const defaultSort = buildSort({ ...q, sort: undefined }, point);
    const groups = [
      { filter: tiers.open, sort: defaultSort },
      { filter: tiers.waitlist, sort: [tiers.waitSort, ...defaultSort] },
      { filter: [...tiers.full.slice(0, 2)], sort: defaultSort },
    ];
    const counts = await search([{ ...count([]), ...(wantFacets ? { facets: ['facet_values'] } : {}) }, count(tiers.open), count(tiers.waitlist), count(tiers.full)]);
    first = counts[0];
    statusCounts = counts.slice(1).map(total);
    const sizes = [statusCounts[0], statusCounts[1], total(first) - statusCounts[0] - statusCounts[1]];
    const slices: Query[] = [];
    let offset = (q.page - 1) * q.per_page;
    let wanted = q.per_page;
    groups.forEach((g, i) => {
      if (wanted === 0) return;
      if (offset >= sizes[i]) { offset -= sizes[i]; return; }
      const limit = Math.min(wanted, sizes[i] - offset);
      slices.push({ ...base, filter: [...filter, ...g.filter], sort: g.sort, offset, limit });
      wanted -= limit;
      offset = 0;
    });
    hits = slices.length ? (await search(slices)).flatMap((r) => r.hits) : [];
  } else {
    // One query: the availability facet comes from its own counts (availability-filter.ts).
    const facets = wantFacets ? { facets: ['facet_values'] } : {};
    first = await meiliPost<SearchResponse<Hit>>(meili, `/indexes/${encodeURIComponent(indexName)}/search`, {
      ...base, ...facets, sort: buildSort(q, point), page: q.page, hitsPerPage: q.per_page,
    }).catch((err: unknown) => { throw engineError(err); });
    hits = first.hits;
  }

  const older = await olderDocuments(meili, indexName, hits);
  const data = hits.flatMap((h) => {
    if (h.hit) return [hitJson(h.hit, point, nowMs, opts.staleHours)];
    const center = older.get(h.id); // absent only if deleted between the two queries
    return center ? [hitJson(hitParts(center), point, nowMs, opts.staleHours)] : [];
  });
  let facets: SearchResult['facets'];
  if (wantFacets) {
    facets = splitFacets(first.facetDistribution?.facet_values ?? {});
    const sets = facets[AVAILABILITY_SET] ?? {};
    delete facets[AVAILABILITY_SET];
    if (statusCounts) {
      const [open, waitlist, full] = statusCounts;
      const unknown = total(first) - open - waitlist - full;
      facets.availability = Object.fromEntries(Object.entries({ open, waitlist, full, unknown }).filter(([, n]) => n > 0));
    } else {
      facets.availability = availabilityFacet(sets, q, total(first));
    }
  }
  return { data, total: total(first), facets, engine_ms: first.processingTimeMs };
}

const total = (r: SearchResponse<Hit>) => (r as { totalHits?: number }).totalHits ?? 0;

const FACET_GROUPS = Object.values(FACET_NAMES);
// `level:iop` → ['level', 'iop'], kept: the keys are the code lists' values, a few hundred at most,
// and splitting them anew on every search (~120 keys a page) was a tenth of the API's CPU per query.
const facetKeys = new Map<string, readonly [string, string]>();
const MAX_FACET_KEYS = 10_000;

function facetKey(key: string): readonly [string, string] {
  let split = facetKeys.get(key);
  if (split === undefined) {
    const at = key.indexOf(':');
    split = [key.slice(0, at), key.slice(at + 1)];
    if (facetKeys.size < MAX_FACET_KEYS) facetKeys.set(key, split);
  }
  return split;
}

/** `level:iop` → facets.level.iop; every facet name is present, with the values that occur. */
function splitFacets(counts: Record<string, number>) {
  const facets: Record<string, Record<string, number>> = {};
  for (const name of FACET_GROUPS) facets[name] = {};
  for (const key in counts) {
    const [name, value] = facetKey(key);
    (facets[name] ??= {})[value] = counts[key];
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
