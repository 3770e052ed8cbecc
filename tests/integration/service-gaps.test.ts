/**
 * Service gaps: searches with fewer than 3 results are counted by criteria, state and ZIP3 per
 * day, and nothing of what the caller typed or where exactly they are is ever stored.
 */
import pino from 'pino';
import { GapCounter } from '../../src/service-gaps/gap-counter';
import { SearchQuerySchema } from '../../src/search/search-query';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Only IOP In Harlem', conditions: ['alcohol'] }));
  await t.indexed();
});
afterAll(async () => { await t.close(); });

const CALLER_WORDS = ['my son', 'fentanyl', 'Jamal', 'overdosed'];

it('counts too-small searches by criteria, state and ZIP3, without the caller\'s words or full ZIP', async () => {
  for (let i = 0; i < 3; i++) {
    const res = await t.request.get('/v1/centers').query({ q: 'my son Jamal overdosed on fentanyl', near: '10027', level: 'iop', payer: 'medicaid', schedule: 'evening' });
    expect(res.status).toBe(200);
  }
  await t.request.get('/v1/centers').query({ near: '10027', level: 'residential', condition: 'opioids', has_openings: 'true' });
  await t.request.get('/v1/centers').query({ state: 'ny' }); // 1 result: counted, criteria none
  await t.deps.gaps!.flush();

  const rows = await t.deps.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM service_gaps`;
  const stored = JSON.stringify(rows);
  for (const word of [...CALLER_WORDS, 'son', '10027', '40.8', '-73.9']) expect(stored.toLowerCase()).not.toContain(word.toLowerCase());
  const byCriteria = Object.fromEntries(rows.map((r) => [r.criteria as string, r]));
  expect(byCriteria['level=iop&payer=medicaid&schedule=evening&text=yes']).toMatchObject({ state: 'NY', zip3: '100', searches: 3, zero_results: 3 });
  expect(byCriteria['condition=opioids&has_openings=true&level=residential']).toMatchObject({ state: 'NY', zip3: '100', searches: 1, zero_results: 1 });
  expect(byCriteria.none).toMatchObject({ state: 'NY', zip3: '', searches: 1, zero_results: 0 });
});

it('lists the gaps for staff (JSON and CSV), most searches first; partners and anonymous callers may not', async () => {
  const staff = await t.request.post('/v1/api-keys').set(admin).send({ name: 'hotline', role: 'staff' });
  const key = { Authorization: `Bearer ${staff.body.key}` };
  const res = await t.request.get('/v1/service-gaps').set(key).query({ state: 'NY' });
  expect(res.status).toBe(200);
  expect(res.body.data[0]).toEqual({ criteria: 'level=iop&payer=medicaid&schedule=evening&text=yes', state: 'NY', zip3: '100', searches: 3, zero_results: 3, last_seen: expect.any(String) });
  const csv = await t.request.get('/v1/service-gaps').set(key).query({ format: 'csv' });
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  expect(csv.text.split('\r\n')[0]).toBe('criteria,state,zip3,searches,zero_results,last_seen');
  expect(csv.text).toContain('level=iop&payer=medicaid&schedule=evening&text=yes,NY,100,3,3,');
  const none = await t.request.get('/v1/service-gaps').set(key).query({ from: '2020-01-01', to: '2020-01-31' });
  expect(none.body.data).toEqual([]);
  expect((await t.request.get('/v1/service-gaps').set(key).query({ from: '2026-13-01' })).body.errors[0].path).toBe('from');
  const partner = await t.request.post('/v1/api-keys').set(admin).send({ name: 'site', role: 'partner' });
  expect((await t.request.get('/v1/service-gaps').set({ Authorization: `Bearer ${partner.body.key}` })).status).toBe(403);
  expect((await t.request.get('/v1/service-gaps')).status).toBe(401);
});

it('counts from several processes add up (one upsert per flush, additive)', async () => {
  const q = SearchQuerySchema.parse({ level: 'sober_living', state: 'VT' });
  const counters = [new GapCounter(t.deps.db, pino({ level: 'silent' })), new GapCounter(t.deps.db, pino({ level: 'silent' }))];
  for (let i = 0; i < 50; i++) counters[i % 2].record(q, 0);
  await Promise.all(counters.map((c) => c.flush()));
  for (let i = 0; i < 10; i++) counters[i % 2].record(q, 1);
  await Promise.all(counters.map((c) => c.flush()));
  const [row] = await t.deps.db.$queryRaw<{ searches: number; zero_results: number }[]>`SELECT searches, zero_results FROM service_gaps WHERE criteria = 'level=sober_living' AND state = 'VT'`;
  expect(row).toEqual({ searches: 60, zero_results: 50 });
});
