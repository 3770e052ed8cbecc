import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';

/** listing reports, verify and history (issue 5). */
export function trustRoutes(_deps: AppDeps, _registry: OpenAPIRegistry): Router {
  return Router();
}
