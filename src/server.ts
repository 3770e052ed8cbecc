/**
 * `npm start`: the API with its dependencies. Without DATABASE_URL / MEILI_HOST it starts the
 * bundled PostgreSQL and Meilisearch, keeping their data in DATA_DIR (./.data).
 */
import './runtime/memory-flags';
import type { Server } from 'node:http';
import pino from 'pino';
import { createApp } from './app';
import { loadConfig } from './config';
import { boot, keepIndexCurrent } from './runtime/boot';
import { listenHttp } from './runtime/http-server';
import { resolveServices, type Services } from './runtime/services';
import { seedWhenEmpty } from '../seed/seed-when-empty';
import { ensureConsoleBuilt } from './console/ensure-console';

async function main() {
  let config;
  try { config = loadConfig(); } catch (err) { console.error((err as Error).message); process.exit(2); }
  const log = pino({ level: config.LOG_LEVEL });
  const say = (line: string) => console.error(`[directory] ${line}`);

  let services: Services | undefined;
  let deps: Awaited<ReturnType<typeof boot>> | undefined;
  let server: Server | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down`);
    // Bundled servers exiting now (Ctrl-C reaches them too) are not to be restarted.
    services?.hold();
    // Every step is bounded, so a dead or hung dependency cannot keep the process past 10 s.
    const force = setTimeout(() => { say('shutdown took too long; exiting'); process.exit(0); }, 9_500);
    force.unref();
    const bounded = (ms: number, step: Promise<unknown> | undefined) =>
      Promise.race([Promise.resolve(step).catch(() => {}), new Promise((r) => setTimeout(r, ms).unref())]);
    server?.closeIdleConnections();
    await bounded(3_000, server && new Promise((r) => server!.close(r)));
    server?.closeAllConnections();
    await bounded(2_000, deps?.shutdown());
    await bounded(4_000, services?.stop());
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    services = await resolveServices(config, say);
    deps = await boot(config, services, { log });
    say(deps.limits?.kind === 'redis' ? 'rate limits: shared, in Redis (REDIS_URL)' : 'rate limits: in this process\'s memory (set REDIS_URL to share them between instances)');
    if (config.SEED_WHEN_EMPTY) {
      // Under a lock: of several instances starting together on an empty database, one seeds.
      const counts = await seedWhenEmpty(deps.db, services.databaseUrl, () => say('the directory is empty: loading the seed listings (seed/centers.json)'));
      if (counts) say(`seed: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
    }
    const indexed = keepIndexCurrent(deps, { progress: true });
    await ensureConsoleBuilt(say).catch((err) => say(`console: could not build (${(err as Error).message})`));
    const { app } = createApp(deps);
    server = await listenHttp(app, config.PORT, config.HOST);
    const base = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
    await Promise.race([indexed, new Promise((r) => setTimeout(r, 60_000))]);
    say(`API:  ${base}/v1/centers?q=recovery`);
    say(`Docs: ${base}/docs  (OpenAPI: ${base}/openapi.json)`);
    say(`Staff console: ${base}/console`);
    if (services.embedded.length) say(`using bundled ${services.embedded.join(' and ')}`);
    if (!config.ADMIN_API_KEY) say('no ADMIN_API_KEY set: reads work; set ADMIN_API_KEY=<16+ chars> to write');
    say('ready. Ctrl-C stops everything.');
  } catch (err) {
    console.error(`[directory] could not start: ${(err as Error).message}`);
    await deps?.shutdown().catch(() => {});
    await services?.stop();
    process.exit(1);
  }
}

void main();
