import path from 'node:path';
import { z } from 'zod';
import { fromRoot } from './project-root';

/**
 * The only reader of process.env. Every setting has a default that works on a fresh laptop:
 * without DATABASE_URL / MEILI_HOST the server starts its own PostgreSQL and Meilisearch.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port of the API'),
  HOST: z.string().default('127.0.0.1').describe('Interface to listen on (0.0.0.0 to expose it)'),
  PUBLIC_URL: z.url().optional().describe('Base URL printed and used in links; defaults to http://HOST:PORT'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional()
    .describe('PostgreSQL to use; unset = start the bundled PostgreSQL'),
  MEILI_HOST: z.url().optional().describe('Meilisearch to use; unset = start the bundled Meilisearch'),
  MEILI_API_KEY: z.string().optional().describe('Meilisearch key with rights on the index (needed with MEILI_HOST)'),
  MEILI_INDEX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('centers').describe('Name (alias) of the search index'),
  DATA_DIR: z.string().default(fromRoot('.data')).describe('Where the bundled servers keep their data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
  EMBEDDED_MEILI_PORT: z.coerce.number().int().default(7709),
  ADMIN_API_KEY: z.string().min(16, 'must be at least 16 characters').optional()
    .describe('Bootstrap admin key; unset = none (create keys with `npm run api-key -- create --name <name> --role admin`, or POST /v1/api-keys)'),
  SEED_WHEN_EMPTY: z.stringbool().default(true).describe('Load seed/centers.json when the directory is empty'),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().positive().default(120).describe('Requests per window per IP without a key'),
  RATE_LIMIT_PARTNER: z.coerce.number().int().positive().default(1200).describe('Requests per window per partner key'),
  RATE_LIMIT_STAFF: z.coerce.number().int().positive().default(3000),
  RATE_LIMIT_ADMIN: z.coerce.number().int().positive().default(6000),
  RATE_LIMIT_FAILED_AUTH: z.coerce.number().int().positive().default(20).describe('Requests with an unknown or revoked key per window per IP, before 429'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional()
    .describe('Redis for rate limits shared by every API instance; unset = limits in this process\'s memory'),
  RATE_LIMIT_REPORTS_PER_HOUR: z.coerce.number().int().positive().default(10).describe('Listing reports per IP per hour'),
  AVAILABILITY_STALE_HOURS: z.coerce.number().positive().max(8760).default(72)
    .describe('Availability older than this many hours is stale: shown as such, never counted as an opening'),
  JSON_BODY_LIMIT: z.string().default('1mb'),
  IMPORT_BODY_LIMIT_MB: z.coerce.number().positive().default(200).describe('Largest accepted import upload, in MB'),
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).default(3500)
    .describe('How long a request waits on one database query (and on a connection) before answering 503; 0 = no limit'),
  SEARCH_TIMEOUT_MS: z.coerce.number().int().positive().default(3500)
    .describe('How long a request waits on the search engine (a search, a readiness probe) before answering 503; document uploads of the background work get 60 s'),
  CENTER_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(5000)
    .describe('Centers each instance keeps for GET /v1/centers/{id}, dropped on every change by PostgreSQL NOTIFY; 0 = read PostgreSQL every time'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().default('loopback').describe('Express trust proxy setting, for client IPs behind a proxy'),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const configDocs = ConfigSchema;
