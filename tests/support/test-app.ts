import crypto from 'node:crypto';
import supertest from 'supertest';
import pino from 'pino';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { boot } from '../../src/runtime/boot';
import { ensureIndexCurrent } from '../../src/search/ensure-index';
import { adminQuery, testServices, withDatabase } from './test-services';

export const ADMIN_KEY = 'test-admin-key-0123456789';
export const admin = { Authorization: `Bearer ${ADMIN_KEY}` };

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * The real app on a fresh database (cloned from the migrated template) and its own index.
 * `meili` overrides the search engine (e.g. one a test stops and restarts).
 */
export async function startTestApp(opts: { env?: Record<string, string>; meili?: { host: string; apiKey?: string }; syncIndex?: boolean } = {}) {
  const services = testServices();
  const name = `t_${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(services.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${services.templateDb}`);
  const databaseUrl = withDatabase(services.adminUrl, name);
  const config: Config = loadConfig({
    MEILI_INDEX: name, ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'silent', SEED_WHEN_EMPTY: 'false',
    RATE_LIMIT_ANONYMOUS: '100000', RATE_LIMIT_ADMIN: '100000', RATE_LIMIT_PARTNER: '100000', RATE_LIMIT_STAFF: '100000',
    ...opts.env,
  });
  const meili = opts.meili ?? { host: services.meiliHost, apiKey: services.meiliKey };
  const deps = await boot(config, { databaseUrl, meili }, { log: pino({ level: 'silent' }), poolSize: 5, syncIndex: opts.syncIndex });
  if (!opts.meili) await ensureIndexCurrent(deps.db, deps.centerIndex, deps.sync, deps.log);
  const { app, openapi } = createApp(deps);
  const request = supertest(app);

  /** Resolves once every committed write is in the index. */
  const indexed = (timeoutMs = 15_000) => deps.sync.caughtUp(timeoutMs, { pollMs: 20 });

  return {
    app, openapi, request, deps, databaseUrl, indexed,
    async close() {
      await deps.shutdown();
      await deps.meili.deleteIndex(name).waitTask().catch(() => {});
      await deps.meili.deleteIndex(`${name}_meta`).waitTask().catch(() => {});
      await adminQuery(services.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    },
  };
}
