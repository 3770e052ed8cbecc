import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { defineRoute, jsonResponse } from '../http/define-route';

const CallerSchema = z.object({
  role: z.string().describe('anonymous (no key), partner, staff or admin (more roles may be added)'),
  name: z.string().describe('Name given to the key when it was created'),
}).meta({ id: 'Caller' });

/** GET /v1/me: which key the request carries, so a client (the staff console) can show what it may do. */
export function callerRoutes(registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'get', path: '/v1/me', tags: ['API keys'], summary: 'The role and name of the key sent',
    description: 'Without a key: role anonymous. An unknown or revoked key is a 401. Never returns the secret.',
    responses: { 200: jsonResponse(CallerSchema, 'Who is calling') },
    handler: (_input, req, res) => { res.setHeader('Cache-Control', 'no-store'); return { role: req.caller.role, name: req.caller.name }; },
  });
  return router;
}
