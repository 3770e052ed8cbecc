import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineRoute, jsonResponse as json } from '../http/define-route';
import { CenterInputSchema, CenterPatchSchema, CenterSchema } from './center-schema';
import { createCenter, deleteCenter, updateCenter } from './center-store';
import { readCenterJson } from './read-center';
import { afterCommit } from './center-cache';
import { withFreshness } from '../availability/freshness';

const IdParams = z.strictObject({ id: z.uuid({ message: 'must be a center id (a UUID)' }).describe('Center id') });
const etagHeader = { ETag: { description: 'Version of the center; send it back in If-Match', schema: { type: 'string' as const } } };

export function centerRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const tags = ['Centers'];
  const fresh = <C extends Parameters<typeof withFreshness>[0]>(c: C) => withFreshness(c, Date.now(), deps.config.AVAILABILITY_STALE_HOURS);

  defineRoute(router, registry, {
    method: 'get', path: '/v1/centers/:id', tags, summary: 'One center, in full',
    description: 'The ETag versions the listing; availability (reported through PUT /v1/centers/{id}/availability) is not part of it. Each availability entry says whether it is `stale`.',
    params: IdParams,
    responses: { 200: json(CenterSchema, 'The center', etagHeader), 404: { description: 'No such center' } },
    handler: async ({ params }, _req, res) => {
      const { json, etag } = await readCenterJson(deps.pool, deps.centerCache, params.id, Date.now(), deps.config.AVAILABILITY_STALE_HOURS);
      res.setHeader('ETag', etag);
      res.type('application/json').send(json); // If-None-Match → 304 as for any JSON answer
    },
  });

  defineRoute(router, registry, {
    method: 'post', path: '/v1/centers', tags, role: 'admin', summary: 'Create a center',
    description: 'A missing `location` is geocoded from `address.postal_code`; a missing `timezone` is derived from the location.',
    body: CenterInputSchema,
    responses: { 201: json(CenterSchema, 'Created', { ...etagHeader, Location: { description: 'URL of the new center', schema: { type: 'string' } } }), 409: { description: 'source + source_id already used' } },
    handler: async ({ body }, req, res) => {
      const { center, etag } = await createCenter(deps.db, body, req.caller);
      afterCommit(deps, center.id);
      res.status(201).setHeader('ETag', etag).setHeader('Location', `/v1/centers/${center.id}`);
      return fresh(center);
    },
  });

  defineRoute(router, registry, {
    method: 'patch', path: '/v1/centers/:id', tags, role: 'admin', summary: 'Change some fields of a center',
    description: 'Send only what changes; arrays replace the stored list; `null` clears an optional field. Send `If-Match` with the ETag you read to avoid overwriting someone else\'s change (412 when stale).',
    params: IdParams, body: CenterPatchSchema,
    responses: { 200: json(CenterSchema, 'Updated', etagHeader), 404: { description: 'No such center' }, 412: { description: 'If-Match is stale' } },
    handler: async ({ params, body }, req, res) => {
      const { center, etag } = await updateCenter(deps.db, params.id, body, req.get('if-match'), req.caller);
      afterCommit(deps, params.id);
      res.setHeader('ETag', etag);
      return fresh(center);
    },
  });

  defineRoute(router, registry, {
    method: 'delete', path: '/v1/centers/:id', tags, role: 'admin', summary: 'Remove a center from the directory and search',
    params: IdParams,
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No such center' }, 412: { description: 'If-Match is stale' } },
    handler: async ({ params }, req, res) => {
      await deleteCenter(deps.db, params.id, req.get('if-match'), req.caller);
      afterCommit(deps, params.id);
      res.status(204).end();
    },
  });

  return router;
}
