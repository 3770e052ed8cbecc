import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors';
import { isDbUnavailable, isUniqueViolation } from '../db/db-errors';
import { Prisma } from '../generated/prisma/client';

const DB_RETRY_AFTER_SECONDS = 5;

export const PROBLEM_BASE = 'https://treatment-directory.example/problems/';

/** Sends every error as RFC 9457 problem+json; nothing internal reaches the client. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err);
    if (appError.code === 'db_unavailable') {
      log.warn({ err: (err as Error)?.message, method: req.method, route: req.route?.path }, 'database unavailable');
    } else if (appError.status >= 500 && appError.code !== 'search_unavailable' && appError.code !== 'busy') {
      log.error({ err, method: req.method, route: req.route?.path }, 'request failed');
    }
    if (res.headersSent) return res.destroy();
    for (const [k, v] of Object.entries(appError.extra.headers ?? {})) res.setHeader(k, v);
    res.status(appError.status).type('application/problem+json').send(JSON.stringify({
      type: PROBLEM_BASE + appError.code,
      title: ERROR_CODES[appError.code].title,
      status: appError.status,
      detail: appError.status >= 500 && appError.code === 'internal' ? 'Something went wrong on our side; it has been logged.' : appError.detail,
      instance: req.originalUrl.split('?')[0],
      ...(appError.extra.errors ? { errors: appError.extra.errors } : {}),
    }));
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; statusCode?: number; code?: string; limit?: number };
  // body-parser errors
  if (e?.type === 'entity.parse.failed') return new AppError('malformed_json', 'The request body is not valid JSON');
  if (e?.type === 'entity.too.large') return new AppError('payload_too_large', `The request body exceeds the limit of ${e.limit} bytes`);
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new AppError('unsupported_media_type', 'Send UTF-8 JSON');
  // Checked before the Prisma codes: a dropped connection also arrives as P2010 (raw query).
  if (isDbUnavailable(err)) return new AppError('db_unavailable', 'The database is not answering; retry shortly', { headers: { 'Retry-After': String(DB_RETRY_AFTER_SECONDS) } });
  if (isUniqueViolation(err)) return new AppError('conflict', 'The write conflicts with existing data (a unique key is already taken)');
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    const byPrismaCode: Record<string, ErrorCode> = { P2025: 'not_found', P2002: 'conflict', P2003: 'conflict', P2034: 'conflict' };
    const code = byPrismaCode[err.code];
    if (code) return new AppError(code, code === 'conflict' ? 'The write conflicts with existing data (a unique key is already taken)' : undefined);
  }
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = (Object.keys(ERROR_CODES) as ErrorCode[]).find((c) => ERROR_CODES[c].status === status) ?? 'validation_failed';
    return new AppError(code);
  }
  return new AppError('internal');
}

export const notFound: RequestHandler = (req) => {
  throw new AppError('not_found', `No such endpoint: ${req.method} ${req.path}. See /docs for the API.`);
};

export function methodNotAllowed(allowed: string[]): RequestHandler {
  return (req, res) => {
    res.setHeader('Allow', allowed.join(', '));
    throw new AppError('method_not_allowed', `${req.method} is not allowed here; use ${allowed.join(', ')}`);
  };
}
