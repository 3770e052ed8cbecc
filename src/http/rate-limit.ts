import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import { AppError } from '../errors';

/**
 * Per-key limits for callers with a key, per-IP limits for everyone else. Answers 429 with
 * Retry-After and the RateLimit-* headers (IETF draft 6 names).
 */
export function apiRateLimit(config: Config) {
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
  });
}

/** A tighter per-IP limit for anonymous listing reports. */
export function reportRateLimit(config: Config) {
  return rateLimit({
    windowMs: 3600_000,
    limit: config.RATE_LIMIT_REPORTS_PER_HOUR,
    keyGenerator: (req: Request) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    skip: (req: Request) => req.caller.role !== 'anonymous',
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    handler: (req, _res, next, options) => next(tooMany(req, options.windowMs)),
  });
}

function tooMany(req: Request, windowMs: number) {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
  return new AppError('rate_limited', `Rate limit reached; try again in ${seconds} s${req.caller.role === 'anonymous' ? ' or use an API key for a higher limit' : ''}`,
    { headers: { 'Retry-After': String(seconds) } });
}
