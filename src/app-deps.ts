import type { Meilisearch } from 'meilisearch';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { CenterCache } from './centers/center-cache';
import type { Config } from './config';
import type { Db } from './db/prisma';
import type { CenterIndex } from './search/meili-index';
import type { IndexSync } from './search/index-sync';
import type { RateLimitStores } from './http/rate-limit-store';
import type { GapCounter } from './service-gaps/gap-counter';

/** Everything the HTTP app needs, built once by server.ts (or a test). */
export interface AppDeps {
  config: Config;
  db: Db;
  /** The pool under `db`, for the reads that skip the ORM (centers/read-center.ts). */
  pool: Pool;
  meili: Meilisearch;
  centerIndex: CenterIndex;
  sync: IndexSync;
  /** Centers read recently, dropped on every change (src/centers/center-cache.ts); absent = no cache. */
  centerCache?: CenterCache;
  log: Logger;
  /** Rate-limit counters (memory, or Redis shared by all instances); absent = memory. */
  limits?: RateLimitStores;
  /** Counts searches that find too little (src/service-gaps); optional so deps can be built without it. */
  gaps?: GapCounter;
}
