import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Request } from 'express';
import type { AppDeps } from '../app-deps';
import type { Center } from '../centers/center-schema';
import { AppError } from '../errors';
import { defineRoute, jsonResponse as json } from '../http/define-route';
import {
  HsdsOrganization, HsdsRoot, HsdsService, HsdsServiceAtLocation, HsdsTaxonomy, HsdsTaxonomyTerm, NDJSON, hsdsPage,
} from './hsds-docs';
import { centerBatches, findCenterPage, findCenters, findServicePage, serviceBatches, type ServiceRef } from './hsds-feed';
import { toHsdsPage } from './hsds-page';
import {
  IdParams, NoQuery, OrganizationListQuery, OrganizationQuery, ServiceAtLocationListQuery, ServiceListQuery, TAXONOMY_BY_ID,
  TERM_BY_ID, TaxonomyListQuery, TaxonomyTermListQuery, toServiceFilter,
} from './hsds-query';
import { apiBase, hsdsTaxonomies, hsdsTaxonomyTerms, searchTaxonomyItems, toHsdsTaxonomy, toHsdsTaxonomyTerm } from './hsds-taxonomy';
import type { HsdsContext } from './hsds-types';
import {
  toHsdsOrganization, toHsdsOrganizationFields, toHsdsService, toHsdsServiceAtLocationFull, toHsdsServiceAtLocationListItem,
  toHsdsServiceListItem, toHsdsServiceMinimal,
} from './map-center';
import { sendNdjson } from './ndjson-stream';
import { findServiceById } from './store-service-ids';

/** We follow no HSDS profile: the core specification, version 3.0, is the reference. */
const HSDS_PROFILE = 'https://github.com/openreferral/specification/tree/3.0';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CLOSED_NOTE = 'Closed centers stay in the feed with service status `defunct` (temporarily closed: `temporarily closed`), so consumers learn that a service closed; deleted listings disappear.';
const SYNC_NOTE = 'For incremental sync, send `modified_after` = when your previous sync started, less a few minutes (a long import commits changes stamped a little earlier); it matches centers whose `updated_at` is on or after it. `format=ndjson` streams everything at once.';

/** Source rows per database read while streaming: a few MB of centers at a time. */
const NDJSON_BATCH = 250;

const NDJSON_NOTE = '`format=ndjson` streams every match without paging, read from the database in batches as the client takes them (memory stays bounded whatever the size).';
/** Measured with bench/hsds-bench.ts (3,000 centers: 5,492 services, 64 MB in 2.8 s, the API's memory +36 MB). */
const FULL_NDJSON_SIZE = 'Size: `format=ndjson&full=true` is about 12 KB per service, so about 430 MB for 20,000 centers (about 37,000 services); it streams at roughly 20 MB/s. Without `full` it is about 1.1 KB per service (about 40 MB), with `minimal=true` about 170 bytes.';

const pageOf = <T>(items: T[], page: number, perPage: number) =>
  toHsdsPage(items.slice((page - 1) * perPage, page * perPage), { totalItems: items.length, page, perPage });

/** A code-list page, or every item as NDJSON (they are few; one batch). */
const listOrStream = <T>(items: T[], query: { format: string; page: number; per_page: number }, res: Parameters<typeof sendNdjson>[0]) =>
  (query.format === 'ndjson' ? sendNdjson(res, (async function* () { yield items; })()) : pageOf(items, query.page, query.per_page));

