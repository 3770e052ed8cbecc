import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;

/**
 * How long the API waits on PostgreSQL before giving up (and answering 503): a database that
 * is frozen or unreachable must not hold requests. `queryMs` is enforced by the client, so it
 * also fires when the server does not answer at all; `statementMs` lets the server cancel work
 * nobody waits for any more. 0 = no limit (the CLIs' long statements: VACUUM, full rebuilds).
 */
export interface DbTimeouts { connectMs: number; queryMs: number; statementMs: number; idleInTransactionMs: number }
export const API_DB_TIMEOUTS: DbTimeouts = { connectMs: 2500, queryMs: 3500, statementMs: 3500, idleInTransactionMs: 60_000 };

/**
 * The Prisma client and the node-postgres pool under it. The pool is shared: a hot read that
 * needs no ORM (centers/read-center.ts) runs on the same connections, limits and timeouts.
 */
export function createDatabase(databaseUrl: string, poolSize = 10, timeouts: DbTimeouts = API_DB_TIMEOUTS): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: databaseUrl, max: poolSize,
    // Covers both waiting for a free pooled connection and opening a new one.
    connectionTimeoutMillis: timeouts.connectMs || undefined,
    query_timeout: timeouts.queryMs || undefined,
    statement_timeout: timeouts.statementMs || undefined,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs || undefined,
    // A connection dropped by a killed server is noticed sooner than by the OS defaults.
    keepAlive: true,
  });
  // A pooled idle connection the server dropped is discarded by the pool; the next query on it
  // reports the fault. Without a listener the 'error' event would end the process.
  pool.on('error', () => {});
  // The adapter ends the pool on $disconnect.
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { db, pool };
}

export function createDb(databaseUrl: string, poolSize = 10, timeouts: DbTimeouts = API_DB_TIMEOUTS): Db {
  return createDatabase(databaseUrl, poolSize, timeouts).db;
}
