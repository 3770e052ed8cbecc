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
    lag: z.object({
      pending: z.number().int().describe('Committed writes not yet in the search index'),
      oldest_seconds: z.number().describe('Age of the oldest of them, seconds'),
    }).optional(),
  }),
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
      const search = await deps.meili.health().then(
        async () => ({ ok: true, index_current: await deps.centerIndex.isCurrent(), lag }),
        () => ({ ok: false, error: 'search engine unreachable', lag }),
      );
      const ready = database.ok && search.ok;
      res.status(ready ? 200 : 503).setHeader('Cache-Control', 'no-store');
      return { status: ready ? 'ready' : 'not_ready', database, search };
    },
  });
  return router;
}
