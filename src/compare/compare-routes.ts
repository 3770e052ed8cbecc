import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { CenterSchema } from '../centers/center-schema';
import { buildCostComparison } from '../costs/cost-comparison';
import { DEFAULT_RADIUS_MILES } from '../costs/cost-query';
import { CostComparisonSchema } from '../costs/cost-response';
import { defineRoute, jsonResponse } from '../http/define-route';
import { resolveNear } from '../search/find-centers';
import { withFreshness } from '../availability/freshness';
import { COMPARED_FIELDS, compareCenters } from './compare-centers';
import { CompareQuerySchema } from './compare-query';
import { loadCompared } from './load-compared';

const CompareResponse = z.object({
  data: z.array(CenterSchema.extend({
    distance_miles: z.number().optional().describe('Miles from `near` (great-circle, 2 decimals), when `near` is given'),
  })).describe('The centers, in the order of `ids`'),
  differences: z.array(z.object({
    field: z.enum(COMPARED_FIELDS).describe('A field on which the centers differ'),
    values: z.record(z.string(), z.unknown()).describe(
      'Each center\'s value by center id. Lists are sorted codes; schedules are tags per level ("iop: evening, weekend"); '
      + 'verified_at is { verified_at, age_days } and differs by age in days; prices are { level, amount (USD), unit, price_type }; distance_miles in miles; '
      + 'intake is { phone, hours ("mon-fri 08:00-17:00"), walk_in, same_day_assessment, referral_required }; availability is per level "iop: open (3 slots)", "residential: waitlist (14 days)", "detox: full", with "stale" instead of the status for a stale report'),
    common: z.array(z.string()).optional().describe('List fields: the values every center has'),
  })).describe('Only the fields on which the centers differ, in a fixed order'),
  cost_comparison: z.record(z.string(), CostComparisonSchema).optional()
    .describe('By center id: the GET /v1/cost-comparison answer with that center as basis; present when `payer` is given'),
}).meta({ id: 'CompareResponse' });

/** GET /v1/compare (issue 4). */
export function compareRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'get', path: '/v1/compare', tags: ['Compare'], summary: 'Two to five centers side by side',
    description: 'The centers in full, the fields on which they differ, and, when `payer` (and any other coverage or program parameter of GET /v1/cost-comparison) is given, the cost comparison of each center with its own prices as basis (a level it does not price falls back to the regional median within 25 miles, then national figures).',
    query: CompareQuerySchema,
    responses: {
      200: jsonResponse(CompareResponse, 'The centers and their differences'),
      404: { description: 'An id in `ids` names no center' },
    },
    handler: async ({ query }) => {
      const point = resolveNear(query.near);
      const now = Date.now();
      const data = (await loadCompared(deps.db, query.ids, point)).map((c) => withFreshness(c, now, deps.config.AVAILABILITY_STALE_HOURS));
      const { payer } = query;
      const costs = payer
        ? await Promise.all(data.map((center) => buildCostComparison(deps.pool, { ...query, payer }, {
          center, radius_miles: DEFAULT_RADIUS_MILES, fallback: true,
        })))
        : null;
      return {
        data,
        differences: compareCenters(data, new Date(now)),
        ...(costs ? { cost_comparison: Object.fromEntries(data.map((c, i) => [c.id, costs[i]])) } : {}),
      };
    },
  });
  return router;
}
