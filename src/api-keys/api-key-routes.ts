import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineRoute } from '../http/define-route';
import { createApiKey } from './api-key-store';

const CreateKey = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('Who or what the key is for, e.g. "Riverside 211 website"'),
  role: z.enum(['partner', 'staff', 'admin']).describe('partner: third-party sites (higher read limit); staff: hotline staff; admin: may write'),
}).meta({ id: 'ApiKeyInput' });
const CreatedKey = z.object({
  id: z.uuid(), name: z.string(), role: z.enum(['partner', 'staff', 'admin']),
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
