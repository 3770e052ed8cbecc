import type { Request } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Config } from '../config';
import { AppError } from '../errors';

/** With a shared store (Redis) a store error lets the request through: limits fail open. */
const storeOptions = (store: Store | undefined) => (store ? { store, passOnStoreError: true, logger: QUIET } : {});
// rate-limit-store.ts reports Redis outages (throttled); one log line per request would flood.
const QUIET = { error: () => {}, warn: () => {} };

/**
 * Per-key limits for callers with a key, per-IP limits for everyone else. Answers 429 with
 * Retry-After and the RateLimit-* headers (IETF draft 6 names).
 */
export function apiRateLimit(config: Config, store?: Store) {
  const limits = {
    anonymous: config.RATE_LIMIT_ANONYMOUS, partner: config.RATE_LIMIT_PARTNER,
    staff: config.RATE_LIMIT_STAFF, admin: config.RATE_LIMIT_ADMIN, center: config.RATE_LIMIT_PARTNER,
  };
  return rateLimit({
    windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    limit: (req: Request) => limits[req.caller.role],
    keyGenerator: (req: Request) => req.caller.keyId ? `key:${req.caller.keyId}`
      : req.caller.role === 'admin' ? 'key:bootstrap' : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    handler: (req, _res, next, options) => next(tooMany(req, options.windowMs)),
    ...storeOptions(store),
  });
}

/**
 * Counts failed authentications per IP, before the key is looked up: past the limit a caller
 * trying random keys gets 429 without costing a database query. Requests without a key and
 * requests whose key was accepted (any status but 401) are not counted, and a key already known
 * to be valid (see ApiKeyLookup.known) is never held up by someone else's failures.
 */
export function failedAuthRateLimit(config: Config, store?: Store, known: (secret: string) => boolean = () => false) {
  return rateLimit({
    windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    limit: config.RATE_LIMIT_FAILED_AUTH,
    keyGenerator: (req: Request) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    skip: (req: Request) => {
      const header = req.get('authorization');
      return !header || known(header.replace(/^Bearer\s+/i, '').trim());
    },
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    standardHeaders: false,
    legacyHeaders: false,
    handler: (req, _res, next, options) => next(tooManyFailures(req, options.windowMs)),
    ...storeOptions(store),
  });
}

/** A tighter per-IP limit for anonymous listing reports. */
export function reportRateLimit(config: Config, store?: Store) {
  return rateLimit({
    windowMs: 3600_000,
    limit: config.RATE_LIMIT_REPORTS_PER_HOUR,
    keyGenerator: (req: Request) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    skip: (req: Request) => req.caller.role !== 'anonymous',
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    handler: (req, _res, next, options) => next(tooMany(req, options.windowMs)),
    ...storeOptions(store),
  });
}

function retryAfterSeconds(req: Request, windowMs: number) {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
}

function tooManyFailures(req: Request, windowMs: number) {
  const seconds = retryAfterSeconds(req, windowMs);
  return new AppError('rate_limited', `Too many requests with unknown or revoked API keys from this address; try again in ${seconds} s`,
    { headers: { 'Retry-After': String(seconds) } });
}

function tooMany(req: Request, windowMs: number) {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
  return new AppError('rate_limited', `Rate limit reached; try again in ${seconds} s${req.caller.role === 'anonymous' ? ' or use an API key for a higher limit' : ''}`,
    { headers: { 'Retry-After': String(seconds) } });
}
