import { z } from 'zod';
import { PageQuery } from '../http/paged-list';
import { invalid } from '../errors';
import { lookupZip } from '../geo/zip-codes';
import type { ServiceFilter } from './hsds-feed';
import { HSDS_TAXONOMIES, taxonomyCodes, taxonomyId, taxonomyTermId, type HsdsTaxonomyName } from './hsds-taxonomy';

/**
 * Query parameters of the HSDS feed: every parameter that vendor/hsds-3.0/openapi.json defines
 * for a path is accepted there (components.parameters, with their HSDS meaning), plus
 * `postcode` / `proximity` extensions documented per route. An unknown parameter is a 400
 * naming it, on lists and on `/{id}` routes alike, as everywhere in this API: a misspelt
 * filter must not silently return everything.
 *
 * Ids in filters (`taxonomy_term_id`, `taxonomy_id`, `organization_id`, `parent_id`) must be
 * UUIDs, as every HSDS id is (400 otherwise); a well-formed id that names nothing matches
 * nothing: an empty page, as a client filtering by an id it once saw expects.
 */

export const TAXONOMY_BY_ID = new Map(HSDS_TAXONOMIES.map((f) => [taxonomyId(f), f]));
export const TERM_BY_ID = new Map(HSDS_TAXONOMIES.flatMap((field) =>
  taxonomyCodes(field).map((code) => [taxonomyTermId(field, code), { field, code }] as const)));

/** Farthest `proximity`: 500 miles, as for `radius` in center search. */
const MAX_METERS = 805_000;

const flag = () => z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true');

const ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * ISO 8601 date-time or date. Without a zone it is read as UTC (as a plain date is, at
 * midnight), since the server's own zone means nothing to a client. PostgreSQL stores years
 * 1–9999 of these; anything outside (e.g. 0000-12-31T23:00:00Z) is a 400, not a failed query.
 */
const modifiedAfter = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], {
  message: 'must be an ISO 8601 date-time (e.g. 2026-01-31T00:00:00Z; without a zone it is UTC) or a date (2026-01-31, midnight UTC)',
}).transform((v, ctx) => {
  const date = new Date(v.length === 10 || ZONE.test(v) ? v : `${v}Z`);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) {
    ctx.addIssue({ code: 'custom', message: 'must be between 0001-01-01 and 9999-12-31 (UTC)' });
    return z.NEVER;
  }
  return date;
}).describe('Only results whose center was modified on or after this time (ISO 8601; a date-time without a zone is UTC, a date is midnight UTC): for incremental sync');

const hsdsId = (what: string) => z.uuid({ message: `must be ${what} id (a UUID)` });

/** A known id → its value; an unknown one → null, which matches nothing. */
const taxonomyIdParam = hsdsId('a taxonomy').transform((id) => TAXONOMY_BY_ID.get(id.toLowerCase()) ?? null);

const termIdParam = hsdsId('a taxonomy term').transform((id) => TERM_BY_ID.get(id.toLowerCase()) ?? null)
  .describe('Only services with this taxonomy term (e.g. a level of care, a payer); an id that is no term gives an empty page');

/** Free text: every word must appear (case-insensitively) in the item's name or description. */
const search = z.string().max(200, 'must be at most 200 characters').refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
  .transform((v) => v.trim().split(/\s+/).filter(Boolean).slice(0, 10))
  .describe('Text search: items whose name or description (for services and organizations also the city and the level of care) contain every word, case-insensitively');

const format = z.enum(['json', 'ndjson']).default('json')
  .describe('`ndjson` streams every matching item, one JSON object per line (application/x-ndjson), without paging');

const serviceFilters = {
  search: search.optional(),
  modified_after: modifiedAfter.optional(),
  organization_id: hsdsId('an organization').optional().describe('Only services of this organization (center)'),
  taxonomy_term_id: termIdParam.optional(),
  taxonomy_id: taxonomyIdParam.optional().describe('Only services with any term of this taxonomy; an id that is no taxonomy gives an empty page'),
  format,
  ...PageQuery,
};

export const ServiceListQuery = z.strictObject({
  ...serviceFilters,
  full: flag().describe('`true` returns fully nested services (schedules, cost options, attributes, …) instead of their one-to-one fields'),
  minimal: flag().describe('`true` returns each service with only `id` and `last_modified` (and `name` and `status`, which the HSDS schema requires of every service); with `format=ndjson`, all of them in one call'),
});

