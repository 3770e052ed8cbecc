import { z } from 'zod';

/**
 * Loose schemas for the OpenAPI document of the HSDS feed. The HSDS 3.0 JSON schemas are the
 * reference for the objects (the integration tests validate every response against them), so
 * these only name each object and point there instead of restating the standard.
 */
const SPEC = 'https://github.com/openreferral/specification/blob/3.0/schema';

export const hsdsObject = (id: string, file: string, what: string) =>
  z.looseObject({ id: z.string().describe('Stable UUID') })
    .meta({ id, description: `${what}: an HSDS 3.0 \`${file}\` object (${SPEC}/${file}).` });

export const hsdsPage = (id: string, item: z.ZodType) => z.object({
  total_items: z.number().int().describe('Items matching the query across all pages'),
  total_pages: z.number().int(),
  page_number: z.number().int().describe('This page, from 1'),
  size: z.number().int().describe('Items on this page'),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean().describe('true when this page holds no items'),
  contents: z.array(item),
}).meta({ id, description: 'The HSDS 3.0 `Page` envelope' });

export const HsdsService = hsdsObject('HsdsService', 'service.json', 'A level of care offered by a center');
export const HsdsOrganization = hsdsObject('HsdsOrganization', 'organization.json', 'A center as an organization');
export const HsdsServiceAtLocation = hsdsObject('HsdsServiceAtLocation', 'service_at_location.json', 'A service at the center\'s location, with both');
export const HsdsTaxonomy = hsdsObject('HsdsTaxonomy', 'taxonomy.json', 'One of the directory\'s code lists');
export const HsdsTaxonomyTerm = hsdsObject('HsdsTaxonomyTerm', 'taxonomy_term.json', 'One code of a code list');

export const HsdsRoot = z.object({
  version: z.string().describe('HSDS version of this feed'),
  profile: z.string().describe('The HSDS profile the feed follows: the core specification'),
  openapi_url: z.string().describe('The OpenAPI document of this API'),
  links: z.record(z.string(), z.string()).describe('The feed\'s endpoints'),
}).meta({ id: 'HsdsRoot' });

export const NDJSON = {
  'application/x-ndjson': { schema: { type: 'string' as const, description: 'One HSDS object per line (with format=ndjson)' } },
};
