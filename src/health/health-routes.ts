import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineRoute, jsonResponse } from '../http/define-route';

const Readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({ ok: z.boolean(), error: z.string().optional() }),
  search: z.object({
    ok: z.boolean(), error: z.string().optional(),
    index_current: z.boolean().optional().describe('false until the index is built with the current settings'),
    index_built: z.boolean().optional().describe('false until the first build of the index completed (a first start): search answers 503 meanwhile'),
    lag: z.object({
      pending: z.number().int().describe('Committed writes not yet in the search index'),
      oldest_seconds: z.number().describe('Age of the oldest of them, seconds'),
    }).optional(),
  }),
  rate_limits: z.object({
    store: z.enum(['memory', 'redis']).describe('memory: per instance; redis: shared by every instance'),
    ok: z.boolean().describe('false while Redis is unreachable: requests are served without shared limits (not a reason to be unready)'),
    error: z.string().optional(),
  }).optional(),
  center_cache: z.enum(['listening', 'not listening', 'off']).optional()
    .describe('GET /v1/centers/{id} cache: `not listening` while its PostgreSQL connection is down, when every read goes to PostgreSQL (not a reason to be unready)'),
  background_worker: z.boolean().optional().describe('true on the one instance of the cluster that drains the outbox and reconciles the index'),
}).meta({ id: 'Readiness' });

export function healthRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'get', path: '/health', tags: ['Health'], summary: 'Liveness',
    responses: { 200: jsonResponse(z.object({ status: z.literal('ok') }), 'The process is up') },
    handler: () => ({ status: 'ok' }),
  });
  defineRoute(router, registry, {
    method: 'get', path: '/ready', tags: ['Health'], summary: 'Readiness of the database and the search engine, with the index lag',
    responses: { 200: jsonResponse(Readiness, 'Ready'), 503: jsonResponse(Readiness, 'Not ready') },
    handler: async (_i, _req, res) => {
      const database = await deps.db.$queryRaw`SELECT 1`.then(() => ({ ok: true }), () => ({ ok: false, error: 'database unreachable' }));
      const lag = database.ok ? await deps.sync.lag().catch(() => undefined) : undefined;
      const search = await deps.meili.health().then(async () => {
        const [built, current] = await Promise.all([deps.centerIndex.isBuilt().catch(() => false), deps.centerIndex.isCurrent()]);
        return built ? { ok: true, index_current: current, index_built: true, lag }
          : { ok: false, error: 'search index not built yet', index_current: false, index_built: false, lag };
      }, () => ({ ok: false, error: 'search engine unreachable', lag }));
      const ready = database.ok && search.ok;
      if (!ready) res.setHeader('Retry-After', '5');
      res.status(ready ? 200 : 503).setHeader('Cache-Control', 'no-store');
      return {
        status: ready ? 'ready' : 'not_ready', database, search,
        ...(deps.limits ? { rate_limits: deps.limits.status() } : {}),
        ...(deps.centerCache ? { center_cache: deps.centerCache.status() } : {}),
        background_worker: deps.sync.status().role === 'worker',
      };
    },
  });
  return router;
}
