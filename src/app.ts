import cors from 'cors';
import express, { type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import type { AppDeps } from './app-deps';
import { apiKeyLookup } from './api-keys/api-key-store';
import { apiKeyRoutes } from './api-keys/api-key-routes';
import { availabilityRoutes } from './availability/availability-routes';
import { callerRoutes } from './api-keys/caller-routes';
import { centerRoutes } from './centers/center-routes';
import { compareRoutes } from './compare/compare-routes';
import { consoleRoutes } from './console/console-routes';
import { costRoutes } from './costs/cost-routes';
import { hsdsRoutes } from './hsds/hsds-routes';
import { importRoutes } from './imports/import-routes';
import { referralRoutes } from './referrals/referral-routes';
import { trustRoutes } from './listing-trust/trust-routes';
import { placeRoutes } from './geo/place-routes';
import { healthRoutes } from './health/health-routes';
import { authenticate } from './http/auth';
import { buildOpenApiDocument, createRegistry } from './http/openapi';
import { methodNotAllowed, notFound, problemHandler } from './http/problem';
import { apiRateLimit, failedAuthRateLimit } from './http/rate-limit';
import { searchRoutes } from './search/search-routes';
import { serviceGapRoutes } from './service-gaps/gap-routes';
import { taxonomyRoutes } from './taxonomy/taxonomy-routes';

/** Builds the HTTP app from its dependencies; no I/O happens here. */
export function createApp(deps: AppDeps) {
  const { config, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple');
  // Express's automatic weak ETag hashes every body (sha1 of a 40 KB search page on each request);
  // the documented ETags are the centers' own, set by their routes, and If-None-Match still works on those.
  app.set('etag', false);
  // The access log is written at debug level: below it, pino-http's per-request child logger is pure
  // cost. Failures are logged by problemHandler at every level.
  if (log.isLevelEnabled('debug')) {
    app.use(pinoHttp({
      logger: log,
      // Paths and status only: query strings can carry a caller's ZIP code or needs.
      serializers: { req: (req) => ({ method: req.method, path: String(req.url).split('?')[0] }), res: (res) => ({ status: res.statusCode }) },
      autoLogging: { ignore: (req) => req.url === '/health' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'debug'),
    }));
  }
  app.use(helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' } }));
  app.use(cors({ origin: '*', exposedHeaders: ['ETag', 'Location', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'] }));
  // Imports stream their own body (any size up to IMPORT_BODY_LIMIT_MB); everything else is small JSON.
  // Not strict: `null` or `3` is valid JSON, answered by the route's validation ("body: must be a JSON object").
  const json = express.json({ limit: config.JSON_BODY_LIMIT, type: ['application/json', 'application/*+json'], strict: false });
  app.use((req, res, next) => (req.path === '/v1/imports' ? next() : json(req, res, next)));

  const registry = createRegistry();
  const health = healthRoutes(deps, registry);
  const routers: Router[] = [
    taxonomyRoutes(registry),
    searchRoutes(deps, registry),
    centerRoutes(deps, registry),
    availabilityRoutes(deps, registry),
    trustRoutes(deps, registry),
    costRoutes(deps, registry),
    compareRoutes(deps, registry),
    importRoutes(deps, registry),
    hsdsRoutes(deps, registry),
    apiKeyRoutes(deps, registry),
    serviceGapRoutes(deps, registry),
    callerRoutes(registry),
    referralRoutes(deps, registry),
    placeRoutes(registry),
  ];
  const openapi = buildOpenApiDocument(registry);

  app.get('/openapi.json', (_req, res) => { res.json(openapi); });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(openapi, { customSiteTitle: 'Treatment Center Directory API' }));
  app.use(health); // monitoring is not rate limited, and a probe's stale key must not fail it
  const lookup = apiKeyLookup(deps.db, config.ADMIN_API_KEY);
  app.use(failedAuthRateLimit(config, deps.limits?.storeFor('auth-failures'), lookup.known));
  app.use(authenticate(lookup));
  app.use(consoleRoutes()); // static files of the staff console; its API calls are limited as any
  app.use(apiRateLimit(config, deps.limits?.storeFor('api')));
  for (const router of routers) app.use(router);
  app.use(methodNotAllowedFor(registry));
  app.use(notFound);
  app.use(problemHandler(log));
  return { app, openapi };
}

/** 405 with Allow for a known path called with a method it does not have. */
function methodNotAllowedFor(registry: ReturnType<typeof createRegistry>) {
  const byPath = new Map<string, Set<string>>();
  for (const def of registry.definitions) {
    if (def.type !== 'route') continue;
    const path = def.route.path.replace(/\{(\w+)\}/g, ':$1');
    if (!byPath.has(path)) byPath.set(path, new Set(['OPTIONS']));
    byPath.get(path)!.add(def.route.method.toUpperCase());
    if (def.route.method === 'get') byPath.get(path)!.add('HEAD');
  }
  const router = express.Router();
  for (const [path, methods] of byPath) router.all(path, methodNotAllowed([...methods]));
  return router;
}
