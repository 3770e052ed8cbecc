import pino from 'pino';
import { loadConfig } from '../config';
import { boot } from './boot';
import { resolveServices } from './services';

/**
 * Runs a command-line job against the same servers `npm start` uses (the bundled ones when
 * DATABASE_URL / MEILI_HOST are unset — stop the server first: their data folder has one owner).
 */
export async function withCliSession<T>(job: (deps: Awaited<ReturnType<typeof boot>>) => Promise<T>, opts: { syncIndex?: boolean } = {}): Promise<T> {
  let config;
  try { config = loadConfig(); } catch (err) { console.error((err as Error).message); process.exit(2); }
  const log = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL });
  const services = await resolveServices(config, (l) => console.error(l));
  const deps = await boot(config, services, { log, syncIndex: opts.syncIndex });
  try {
    return await job(deps);
  } finally {
    await deps.shutdown();
    await services.stop();
  }
}

/** Waits until every committed write is in the search index. */
export async function waitForIndex(deps: Awaited<ReturnType<typeof boot>>, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  deps.sync.nudge();
  while ((await deps.sync.lag()).pending > 0) {
    if (Date.now() > deadline) throw new Error(`search index still behind after ${timeoutMs / 1000} s: ${deps.sync.lastError ?? 'no error reported'}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
