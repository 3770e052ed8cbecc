import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';
import { defineRoute, jsonResponse } from '../http/define-route';
import { resolveNear } from '../search/find-centers';
import { buildCostComparison } from './cost-comparison';
import { levelsFor } from './pick-center-price';
import { readCenterForCosts } from './read-center-for-costs';
import { keepCenter, keptCenter } from '../centers/read-center';
import { CostQuerySchema, DEFAULT_RADIUS_MILES, type CostQuery } from './cost-query';
import { CostComparisonSchema } from './cost-response';

/** `near` as coordinates, keeping the ZIP to echo it (an unknown ZIP is a 400 naming `near`). */
function nearPoint(near: CostQuery['near']) {
  const point = resolveNear(near);
  if (!point) return undefined;
  return near && 'zip' in near && typeof near.zip === 'string' ? { ...point, zip: near.zip } : point;
}

/** GET /v1/cost-comparison (issue 4). */
export function costRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'get', path: '/v1/cost-comparison', tags: ['Costs'], summary: 'IOP vs inpatient care: an estimate of the cost of each',
    description: [
      'Each option is estimated on its own, as one episode, with the same coverage: deductible, then coinsurance, plus per-day copays, capped by the out-of-pocket maximum (private); Medicare Part A / Part B; nominal Medicaid cost sharing.',
      'Prices: `center` (its published prices; a level it does not price falls back to the regional median around it, then national reference figures, unless `fallback=false`),',
      'or `near` + `radius` (the median of published prices of active centers nearby, per-day prices preferred), else national reference figures with their sources.',
      'Every option lists its assumptions and where its price came from. Amounts in USD, rounded to cents. An estimate, not a quote.',
    ].join(' '),
    query: CostQuerySchema,
    responses: {
      200: jsonResponse(CostComparisonSchema, 'The estimate of each option, their difference and the basis of the prices'),
      404: { description: 'No center with the id given in `center`' },
    },
    handler: async ({ query }) => {
      const radius = query.radius ?? DEFAULT_RADIUS_MILES;
      const loaded = query.center ? await loadCenter(deps, query, radius) : undefined;
      return buildCostComparison(deps.pool, query, {
        center: loaded?.center,
        centerRegional: loaded?.regional,
        near: nearPoint(query.near),
        radius_miles: radius,
        fallback: query.fallback ?? true,
        cache: deps.centerCache,
      });
    },
  });
  return router;
}

/**
 * The center, with the regional medians around it when it does not price both options: one
 * statement, or none when this instance keeps the center (GET /v1/centers/{id}'s cache; the
 * medians, if needed, are then one query of findPriceBasis).
 */
async function loadCenter(deps: AppDeps, query: CostQuery, radius: number) {
  const id = query.center!;
  const now = Date.now();
  const kept = keptCenter(deps.centerCache, id, now, deps.config.AVAILABILITY_STALE_HOURS);
  if (kept) return { center: kept, regional: undefined };
  try {
    const ticket = deps.centerCache?.ticket() ?? 0;
    const read = await readCenterForCosts(deps.pool, id, now, deps.config.AVAILABILITY_STALE_HOURS, {
      miles: radius, inpatientLevel: query.inpatient_level ?? 'residential', ownInpatientLevels: levelsFor('inpatient', query.inpatient_level),
    });
    keepCenter(deps.centerCache, ticket, read.center, read.version);
    return read;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') {
      throw new AppError('not_found', `No center with id ${id} (center)`, { errors: [{ path: 'center', message: `no center with id ${id}` }] });
    }
    throw err;
  }
}
