import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildCenter } from '../support/build-center';
import { ADMIN_KEY } from '../support/test-app';
import { freePort } from '../support/test-services';

/**
 * The real `src/server.ts` with its bundled PostgreSQL and Meilisearch, in a DATA_DIR of its
 * own: its children are killed, a client drips headers, and it gets SIGTERM.
 */
let server: ChildProcess;
let dir: string;
let base: string;
let log = '';
const admin = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundled-server-'));
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATA_DIR: dir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_MEILI_PORT: String(await freePort()),
    ADMIN_API_KEY: ADMIN_KEY, SEED_WHEN_EMPTY: 'false', LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.MEILI_HOST;
  delete env.NODE_OPTIONS;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: path.join(__dirname, '../..'), env, stdio: ['ignore', 'ignore', 'pipe'] });
  server.stderr!.on('data', (d) => { log += d; });
  await until(async () => log.includes('ready. Ctrl-C'), 120_000, 'the server did not start');
}, 130_000);

afterAll(async () => {
  if (server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  fs.rmSync(dir, { recursive: true, force: true });
}, 30_000);

async function until(ok: () => Promise<boolean>, timeoutMs: number, what = 'timed out'): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await ok().catch(() => false)) return (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} within ${timeoutMs} ms; server log:\n${log}`);
}

const pidIn = (file: string) => Number(fs.readFileSync(path.join(dir, file), 'utf8').split('\n')[0]);
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const get = (p: string) => fetch(base + p, { signal: AbortSignal.timeout(10_000) });

it('restarts a killed PostgreSQL and a killed Meilisearch; the API serves again on its own, nothing committed lost', async () => {
  const created = await fetch(`${base}/v1/centers`, { method: 'POST', headers: admin, body: JSON.stringify(buildCenter({ name: 'Lanternhill Recovery' })) });
  expect(created.status).toBe(201);
  const { id } = await created.json() as { id: string };
  const found = async () => {
    const res = await get('/v1/centers?q=Lanternhill&facets=false');
    return res.status === 200 && ((await res.json()) as { meta: { total: number } }).meta.total === 1;
  };
  await until(found, 30_000, 'the center was not indexed');

  const postmaster = pidIn('postgres/postmaster.pid');
  const meili = pidIn('meilisearch.pid');
  process.kill(postmaster, 'SIGKILL');
  process.kill(meili, 'SIGKILL');
  // Right after the kill a read answers 503, or 200 when a backend of the dead postmaster is still
  // finishing its query (it notices the death a moment later); never a 500.
  const during = await get(`/v1/centers/${id}`);
  expect([200, 503]).toContain(during.status);
  const search = await get('/v1/centers?q=Lanternhill&facets=false');
  expect([200, 503]).toContain(search.status);

  const readBack = await until(async () => (await get(`/v1/centers/${id}`)).status === 200, 60_000, 'center reads did not come back');
  const searchBack = await until(found, 60_000, 'search did not come back');
  console.log(`after kill -9 of both: center read 200 after ${readBack} s, search 200 after ${readBack + searchBack} s`);
  expect(log).toMatch(/the bundled PostgreSQL exited \(SIGKILL\); restarting/);
  expect(log).toMatch(/the bundled Meilisearch exited \(SIGKILL\); restarting/);
  expect(pidIn('postgres/postmaster.pid')).not.toBe(postmaster);

  // Writes go on, and reach the index through the outbox.
  const after = await fetch(`${base}/v1/centers`, { method: 'POST', headers: admin, body: JSON.stringify(buildCenter({ name: 'Copperfield Counseling' })) });
  expect(after.status).toBe(201);
  await until(async () => {
    const res = await get('/v1/centers?q=Copperfield&facets=false');
    return res.status === 200 && ((await res.json()) as { meta: { total: number } }).meta.total === 1;
  }, 30_000, 'a write after the restart was not indexed');
}, 150_000);

it('cuts off a client that drips its headers', async () => {
  const started = Date.now();
  const socket = net.connect(Number(new URL(base).port), '127.0.0.1');
  socket.on('error', () => {});
  socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n');
  const drip = setInterval(() => socket.write('X-Drip: 1\r\n'), 500);
  const closedAfter = await new Promise<number>((resolve) => socket.once('close', () => resolve((Date.now() - started) / 1000)));
  clearInterval(drip);
  console.log(`header-dripping client cut off after ${closedAfter} s`);
  expect(closedAfter).toBeGreaterThan(9);
  expect(closedAfter).toBeLessThan(15);
}, 30_000);

it('SIGTERM exits 0 within 10 s after both bundled children died, and restarts neither', async () => {
  const postmaster = pidIn('postgres/postmaster.pid');
  process.kill(pidIn('meilisearch.pid'), 'SIGKILL');
  process.kill(postmaster, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 200));
  expect(log.match(/exited \(SIGKILL\); restarting/g)).toHaveLength(4); // two kills each
  const started = Date.now();
  const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
  server.kill('SIGTERM');
  const code = await exited;
  const seconds = (Date.now() - started) / 1000;
  console.log(`SIGTERM → exit ${code} after ${seconds} s`);
  expect(code).toBe(0);
  expect(seconds).toBeLessThan(10);
  // the restarts that were due (in 1–2 s) did not happen once the shutdown began
  await new Promise((r) => setTimeout(r, 2500));
  expect(alive(pidIn('postgres/postmaster.pid'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'meilisearch.pid')) && alive(pidIn('meilisearch.pid'))).toBe(false);
}, 30_000);
