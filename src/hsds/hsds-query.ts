import { z } from 'zod';
import { PageQuery } from '../http/paged-list';
import { invalid } from '../errors';
import { lookupZip } from '../geo/zip-codes';
import { CODE_FIELDS } from '../taxonomy/codes';
import type { ServiceFilter } from './hsds-feed';
import { HSDS_TAXONOMY_FIELDS, taxonomyId, taxonomyTermId, type HsdsTaxonomyField } from './hsds-taxonomy';

/** Query parameters of the HSDS feed (HSDS openapi.json, components.parameters). */

export const TAXONOMY_BY_ID = new Map(HSDS_TAXONOMY_FIELDS.map((f) => [taxonomyId(f), f]));
export const TERM_BY_ID = new Map(HSDS_TAXONOMY_FIELDS.flatMap((field) =>
  (CODE_FIELDS[field] as readonly string[]).map((code) => [taxonomyTermId(field, code), { field, code }] as const)));

/** Farthest `proximity`: 500 miles, as for `radius` in center search. */
const MAX_METERS = 805_000;

const flag = () => z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true');

const modifiedAfter = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  message: 'must be an ISO 8601 date-time with a time zone (e.g. 2026-01-31T00:00:00Z) or a date (2026-01-31, midnight UTC)',
}).transform((v) => new Date(v)).describe('Only results whose center was modified on or after this time (ISO 8601): for incremental sync');

const taxonomyIdParam = z.string().refine((id) => TAXONOMY_BY_ID.has(id), 'is not the id of a taxonomy; see GET /hsds/taxonomies')
  .transform((id) => TAXONOMY_BY_ID.get(id)!);

const termIdParam = z.string().refine((id) => TERM_BY_ID.has(id), 'is not the id of a taxonomy term; see GET /hsds/taxonomy_terms')
  .transform((id) => TERM_BY_ID.get(id)!).describe('Only services with this taxonomy term (e.g. a level of care, a payer)');

const serviceFilters = {
  modified_after: modifiedAfter.optional(),
  organization_id: z.uuid({ message: 'must be an organization id (a UUID)' }).optional().describe('Only services of this organization (center)'),
  taxonomy_term_id: termIdParam.optional(),
  taxonomy_id: taxonomyIdParam.optional().describe('Only services with any term of this taxonomy'),
  format: z.enum(['json', 'ndjson']).default('json')
    .describe('`ndjson` streams every matching item, one JSON object per line (application/x-ndjson), without paging'),
  ...PageQuery,
};

export const ServiceListQuery = z.strictObject({
  ...serviceFilters,
  full: flag().describe('`true` returns fully nested services (schedules, cost options, attributes, …) instead of their one-to-one fields'),
});

export const ServiceAtLocationListQuery = z.strictObject({
  ...serviceFilters,
  postcode: z.string().regex(/^\d{5}(-\d{4})?$/, 'must be a 5-digit ZIP code').transform((z5) => z5.slice(0, 5)).optional()
    .describe('A ZIP code. Alone: only locations with this ZIP code. With `proximity` in meters: the centre of the search circle'),
  proximity: z.string().transform(parseProximity).optional()
    .describe(`Either meters from the centroid of \`postcode\` (HSDS), e.g. \`postcode=10027&proximity=16000\`, or \`<lat>,<lng>,<meters>\` around a point, e.g. \`40.81,-73.95,16000\`. At most ${MAX_METERS} m`),
}).superRefine((q, ctx) => {
  if (q.proximity && !('lat' in q.proximity) && !q.postcode) ctx.addIssue({ code: 'custom', path: ['proximity'], message: 'meters need a postcode to measure from; or send <lat>,<lng>,<meters>' });
  if (q.proximity && 'lat' in q.proximity && q.postcode) ctx.addIssue({ code: 'custom', path: ['proximity'], message: 'send either postcode with meters, or <lat>,<lng>,<meters> without postcode' });
});

export const OrganizationListQuery = z.strictObject({
  modified_after: modifiedAfter.optional(),
  full: flag().describe('`true` returns each organization with its locations, phones and services'),
  ...PageQuery,
});

export const TaxonomyTermListQuery = z.strictObject({
  taxonomy_id: taxonomyIdParam.optional().describe('Only terms of this taxonomy'),
  ...PageQuery,
});

export const PageOnlyQuery = z.strictObject({ ...PageQuery });

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
  modified_after?: Date; organization_id?: string; taxonomy_id?: HsdsTaxonomyField;
  taxonomy_term_id?: { field: HsdsTaxonomyField; code: string }; postcode?: string; proximity?: Proximity;
}

/** Parsed query → the filter of hsds-feed.ts; a ZIP code we cannot place is a 400. */
export function toServiceFilter(q: ServiceParams): ServiceFilter {
  const filter: ServiceFilter = {
    modifiedAfter: q.modified_after, organizationId: q.organization_id, term: q.taxonomy_term_id, taxonomy: q.taxonomy_id,
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