export const ServiceAtLocationListQuery = z.strictObject({
  ...serviceFilters,
  full: flag().describe('`true` returns each service_at_location fully nested: its schedules and phones, its full location (with address) and its fully nested service'),
  postcode: z.string().regex(/^\d{5}(-\d{4})?$/, 'must be a 5-digit ZIP code').transform((z5) => z5.slice(0, 5)).optional()
    .describe('A ZIP code. Alone: only locations with this ZIP code. With `proximity` in meters: the centre of the search circle'),
  proximity: z.string().transform(parseProximity).optional()
    .describe(`Either meters from the centroid of \`postcode\` (HSDS), e.g. \`postcode=10027&proximity=16000\`, or \`<lat>,<lng>,<meters>\` around a point, e.g. \`40.81,-73.95,16000\`. At most ${MAX_METERS} m`),
}).superRefine((q, ctx) => {
  if (q.proximity && !('lat' in q.proximity) && !q.postcode) ctx.addIssue({ code: 'custom', path: ['proximity'], message: 'meters need a postcode to measure from; or send <lat>,<lng>,<meters>' });
  if (q.proximity && 'lat' in q.proximity && q.postcode) ctx.addIssue({ code: 'custom', path: ['proximity'], message: 'send either postcode with meters, or <lat>,<lng>,<meters> without postcode' });
});

const fullService = flag().describe('`true` nests each service fully (schedules, cost options, attributes, languages, phones) instead of its one-to-one fields');

export const OrganizationListQuery = z.strictObject({
  search: search.optional(),
  modified_after: modifiedAfter.optional(),
  full: flag().describe('`true` returns each organization with its locations, phones and services'),
  full_service: fullService.describe('`true` returns each organization fully nested (as `full=true`) with its services fully nested too'),
  format,
  ...PageQuery,
});

export const OrganizationQuery = z.strictObject({ full_service: fullService });

export const TaxonomyListQuery = z.strictObject({ search: search.optional(), format, ...PageQuery });

export const TaxonomyTermListQuery = z.strictObject({
  search: search.optional(),
  taxonomy_id: taxonomyIdParam.optional().describe('Only terms of this taxonomy; an id that is no taxonomy gives an empty page'),
  top_only: flag().describe('`true`: only terms without a parent. Every code list here is flat, so this is every term'),
  parent_id: hsdsId('a taxonomy term').optional().describe('Only terms whose parent is this term. The code lists are flat, so this is an empty page'),
  format,
  ...PageQuery,
});

/** `/{id}` routes take no query parameters (but `full_service` on organizations). */
export const NoQuery = z.strictObject({});

export const IdParams = z.strictObject({ id: z.string().max(100).describe('HSDS id') });

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const POINT_AND_METERS = new RegExp(`^${NUMBER}\\s*,\\s*${NUMBER}\\s*,\\s*${NUMBER}$`);

function parseProximity(value: string, ctx: z.RefinementCtx): { meters: number } | { lat: number; lng: number; meters: number } {
  const text = value.trim();
  const point = POINT_AND_METERS.exec(text);
  if (!point && !/^\d+(\.\d+)?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'must be meters (with postcode) or "<lat>,<lng>,<meters>"' });
    return z.NEVER;
  }
  const meters = Number(point ? point[3] : text);
  if (!(meters > 0 && meters <= MAX_METERS)) {
    ctx.addIssue({ code: 'custom', message: `meters must be more than 0 and at most ${MAX_METERS}` });
    return z.NEVER;
  }
  if (!point) return { meters };
  const lat = Number(point[1]); const lng = Number(point[2]);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    ctx.addIssue({ code: 'custom', message: 'latitude must be within ±90 and longitude within ±180' });
    return z.NEVER;
  }
  return { lat, lng, meters };
}

type Proximity = ReturnType<typeof parseProximity>;
interface ServiceParams {
  search?: string[]; modified_after?: Date; organization_id?: string; taxonomy_id?: HsdsTaxonomyName | null;
  taxonomy_term_id?: { field: HsdsTaxonomyName; code: string } | null; postcode?: string; proximity?: Proximity;
}

/** Parsed query → the filter of hsds-feed.ts; a ZIP code we cannot place is a 400. */
export function toServiceFilter(q: ServiceParams): ServiceFilter {
  const filter: ServiceFilter = {
    search: q.search?.length ? q.search : undefined,
    modifiedAfter: q.modified_after, organizationId: q.organization_id?.toLowerCase(), term: q.taxonomy_term_id, taxonomy: q.taxonomy_id,
  };
  const { proximity, postcode } = q;
  if (proximity && 'lat' in proximity) return { ...filter, near: proximity };
  if (proximity && postcode) {
    const place = lookupZip(postcode);
    if (!place) throw invalid('postcode', `unknown ZIP code ${postcode}; cannot measure proximity from it`);
    return { ...filter, near: { lat: place.lat, lng: place.lng, meters: proximity.meters } };
  }
  return postcode ? { ...filter, postcode } : filter;
}
