import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';

/** the HSDS 3.0 read feed (issue 5). */
export function hsdsRoutes(_deps: AppDeps, _registry: OpenAPIRegistry): Router {
  return Router();
}
