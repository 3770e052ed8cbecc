import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineRoute, jsonResponse } from '../http/define-route';
import { PageQuery, pagedList } from '../http/paged-list';
import { bool } from '../search/search-query';
import { createApiKey } from './api-key-store';
import { listApiKeys, revokeApiKey } from './manage-api-keys';

const CreateKey = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('Who or what the key is for, e.g. "Riverside 211 website"'),
  role: z.enum(['partner', 'staff', 'admin', 'center']).describe('partner: third-party sites (higher read limit); staff: hotline staff; admin: may write; center: may only report the availability of center_id'),
  center_id: z.uuid({ message: 'must be a center id (a UUID)' }).optional().describe('With role center (and only then): the center the key may report availability for'),
}).superRefine((k, ctx) => {
  if (k.role === 'center' && !k.center_id) ctx.addIssue({ code: 'custom', path: ['center_id'], message: 'is required with role center' });
  if (k.role !== 'center' && k.center_id) ctx.addIssue({ code: 'custom', path: ['center_id'], message: 'goes only with role center' });
}).meta({ id: 'ApiKeyInput' });
const CreatedKey = z.object({
  id: z.uuid(), name: z.string(), role: z.enum(['partner', 'staff', 'admin', 'center']),
  center_id: z.uuid().optional().describe('The center a center key is bound to'),
  key: z.string().describe('The secret. Shown only in this response: store it now.'),
  prefix: z.string(), created_at: z.string(),
}).meta({ id: 'ApiKeyCreated' });

const ApiKey = z.object({
  id: z.uuid(), name: z.string(), role: z.string().describe('partner, staff or admin'),
  prefix: z.string().describe('First characters of the secret, to tell keys apart'),
  created_at: z.string(), created_by: z.string().nullable().describe('Name of the key that created it'),
  last_used_at: z.string().nullable().describe('Last request made with it (written at most once a minute)'),
  revoked_at: z.string().nullable(),
}).meta({ id: 'ApiKey' });
const ApiKeyList = z.object({
  data: z.array(ApiKey),
  meta: z.object({ total: z.number().int(), page: z.number().int(), per_page: z.number().int(), total_pages: z.number().int() }),
  links: z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() }),
}).meta({ id: 'ApiKeyList' });
const ListQuery = z.strictObject({
  include_revoked: bool.optional().describe('Also list revoked keys (default false)'),
  ...PageQuery,
});
const KeyParams = z.strictObject({ id: z.uuid({ message: 'must be an API key id (a UUID)' }) });

export function apiKeyRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'post', path: '/v1/api-keys', tags: ['API keys'], role: 'admin', summary: 'Create an API key',
    description: 'Keys are stored only as a hash; the secret is in this response and nowhere else.',
    body: CreateKey,
    responses: { 201: { description: 'Created', content: { 'application/json': { schema: CreatedKey } } } },
    handler: async ({ body }, req, res) => {
      res.status(201).setHeader('Cache-Control', 'no-store');
      return createApiKey(deps.db, body, req.caller.name);
    },
  });
  defineRoute(router, registry, {
    method: 'get', path: '/v1/api-keys', tags: ['API keys'], role: 'admin', summary: 'List API keys',
    description: 'Newest first. Shows each key\'s prefix, never its secret.',
    query: ListQuery,
    responses: { 200: jsonResponse(ApiKeyList, 'A page of keys') },
    handler: async ({ query }, req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const { data, total } = await listApiKeys(deps.db, { includeRevoked: query.include_revoked ?? false, page: query.page, perPage: query.per_page });
      return pagedList(req, data, total, query.page, query.per_page);
    },
  });

  defineRoute(router, registry, {
    method: 'delete', path: '/v1/api-keys/:id', tags: ['API keys'], role: 'admin', summary: 'Revoke an API key',
    description: 'The key stops working at once on this server (on other instances within 30 s). It stays listed, with `revoked_at`; revoking it again changes nothing.',
    params: KeyParams,
    responses: { 200: jsonResponse(ApiKey, 'The revoked key'), 404: { description: 'No such key' } },
    handler: ({ params }) => revokeApiKey(deps.db, params.id),
  });
  return router;
}
