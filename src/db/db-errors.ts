import { Prisma } from '../generated/prisma/client';

/**
 * What the PostgreSQL driver said under a Prisma error. A raw statement ($executeRawUnsafe)
 * fails as P2010 with the driver's error in `meta.driverAdapterError.cause` (SQLSTATE in
 * `originalCode`), where a model query would have failed as P2002, P2034, …
 */
export interface DriverCause { kind?: string; originalCode?: string }

export function driverCause(err: unknown): DriverCause | undefined {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    const meta = err.meta as { driverAdapterError?: { cause?: DriverCause } } | undefined;
    return meta?.driverAdapterError?.cause;
  }
  const e = err as { name?: string; cause?: DriverCause } | undefined;
  return e?.name === 'DriverAdapterError' ? e.cause : undefined;
}

/** A unique key taken by a concurrent or earlier write (23505), from a model or a raw query. */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return true;
  const cause = driverCause(err);
  return cause?.kind === 'UniqueConstraintViolation' || cause?.originalCode === '23505';
}

/** Serialization failure or deadlock (40001, 40P01): the transaction may simply be retried. */
export function isRetryableConflict(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2034') return true;
  const cause = driverCause(err);
  return cause?.kind === 'TransactionWriteConflict' || cause?.originalCode === '40001' || cause?.originalCode === '40P01';
}

/** Prisma's codes for a server that cannot be reached, timed out or dropped the connection. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const UNAVAILABLE_DRIVER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/**
 * node-postgres raises these without a code (pg/lib/client.js, pg-pool/index.js): a query
 * that got no answer within query_timeout, a pool that found no connection in time, a socket
 * that closed. There is nothing but the exact message to tell them by.
 */
const PG_UNAVAILABLE_MESSAGES = new Set([
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
]);

/** Socket errors of a node-postgres pool used directly (centers/read-center.ts), not through Prisma. */
const SOCKET_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/**
 * The database is down, frozen or out of connections — a fault to answer with 503 and
 * Retry-After, not a bug: SQLSTATE class 08 (connection), 53 (resources), 57P01–03
 * (shutting down / starting), 57014 (statement_timeout cancelled the query).
 */
export function isDbUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  if (err instanceof Prisma.PrismaClientInitializationError) return true;
  if (err instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(err.code)) return true;
  const cause = driverCause(err);
  if (cause?.kind && UNAVAILABLE_DRIVER_KINDS.has(cause.kind)) return true;
  const sqlState = cause?.originalCode ?? (cause as { code?: string } | undefined)?.code ?? (err as { code?: unknown }).code;
  if (typeof sqlState === 'string' && /^(08|53|57P0[123]$|57014$)/.test(sqlState)) return true;
  if (err.constructor === Error && PG_UNAVAILABLE_MESSAGES.has((err as Error).message)) return true;
  if (typeof sqlState === 'string' && SOCKET_ERROR_CODES.has(sqlState)) return true;
  // A host name with several addresses fails to connect with one error per address.
  if (err instanceof AggregateError) return err.errors.some((e) => isDbUnavailable(e, depth + 1));
  return isDbUnavailable((err as { cause?: unknown }).cause, depth + 1);
}
