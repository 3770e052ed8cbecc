import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { CenterSchema } from '../centers/center-schema';
import { defineRoute, jsonResponse } from '../http/define-route';
import { pagedList } from '../http/paged-list';
import { findCenters } from './find-centers';
import { SearchQuerySchema } from './search-query';

const SearchResponse = z.object({
  data: z.array(CenterSchema.extend({
    distance_miles: z.number().optional().describe('Miles from `near` (great-circle), when `near` is given'),
    intake_open_now: z.boolean().optional().describe('Whether the intake line is staffed now (center\'s time zone); present when the center lists intake hours'),
  })),
  meta: z.object({
    total: z.number().int().describe('Exact number of matching centers'),
    page: z.number().int(), per_page: z.number().int(), total_pages: z.number().int(),
    took_ms: z.number().describe('Time spent answering, in the API, milliseconds'),
    facets: z.record(z.string(), z.record(z.string(), z.number().int())).optional()
      .describe('Counts per value for level, modality, medication, payer, insurer, population, language, condition, accessibility, schedule, state, telehealth, accepting_new_patients, for the current query; and `availability`: open / waitlist / full / unknown from each center\'s fresh reports for the requested levels (open beats waitlist beats full; no report or only stale ones = unknown)'),
  }),
  links: z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() }),
}).meta({ id: 'CenterSearchResponse' });

const EMPTY_DATA = '{"data":[]';

export function searchRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'get', path: '/v1/centers', tags: ['Centers'], summary: 'Search centers',
    description: 'Filters combine with AND. Each code filter has three forms: `level=iop,php` (ANY), `level_all=iop,php` (ALL), `level_not=detox` (NONE). Closed centers never appear. Unknown parameters or codes are a 400 naming the parameter.',
    query: SearchQuerySchema,
    responses: { 200: jsonResponse(SearchResponse, 'A page of matching centers'), 503: { description: 'Search engine unreachable; retry after Retry-After seconds' } },
    handler: async ({ query }, req, res) => {
      const started = performance.now();
      const result = await findCenters(deps.meili, deps.config.MEILI_INDEX, query, { staleHours: deps.config.AVAILABILITY_STALE_HOURS });
      deps.gaps?.record(query, result.total); // in memory; written in batches (src/service-gaps)
      const envelope = JSON.stringify(pagedList(req, [], result.total, query.page, query.per_page, {
        took_ms: Math.round((performance.now() - started) * 100) / 100,
        ...(result.facets ? { facets: result.facets } : {}),
      }));
      // The hits arrive encoded (search-hit.ts): they go into `data` as they are.
      res.type('application/json').send(`{"data":[${result.data.join(',')}]${envelope.slice(EMPTY_DATA.length)}`);
    },
  });
  return router;
}
