import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';

/** POST /v1/imports (issue 5). */
export function importRoutes(_deps: AppDeps, _registry: OpenAPIRegistry): Router {
  return Router();
}
