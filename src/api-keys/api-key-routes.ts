import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineRoute } from '../http/define-route';
import { createApiKey } from './api-key-store';

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
  return router;
}
