import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';

/** GET /v1/compare (issue 4). */
export function compareRoutes(_deps: AppDeps, _registry: OpenAPIRegistry): Router {
  return Router();
}
