import path from 'node:path';
import type { Config } from '../config';
import { startEmbeddedMeili } from './embedded-meili';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface Services {
  databaseUrl: string;
  meili: { host: string; apiKey?: string };
  embedded: string[];
  stop(): Promise<void>;
}

/** The servers named in the environment, or the bundled ones started as child processes. */
export async function resolveServices(config: Config, log: (line: string) => void): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  const embedded: string[] = [];
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      log(`starting the bundled PostgreSQL (data in ${path.join(config.DATA_DIR, 'postgres')})`);
      const pg = await startEmbeddedPostgres({ dir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
      stops.push(pg.stop);
      databaseUrl = pg.url;
      embedded.push(`PostgreSQL on 127.0.0.1:${config.EMBEDDED_PG_PORT}`);
    }
    let meili = config.MEILI_HOST ? { host: config.MEILI_HOST, apiKey: config.MEILI_API_KEY } : null;
    if (!meili) {
      log(`starting the bundled Meilisearch (data in ${path.join(config.DATA_DIR, 'meilisearch')})`);
      const m = await startEmbeddedMeili({ dir: config.DATA_DIR, port: config.EMBEDDED_MEILI_PORT, log });
      stops.push(m.stop);
      meili = { host: m.host, apiKey: m.apiKey };
      embedded.push(`Meilisearch on ${m.host}`);
    }
    return { databaseUrl, meili, embedded, stop: () => stopAll(stops) };
  } catch (err) {
    await stopAll(stops);
    throw err;
  }
}

async function stopAll(stops: (() => Promise<void>)[]) {
  for (const stop of stops.reverse()) await stop().catch(() => {});
}
