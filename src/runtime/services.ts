import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { startEmbeddedMeili } from './embedded-meili';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface Services {
  databaseUrl: string;
  meili: { host: string; apiKey?: string };
  embedded: string[];
  /** Stops restarting bundled servers that exit (a shutdown has begun). */
  hold(): void;
  stop(): Promise<void>;
}

/** The bundled servers of DATA_DIR belong to another live process (e.g. a running `npm start`). */
export class BundledServicesInUse extends Error {}

/**
 * The bundled servers serve one process at a time. The owner's pid is kept in DATA_DIR: a live
 * owner means the servers are in use (starting them again would stop its PostgreSQL as if it
 * were left over from a crash); a dead one means a crash, and the start cleans up after it.
 */
function claimDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'owner.pid');
  const owner = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : NaN;
  if (Number.isInteger(owner) && owner !== process.pid && isNodeProcess(owner)) {
    throw new BundledServicesInUse(`the bundled servers in ${dir} are in use by process ${owner} (a running \`npm start\`?); stop it, or set DATABASE_URL and MEILI_HOST`);
  }
  fs.writeFileSync(file, String(process.pid));
  return () => { if (fs.existsSync(file) && Number(fs.readFileSync(file, 'utf8')) === process.pid) fs.rmSync(file); };
}

function isNodeProcess(pid: number): boolean {
  try { return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('node'); } catch { return false; }
}

/** The servers named in the environment, or the bundled ones started as child processes. */
export async function resolveServices(config: Config, log: (line: string) => void): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  const holds: (() => void)[] = [];
  const embedded: string[] = [];
  if (!config.DATABASE_URL || !config.MEILI_HOST) {
    const release = claimDataDir(config.DATA_DIR);
    stops.push(async () => release());
  }
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      log(`starting the bundled PostgreSQL (data in ${path.join(config.DATA_DIR, 'postgres')})`);
      const pg = await startEmbeddedPostgres({ dir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log, restart: true });
      stops.push(pg.stop);
      holds.push(pg.hold);
      databaseUrl = pg.url;
      embedded.push(`PostgreSQL on 127.0.0.1:${config.EMBEDDED_PG_PORT}`);
    }
    let meili = config.MEILI_HOST ? { host: config.MEILI_HOST, apiKey: config.MEILI_API_KEY } : null;
    if (!meili) {
      log(`starting the bundled Meilisearch (data in ${path.join(config.DATA_DIR, 'meilisearch')})`);
      const m = await startEmbeddedMeili({ dir: config.DATA_DIR, port: config.EMBEDDED_MEILI_PORT, log, restart: true });
      stops.push(m.stop);
      holds.push(m.hold);
      meili = { host: m.host, apiKey: m.apiKey };
      embedded.push(`Meilisearch on ${m.host}`);
    }
    const hold = () => { for (const h of holds) h(); };
    return { databaseUrl, meili, embedded, hold, stop: () => { hold(); return stopAll(stops); } };
  } catch (err) {
    for (const h of holds) h();
    await stopAll(stops);
    throw err;
  }
}

async function stopAll(stops: (() => Promise<void>)[]) {
  for (const stop of stops.reverse()) await stop().catch(() => {});
}