/** The HSDS 3.0 read feed (vendor/hsds-3.0/openapi.json is the API it follows); the mapping itself is in map-center.ts. */
export function hsdsRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const tags = ['HSDS 3.0'];
  const contextOf = (req: Request): HsdsContext => ({ baseUrl: deps.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}` });

  defineRoute(router, registry, {
    // Documented without the trailing slash (HSDS writes "/"; `/hsds/` answers the same).
    method: 'get', path: '/hsds', tags, summary: 'About this HSDS feed',
    description: 'The Open Referral HSDS 3.0 version and profile of the feed, and its endpoints. `/hsds/` answers the same.',
    query: NoQuery,
    responses: { 200: json(HsdsRoot, 'Version, profile and links') },
    handler: (_input, req) => {
      const base = apiBase(contextOf(req));
      const links = Object.fromEntries(['services', 'organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms']
        .map((name) => [name, `${base}/hsds/${name}`]));
      return { version: '3.0', profile: HSDS_PROFILE, openapi_url: `${base}/openapi.json`, links };
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/services', tags, summary: 'Services: one per level of care of each center',
    description: `A page of services with their one-to-one fields and organization (\`full=true\`: fully nested; \`minimal=true\`: only id, name, status and last_modified), in a stable order. ${SYNC_NOTE} ${NDJSON_NOTE} ${FULL_NDJSON_SIZE} ${CLOSED_NOTE}`,
    query: ServiceListQuery,
    responses: { 200: { description: 'A page of services, or every service as NDJSON', content: { 'application/json': { schema: hsdsPage('HsdsServicePage', HsdsService) }, ...NDJSON } } },
    handler: async ({ query }, req, res) => {
      const ctx = contextOf(req);
      const item = query.minimal ? ({ center, level }: ServiceRef) => toHsdsServiceMinimal(center, level)
        : query.full ? ({ center, level }: ServiceRef) => toHsdsService(center, level, ctx)
          : ({ center, level }: ServiceRef) => toHsdsServiceListItem(center, level, ctx);
      const filter = toServiceFilter(query);
      if (query.format === 'ndjson') return sendNdjson(res, serviceBatches(deps.db, filter, NDJSON_BATCH), item);
      const { refs, total } = await findServicePage(deps.db, filter, query.page, query.per_page);
      return toHsdsPage(refs.map(item), { totalItems: total, page: query.page, perPage: query.per_page });
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/services/:id', tags, summary: 'One service, fully nested',
    description: `The service with its organization, location, schedules, cost options, attributes, languages and phones. ${CLOSED_NOTE}`,
    params: IdParams, query: NoQuery,
    responses: { 200: json(HsdsService, 'The service'), 404: { description: 'No such service' } },
    handler: async ({ params }, req) => {
      const found = await findServiceById(deps.db, 'service', params.id);
      if (!found) throw new AppError('not_found', `No HSDS service with id ${params.id}`);
      return toHsdsService(found.center, found.level, contextOf(req));
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/organizations', tags, summary: 'Organizations: one per center',
    description: `A page of organizations (their one-to-one fields; \`full=true\`: with locations, phones and services; \`full_service=true\`: that, with the services fully nested), in id order. The organization id is the center id. ${NDJSON_NOTE} ${CLOSED_NOTE}`,
    query: OrganizationListQuery,
    responses: { 200: { description: 'A page of organizations, or all of them as NDJSON', content: { 'application/json': { schema: hsdsPage('HsdsOrganizationPage', HsdsOrganization) }, ...NDJSON } } },
    handler: async ({ query }, req, res) => {
      const ctx = contextOf(req);
      const filter = { modifiedAfter: query.modified_after, search: query.search };
      const item = (c: Center) => (query.full || query.full_service
        ? toHsdsOrganization(c, ctx, { fullServices: query.full_service }) : toHsdsOrganizationFields(c, ctx));
      if (query.format === 'ndjson') return sendNdjson(res, centerBatches(deps.db, filter, NDJSON_BATCH), item);
      const { centers, total } = await findCenterPage(deps.db, filter, query.page, query.per_page);
      return toHsdsPage(centers.map(item), { totalItems: total, page: query.page, perPage: query.per_page });
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/organizations/:id', tags, summary: 'One organization, with its location, phones and services',
    description: 'The organization with its location, phones, identifiers and services (their one-to-one fields; `full_service=true`: fully nested).',
    params: IdParams, query: OrganizationQuery,
    responses: { 200: json(HsdsOrganization, 'The organization'), 404: { description: 'No such organization' } },
    handler: async ({ params, query }, req) => {
      const center = UUID.test(params.id) ? (await findCenters(deps.db, [params.id.toLowerCase()])).get(params.id.toLowerCase()) : undefined;
      if (!center) throw new AppError('not_found', `No HSDS organization with id ${params.id}`);
      return toHsdsOrganization(center, contextOf(req), { fullServices: query.full_service });
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/service_at_locations', tags, summary: 'Services at locations, filterable by place',
    description: `A page of service_at_location items, each with its location and service (their one-to-one fields; \`full=true\`: fully nested). \`postcode\` alone matches the ZIP code exactly; \`postcode\` with \`proximity\` (meters, as in HSDS) finds locations within that distance of the ZIP code's centroid; \`proximity=<lat>,<lng>,<meters>\` measures from a point. With proximity, nearest first; otherwise a stable order. ${SYNC_NOTE} ${NDJSON_NOTE} ${CLOSED_NOTE}`,
    query: ServiceAtLocationListQuery,
    responses: { 200: { description: 'A page of service_at_location items, or all of them as NDJSON', content: { 'application/json': { schema: hsdsPage('HsdsServiceAtLocationPage', HsdsServiceAtLocation) }, ...NDJSON } } },
    handler: async ({ query }, req, res) => {
      const ctx = contextOf(req);
      const item = query.full ? ({ center, level }: ServiceRef) => toHsdsServiceAtLocationFull(center, level, ctx)
        : ({ center, level }: ServiceRef) => toHsdsServiceAtLocationListItem(center, level);
      const filter = toServiceFilter(query);
      if (query.format === 'ndjson') return sendNdjson(res, serviceBatches(deps.db, filter, NDJSON_BATCH), item);
      const { refs, total } = await findServicePage(deps.db, filter, query.page, query.per_page);
      return toHsdsPage(refs.map(item), { totalItems: total, page: query.page, perPage: query.per_page });
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/service_at_locations/:id', tags, summary: 'One service at its location, fully nested',
    description: `The fully nested service (as GET /hsds/services/{id}) whose \`service_at_locations\` holds this service_at_location with its location: HSDS 3.0's openapi.json answers this path with a service. ${CLOSED_NOTE}`,
    params: IdParams, query: NoQuery,
    responses: { 200: json(HsdsService, 'The service, with this service_at_location'), 404: { description: 'No such service_at_location' } },
    handler: async ({ params }, req) => {
      const found = await findServiceById(deps.db, 'service_at_location', params.id);
      if (!found) throw new AppError('not_found', `No HSDS service_at_location with id ${params.id}`);
      return toHsdsService(found.center, found.level, contextOf(req));
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/taxonomies', tags, summary: 'The code lists, as HSDS taxonomies',
    description: 'One taxonomy per code list of GET /v1/taxonomy that services are tagged with (levels of care, modalities, medications, payers, insurers, populations).',
    query: TaxonomyListQuery,
    responses: { 200: { description: 'A page of taxonomies, or all of them as NDJSON', content: { 'application/json': { schema: hsdsPage('HsdsTaxonomyPage', HsdsTaxonomy) }, ...NDJSON } } },
    handler: ({ query }, req, res) => listOrStream(searchTaxonomyItems(hsdsTaxonomies(contextOf(req)), query.search), query, res),
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/taxonomies/:id', tags, summary: 'One taxonomy',
    params: IdParams, query: NoQuery,
    responses: { 200: json(HsdsTaxonomy, 'The taxonomy'), 404: { description: 'No such taxonomy' } },
    handler: ({ params }, req) => {
      const field = TAXONOMY_BY_ID.get(params.id.toLowerCase());
      if (!field) throw new AppError('not_found', `No HSDS taxonomy with id ${params.id}`);
      return toHsdsTaxonomy(field, contextOf(req));
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/taxonomy_terms', tags, summary: 'The codes, as HSDS taxonomy terms',
    description: 'Every code list is flat: no term has a parent, so `top_only=true` changes nothing and `parent_id` gives an empty page.',
    query: TaxonomyTermListQuery,
    responses: { 200: { description: 'A page of taxonomy terms, or all of them as NDJSON', content: { 'application/json': { schema: hsdsPage('HsdsTaxonomyTermPage', HsdsTaxonomyTerm) }, ...NDJSON } } },
    handler: ({ query }, req, res) => {
      const terms = query.taxonomy_id === null || query.parent_id ? [] : hsdsTaxonomyTerms(contextOf(req), query.taxonomy_id);
      return listOrStream(searchTaxonomyItems(terms, query.search), query, res);
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/hsds/taxonomy_terms/:id', tags, summary: 'One taxonomy term',
    params: IdParams, query: NoQuery,
    responses: { 200: json(HsdsTaxonomyTerm, 'The taxonomy term'), 404: { description: 'No such taxonomy term' } },
    handler: ({ params }, req) => {
      const term = TERM_BY_ID.get(params.id.toLowerCase());
      if (!term) throw new AppError('not_found', `No HSDS taxonomy term with id ${params.id}`);
      return toHsdsTaxonomyTerm(term.field, term.code, contextOf(req));
    },
  });

  return router;
}
