import { loadSeed } from '../../seed/load-seed';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

it('loads the seed listings idempotently and makes them searchable by name', async () => {
  const first = await loadSeed(t.deps.db);
  expect(first.created).toBeGreaterThanOrEqual(150);
  expect(first).toMatchObject({ updated: 0, unchanged: 0 });
  const again = await loadSeed(t.deps.db);
  expect(again).toEqual({ created: 0, updated: 0, unchanged: first.created });

  await t.indexed(60_000);
  const res = await t.request.get('/v1/centers').query({ q: 'Lenox Evening Recovery' });
  expect(res.body.data[0].name).toBe('Lenox Evening Recovery Program');
  const facets = (await t.request.get('/v1/centers').query({ per_page: 1 })).body.meta.facets;
  expect(Object.keys(facets.state).length).toBeGreaterThanOrEqual(15);
  expect(Object.keys(facets.level).sort()).toEqual(['detox', 'hospital_inpatient', 'iop', 'otp', 'outpatient', 'php', 'residential', 'sober_living']);
});
