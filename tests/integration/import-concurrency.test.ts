import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

it('8 concurrent imports of one file all succeed, and each center is stored once', async () => {
  const centers = Array.from({ length: 20 }, (_, n) => buildCenter({ source: 'same_file', source_id: `sf-${n}` }));
  const body = centers.map((c) => JSON.stringify(c)).join('\n');
  const results = await Promise.all(Array.from({ length: 8 }, () =>
    t.request.post('/v1/imports').set(admin).set('Content-Type', 'application/x-ndjson').send(body)));
  expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
  const created = results.reduce((sum, r) => sum + r.body.counts.created, 0);
  expect(created).toBe(20);
  expect(results.every((r) => r.body.counts.failed === 0)).toBe(true);
  expect(await t.deps.db.center.count({ where: { source: 'same_file' } })).toBe(20);
});

it('8 concurrent all_or_nothing imports of one file all succeed too', async () => {
  const centers = Array.from({ length: 5 }, (_, n) => buildCenter({ source: 'same_aon', source_id: `sa-${n}` }));
  const results = await Promise.all(Array.from({ length: 8 }, () =>
    t.request.post('/v1/imports').query({ mode: 'all_or_nothing' }).set(admin).set('Content-Type', 'application/json').send(JSON.stringify(centers))));
  expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
  expect(await t.deps.db.center.count({ where: { source: 'same_aon' } })).toBe(5);
});
