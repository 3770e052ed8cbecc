import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import { AppError, type FieldError } from '../errors';
import { requireRole, type Role } from './auth';
import { findUnstorableText } from './unstorable-text';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface RouteSpec<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** Express syntax (`/v1/centers/:id`); the OpenAPI path is derived from it. */
  path: string;
  summary: string;
  /** Defaults to the method and path (`get /v1/centers/{id}` → `getCentersById`). */
  operationId?: string;
  description?: string;
  tags: string[];
  /** Minimum role; omitted = public. */
  role?: Role;
  query?: Q;
  params?: P;
  body?: B;
  /** Body parsed by the route itself (e.g. streamed imports); documented as given. */
  rawBody?: RouteConfig['request'] extends infer R ? R extends { body?: infer X } ? X : never : never;
  responses: RouteConfig['responses'];
  handler: (
    input: { query: z.output<Q>; params: z.output<P>; body: z.output<B> },
    req: Request, res: Response,
  ) => unknown;
}

/**
 * Registers one endpoint on the Express router and in the OpenAPI registry from the same zod
 * schemas, so the document cannot drift from what the code validates. Handlers get parsed,
 * typed input; whatever they return is sent as JSON.
 */
export function defineRoute<Q extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  router: Router, registry: OpenAPIRegistry, spec: RouteSpec<Q, P, B>,
): void {
  registry.registerPath({
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, '{$1}'),
    operationId: spec.operationId ?? operationIdOf(spec.method, spec.path),
    summary: spec.summary,
    description: spec.description,
    tags: spec.tags,
    security: spec.role ? [{ bearerAuth: [] }] : [{}, { bearerAuth: [] }],
    request: {
      query: spec.query as never,
      params: spec.params as never,
      body: spec.body ? { required: true, content: { 'application/json': { schema: spec.body } } } : spec.rawBody,
    },
    responses: { ...withProblemBodies(spec.responses), ...commonProblemResponses(spec) },
  });

  const handlers = [
    ...(spec.role ? [requireRole(spec.role)] : []),
    async (req: Request, res: Response, _next: NextFunction) => {
      const input = {
        query: spec.query ? parseInput(spec.query, req.query, 'query') : undefined,
        params: spec.params ? parseInput(spec.params, req.params, 'path') : undefined,
        body: spec.body ? parseInput(spec.body, bodyOf(req), 'body') : undefined,
      } as { query: z.output<Q>; params: z.output<P>; body: z.output<B> };
      const result = await spec.handler(input, req, res);
      if (!res.headersSent && result !== undefined) res.json(result);
    },
  ];
  router[spec.method](spec.path, ...handlers);
}

/**
 * No body at all reads as `{}`; a body the JSON parser skipped (another Content-Type) is a 415,
 * not silently an empty change; a JSON body that is not an object (`null`, `[]`, `3`) is a 400.
 */
function bodyOf(req: Request): unknown {
  if (req.body === undefined) {
    const sent = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (sent) throw new AppError('unsupported_media_type', `Send the body as application/json (got ${req.get('content-type') ? `Content-Type ${req.get('content-type')}` : 'no Content-Type'})`);
    return {};
  }
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw new AppError('validation_failed', 'body: must be a JSON object', { errors: [{ path: 'body', message: 'must be a JSON object' }] });
  }
  return req.body;
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'path' | 'body'): z.output<S> {
  // Checked before the schema, so it covers every text field, including ones added later.
  const unstorable = findUnstorableText(value);
  if (unstorable.length) {
    // A repeated query parameter is an array; name the parameter, not its position.
    const errors = unstorable.map(({ path, message }) => ({ path: (where === 'body' ? path.join('.') : String(path[0] ?? '')) || where, message }));
    throw new AppError('validation_failed', errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationError(parsed.error, where);
}

export function validationError(error: z.ZodError, where: string, pathOf = (p: PropertyKey[]) => p.join('.')): AppError {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: pathOf([...issue.path, key]), message: `unknown ${where === 'query' ? 'query parameter' : 'field'}` });
    } else {
      errors.push({ path: pathOf(issue.path) || where, message: issue.message });
    }
  }
  const detail = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
  return new AppError('validation_failed', detail, { errors });
}

/** `get /v1/centers/{id}/history` → `getCentersByIdHistory`: stable, unique per method and path. */
export function operationIdOf(method: string, path: string): string {
  const words = path.split('/').filter((seg) => seg && seg !== 'v1').map((seg) => {
    const param = /^:(\w+)$/.exec(seg);
    const word = (param ? `by_${param[1]}` : seg).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase());
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  return method + words.join('');
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** Every error is problem+json (src/http/problem.ts): say so where a route gave only a description. */
function withProblemBodies(responses: RouteConfig['responses']): RouteConfig['responses'] {
  return Object.fromEntries(Object.entries(responses).map(([status, response]) =>
    [status, Number(status) >= 400 && !('content' in response && response.content) ? { ...response, content: problemContent } : response]));
}

/** The problems every route can answer besides its own: bad input, keys, body size, rate limit. */
function commonProblemResponses(spec: { role?: Role; query?: unknown; body?: unknown; params?: unknown; rawBody?: unknown }): RouteConfig['responses'] {
  const problem = (description: string) => ({ description, content: problemContent });
  return {
    ...(spec.query || spec.body || spec.params ? { 400: problem('Invalid input; `errors` names each field') } : {}),
    // A key that is sent must be valid, on every route (src/http/auth.ts).
    401: problem(spec.role ? 'No API key, or an unknown or revoked one' : 'The Authorization header names an unknown or revoked key (send none to read anonymously)'),
    ...(spec.role ? { 403: problem('The key\'s role may not do this') } : {}),
    ...(spec.body ? { 413: problem('The JSON body is larger than JSON_BODY_LIMIT'), 415: problem('The body is not application/json') } : {}),
    429: problem('Rate limited; see Retry-After and RateLimit-* headers'),
  };
}

type Headers = Record<string, { description: string; schema: { type: 'string' | 'integer' } }>;
/** A JSON response entry for `responses`. */
export function jsonResponse(schema: z.ZodType, description: string, headers?: Headers) {
  return { description, headers, content: { 'application/json': { schema } } };
}
