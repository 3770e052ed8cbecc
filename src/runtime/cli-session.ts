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
  // Interrupted: stop the bundled servers this job started (they would outlive it otherwise).
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => { void services.stop().finally(() => process.exit(code)); });
  }
  // A CLI job waits on its long statements (VACUUM, full rebuilds) rather than give up like a request.
  const deps = await boot(config, services, { log, syncIndex: opts.syncIndex, dbTimeouts: { connectMs: 10_000, queryMs: 0, statementMs: 0, idleInTransactionMs: 0 } });
  try {
    return await job(deps);
  } finally {
    await deps.shutdown();
    await services.stop();
  }
}
