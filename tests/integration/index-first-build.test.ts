import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedMeili, type RunningMeili } from '../../src/runtime/embedded-meili';
import { ensureIndexCurrent } from '../../src/search/ensure-index';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';
import { freePort, testServices } from '../support/test-services';

const search = (t: TestApp) => t.request.get('/v1/centers').query({ q: 'recovery', level: 'iop' });

describe('before the first index build', () => {
  let t: TestApp;
  beforeAll(async () => {
    const s = testServices();
    // An engine without this app's index, as on a first start; the build is started by the test.
    t = await startTestApp({ meili: { host: s.meiliHost, apiKey: s.meiliKey } });
  });
  afterAll(() => t.close());

  it('search answers 503 with Retry-After and /ready is 503 — the drain never creates the live index — and never a 500 during the build', async () => {
    for (let i = 0; i < 30; i++) expect((await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: `Firstbuild ${i} Recovery` }))).status).toBe(201);
    await new Promise((r) => setTimeout(r, 1000)); // the drain had time to run (it used to create the index here)

    const { results } = await t.deps.meili.getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid)).not.toContain(t.deps.centerIndex.name);
    const before = await search(t);
    expect(before.status).toBe(503);
    expect(Number(before.headers['retry-after'])).toBeGreaterThan(0);
    const ready = await t.request.get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.search).toMatchObject({ ok: false, index_built: false });
    expect(ready.body.search.lag.pending).toBeGreaterThanOrEqual(30);

    const statuses: number[] = [];
    let building = true;
    const build = ensureIndexCurrent(t.deps.db, t.deps.centerIndex, t.deps.sync, t.deps.log).finally(() => { building = false; });
    while (building) statuses.push((await search(t)).status);
    await build;
    await t.indexed();
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    const after = await search(t);
    expect(after.status).toBe(200);
    expect(after.body.meta.total).toBe(30);
    expect((await t.request.get('/ready')).status).toBe(200);
  });
});

describe('with the engine down', () => {
  let meili: RunningMeili;
  let dir: string;
  let t: TestApp;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoff-'));
    meili = await startEmbeddedMeili({ dir, port: await freePort() });
    t = await startTestApp({ meili: { host: meili.host, apiKey: meili.apiKey } });
    await ensureIndexCurrent(t.deps.db, t.deps.centerIndex, t.deps.sync, t.deps.log);
  });
  afterAll(async () => {
    await t.close();
    await meili.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the outbox backoff holds while writes continue (a write does not trigger a drain attempt)', async () => {
    await meili.stop();
    let attempts = 0;
    const drainOnce = t.deps.sync.drainOnce.bind(t.deps.sync);
    t.deps.sync.drainOnce = () => { attempts++; return drainOnce(); };
    const started = Date.now();
    let writes = 0;
    while (Date.now() - started < 5000) {
      expect((await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: `Backoff ${writes} Center` }))).status).toBe(201);
      writes++;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(writes).toBeGreaterThan(30);
    // 200 ms doubling per failure: about six attempts in five seconds, however many writes.
    expect(attempts).toBeLessThanOrEqual(10);
  });
});
