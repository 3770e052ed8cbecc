import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedMeili, type RunningMeili } from '../../src/runtime/embedded-meili';
import { ensureIndexCurrent } from '../../src/search/ensure-index';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';
import { freePort } from '../support/test-services';

/** A Meilisearch of this test's own, so it can be stopped and restarted. */
let meili: RunningMeili;
let dir: string;
let port: number;
let t: TestApp;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-'));
  port = await freePort();
  meili = await startEmbeddedMeili({ dir, port });
  t = await startTestApp({ meili: { host: meili.host, apiKey: meili.apiKey } });
  await ensureIndexCurrent(t.deps.db, t.deps.centerIndex, t.deps.sync, t.deps.log);
});
afterAll(async () => {
  await t.close();
  await meili.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (q: string) => t.request.get('/v1/centers').query({ q, facets: 'false' });

it('keeps writes while the engine is down, answers searches 503, and converges once it is back', async () => {
  const before = await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Quillfeather Recovery' }));
  await t.indexed();
  expect((await search('Quillfeather')).body.meta.total).toBe(1);

  await meili.stop();

  const during = await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Marblewood Counseling' }));
  expect(during.status).toBe(201);
  const patched = await t.request.patch(`/v1/centers/${before.body.id}`).set(admin).send({ name: 'Quillfeather Renamed Recovery' });
  expect(patched.status).toBe(200);

  const down = await search('Marblewood');
  expect(down.status).toBe(503);
  expect(down.headers['content-type']).toMatch(/problem\+json/);
  expect(Number(down.headers['retry-after'])).toBeGreaterThan(0);

  const notReady = await t.request.get('/ready');
  expect(notReady.status).toBe(503);
  expect(notReady.body.search.ok).toBe(false);
  expect(notReady.body.search.lag.pending).toBeGreaterThanOrEqual(2);
  // reads of single centers come from PostgreSQL and keep working
  expect((await t.request.get(`/v1/centers/${during.body.id}`)).status).toBe(200);

  meili = await startEmbeddedMeili({ dir, port });
  await t.indexed(30_000);

  const found = await search('Marblewood');
  expect(found.status).toBe(200);
  expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([during.body.id]);
  const renamed = await search('Quillfeather');
  expect(renamed.body.data[0].name).toBe('Quillfeather Renamed Recovery');
  expect((await t.request.get('/ready')).body.search.lag.pending).toBe(0);
});

it('never indexes a write that rolled back', async () => {
  await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Original Holder', source: 'x', source_id: 'same' }));
  await t.indexed();
  const outboxBefore = await t.deps.db.searchOutbox.count();
  const failed = await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Rolledback Phantom Center', source: 'x', source_id: 'same' }));
  expect(failed.status).toBe(409);
  expect(await t.deps.db.searchOutbox.count()).toBe(outboxBefore);
  await t.indexed();
  expect((await search('Rolledback Phantom')).body.meta.total).toBe(0);
});

it('a frozen engine (SIGSTOP) → searches and /ready answer 503 with Retry-After within 5 s; SIGCONT → 200 again', async () => {
  const pid = meili.process.pid!;
  const timed = async (req: ReturnType<typeof search>) => {
    const started = Date.now();
    const res = await req.timeout(20_000).then((r) => r, (err: { response?: { status: number; headers: Record<string, string> } }) => err.response ?? null);
    return { status: res?.status ?? 0, retryAfter: Number(res?.headers['retry-after']), seconds: (Date.now() - started) / 1000 };
  };
  process.kill(pid, 'SIGSTOP');
  try {
    // Several at once, as a hotline's staff would send them; then a second round on sockets the first left waiting.
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all([search('recovery'), search('detox'), t.request.get('/v1/centers').query({ near: '10027' }), t.request.get('/ready')].map(timed));
      console.log(`engine frozen, round ${round + 1}:`, JSON.stringify(results));
      for (const r of results) {
        expect(r.status).toBe(503);
        expect(r.retryAfter).toBeGreaterThan(0);
        expect(r.seconds).toBeLessThan(5);
      }
    }
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  const started = Date.now();
  while ((await search('recovery')).status !== 200) {
    if (Date.now() - started > 15_000) throw new Error('search did not recover within 15 s of SIGCONT');
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`search answered 200 again ${(Date.now() - started) / 1000} s after SIGCONT`);
}, 90_000);
