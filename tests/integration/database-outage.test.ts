import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import supertest from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { boot } from '../../src/runtime/boot';
import { ensureIndexCurrent } from '../../src/search/ensure-index';
import { buildCenter } from '../support/build-center';
import { postgresProcesses, signalAll } from '../support/postgres-processes';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';
import { ADMIN_KEY, admin } from '../support/test-app';
import { testServices } from '../support/test-services';

/** A PostgreSQL of this test's own, so it can be frozen (SIGSTOP) and killed. */
let pg: PrivatePostgres;
let deps: Awaited<ReturnType<typeof boot>>;
let request: ReturnType<typeof supertest>;
let centerId: string;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  const services = testServices();
  const index = `dbout_${process.pid}`;
  const config = loadConfig({ MEILI_INDEX: index, ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'silent', SEED_WHEN_EMPTY: 'false', RATE_LIMIT_ANONYMOUS: '100000', RATE_LIMIT_ADMIN: '100000' });
  deps = await boot(config, { databaseUrl: pg.url, meili: { host: services.meiliHost, apiKey: services.meiliKey } }, { log: pino({ level: 'silent' }), poolSize: 5 });
  await ensureIndexCurrent(deps.db, deps.centerIndex, deps.sync, deps.log);
  request = supertest(createApp(deps).app);
  const created = await request.post('/v1/centers').set(admin).send(buildCenter());
  expect(created.status).toBe(201);
  centerId = created.body.id;
}, 120_000);

afterAll(async () => {
  if (pg && fs.existsSync(path.join(pg.pgdata, 'postmaster.pid'))) signalAll(postgresProcesses(pg.pgdata), 'SIGCONT');
  await deps?.meili.deleteIndex(deps.config.MEILI_INDEX).waitTask().catch(() => {});
  await deps?.meili.deleteIndex(`${deps.config.MEILI_INDEX}_meta`).waitTask().catch(() => {});
  await deps?.shutdown().catch(() => {});
  await pg?.stop();
}, 60_000);

const READS = () => ({
  'center read': request.get(`/v1/centers/${centerId}`),
  'cost comparison': request.get('/v1/cost-comparison').query({ center: centerId, payer: 'private', deductible: 1000, coinsurance: 0.2, oop_max: 5000 }),
  'HSDS services': request.get('/hsds/services'),
  '/ready': request.get('/ready'),
});

/** Every read at once; each one's status, Retry-After and seconds taken. */
async function readAll() {
  const started = Date.now();
  const entries = await Promise.all(Object.entries(READS()).map(async ([name, req]) => {
    const res = await req.timeout(20_000).then((r) => r, (err: { response?: supertest.Response }) => err.response ?? null);
    return [name, { status: res?.status ?? 0, retryAfter: res?.headers['retry-after'], seconds: (Date.now() - started) / 1000, body: res?.text }] as const;
  }));
  return Object.fromEntries(entries);
}

async function until(ok: () => Promise<boolean>, timeoutMs: number) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await ok()) return (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not recovered within ${timeoutMs} ms`);
}

const pgdata = () => pg.pgdata;

it('answers 200 while the database is up', async () => {
  const all = await readAll();
  for (const [name, r] of Object.entries(all)) expect([name, r.status]).toEqual([name, 200]);
});

it('a frozen database (SIGSTOP) → 503 with Retry-After within 5 s; SIGCONT → 200 again', async () => {
  const kept = (await request.get(`/v1/centers/${centerId}`)).text;
  const pids = postgresProcesses(pgdata());
  signalAll(pids, 'SIGSTOP');
  try {
    for (let round = 0; round < 2; round++) { // the second round meets connections stuck in the first
      const all = await readAll();
      console.log(`frozen, round ${round + 1}:`, JSON.stringify(all, (k, v) => (k === 'body' ? undefined : v)));
      for (const [name, r] of Object.entries(all)) {
        // A frozen database commits nothing, so the center read just before is still the center: the
        // instance serves it until its cache's heartbeat has gone unanswered for 3 s (center-cache.ts),
        // then goes to PostgreSQL like every other read (the second round starts 3.5 s in).
        if (name === 'center read' && round === 0) {
          expect([name, r.status, r.seconds < 0.5]).toEqual([name, 200, true]);
          expect(r.body).toBe(kept);
          continue;
        }
        expect([name, r.status]).toEqual([name, 503]);
        if (name !== '/ready') expect([name, Number(r.retryAfter)]).toEqual([name, 5]);
        expect(r.seconds).toBeLessThan(5);
      }
    }
  } finally {
    signalAll(pids, 'SIGCONT');
  }
  const seconds = await until(async () => Object.values(await readAll()).every((r) => r.status === 200), 15_000);
  console.log(`recovered ${seconds} s after SIGCONT`);
}, 60_000);

it('a killed database → 503 with Retry-After, never 500', async () => {
  signalAll(postgresProcesses(pgdata()), 'SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  for (let round = 0; round < 2; round++) {
    const all = await readAll();
    console.log(`killed, round ${round + 1}:`, JSON.stringify(all, (k, v) => (k === 'body' ? undefined : v)));
    for (const [name, r] of Object.entries(all)) {
      expect([name, r.status]).toEqual([name, 503]);
      if (name !== '/ready') expect([name, Number(r.retryAfter)]).toEqual([name, 5]);
      expect(r.seconds).toBeLessThan(5);
    }
  }
}, 60_000);
