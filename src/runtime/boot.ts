import pino, { type Logger } from 'pino';
import type { AppDeps } from '../app-deps';
import type { Config } from '../config';
import { applyMigrations } from '../db/migrate';
import { API_DB_TIMEOUTS, createDatabase, type DbTimeouts } from '../db/prisma';
import { CenterCache } from '../centers/center-cache';
import { ensureIndexCurrent } from '../search/ensure-index';
import { IndexSync } from '../search/index-sync';
import { closeMeiliClient, createMeiliClient } from '../search/meili-client';
import { CenterIndex } from '../search/meili-index';
import { memoryStores, redisStores } from '../http/rate-limit-store';
import { GapCounter } from '../service-gaps/gap-counter';

/**
 * Connects to PostgreSQL and Meilisearch, applies migrations and starts the index sync.
 * Shared by the server, the CLIs, the tests and the benchmark.
 */
export async function boot(config: Config, conn: { databaseUrl: string; meili: { host: string; apiKey?: string } }, opts: { log?: Logger; poolSize?: number; syncIndex?: boolean; dbTimeouts?: DbTimeouts } = {}): Promise<AppDeps & { shutdown(): Promise<void> }> {
  const log = opts.log ?? pino({ level: config.LOG_LEVEL });
  await applyMigrations(conn.databaseUrl, (line) => log.info(line));
  const { db, pool } = createDatabase(conn.databaseUrl, opts.poolSize, opts.dbTimeouts
    ?? { ...API_DB_TIMEOUTS, queryMs: config.DB_QUERY_TIMEOUT_MS, statementMs: config.DB_QUERY_TIMEOUT_MS });
  const meili = createMeiliClient({ ...conn.meili, timeoutMs: config.SEARCH_TIMEOUT_MS });
  const centerIndex = new CenterIndex(meili, config.MEILI_INDEX, config.AVAILABILITY_STALE_HOURS);
  const sync = new IndexSync(db, centerIndex, conn.databaseUrl, log);
  if (opts.syncIndex !== false) sync.start();
  const limits = config.REDIS_URL ? redisStores(config.REDIS_URL, log) : memoryStores();
  const gaps = new GapCounter(db, log);
  gaps.start();
  const centerCache = new CenterCache(conn.databaseUrl, { entries: config.CENTER_CACHE_ENTRIES, log });
  centerCache.start();
  return {
    config, db, pool, meili, centerIndex, sync, log, limits, gaps, centerCache,
    shutdown: async () => {
      await centerCache.stop();
      await gaps.stop();
      await sync.stop();
      await limits.close();
      await db.$disconnect();
      await closeMeiliClient(meili);
    },
  };
}

/**
 * Brings the index to the current settings, retrying in the background while the engine is
 * unreachable: the API serves writes and readiness meanwhile.
 */
export function keepIndexCurrent(deps: AppDeps, opts: { progress?: boolean } = {}): Promise<void> {
  return new Promise((resolve) => {
    const attempt = async (n: number) => {
      try {
        await ensureIndexCurrent(deps.db, deps.centerIndex, deps.sync, deps.log, opts);
        // Reconciliation runs in the cluster's one background worker (index-sync.ts).
        resolve();
      } catch (err) {
        if (n === 0) deps.log.warn({ err: (err as Error).message }, 'search index not ready; retrying every 5 s');
        setTimeout(() => attempt(n + 1), 5000).unref();
      }
    };
    void attempt(0);
  });
}
