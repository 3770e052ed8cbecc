import type { Center } from '../../src/centers/center-schema';
import { reconcileIndex } from '../../src/search/reconcile-index';
import { toCenterDocument } from '../../src/search/center-document';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
const ids: Record<string, string> = {};
const names = (res: { body: { data: Center[] } }) => res.body.data.map((c) => c.name).sort();

beforeAll(async () => {
  t = await startTestApp();
  const centers = {
    riverside: buildCenter({ name: 'Riverside Intensive Outpatient', levels_of_care: ['iop'], medications: ['buprenorphine'], modalities: ['mat', 'cbt'],
      schedules: [{ level: 'iop', days: ['mon', 'wed'], start: '18:00', end: '21:00' }] }),
    morningIop: buildCenter({ name: 'Daybreak Counseling', levels_of_care: ['iop', 'outpatient'], medications: [], modalities: ['twelve_step'],
      schedules: [{ level: 'iop', days: ['mon', 'tue', 'thu'], start: '09:00', end: '12:00' }, { level: 'outpatient', days: ['tue'], start: '18:30', end: '20:00' }] }),
    rehab: buildCenter({ name: 'Cedar Ridge', description: 'A quiet residential program.', levels_of_care: ['residential', 'detox'], medications: ['naltrexone'], schedules: [], prices: [],
      populations: ['co_occurring'], address: { line1: '1 Ridge Rd', city: 'Chicago', state: 'IL', postal_code: '60614' } }),
    closed: buildCenter({ name: 'Shuttered Hope Center', status: 'closed' }),
    paused: buildCenter({ name: 'Paused Harbor Center', status: 'temporarily_closed' }),
  };
  for (const [key, body] of Object.entries(centers)) {
    const res = await t.request.post('/v1/centers').set(admin).send(body);
    ids[key] = res.body.id;
  }
  await t.indexed();
});
afterAll(async () => { await t.close(); });

describe('text search', () => {
  it.each([
    ['suboxone', ['Riverside Intensive Outpatient']],
    ['vivitrol', ['Cedar Ridge']],
    ['rehab', ['Cedar Ridge']],
    ['dual diagnosis', ['Cedar Ridge']],
    ['AA', ['Daybreak Counseling']],
    ['intensve outpatient', ['Daybreak Counseling', 'Riverside Intensive Outpatient']],
    ['riversde', ['Riverside Intensive Outpatient']],
  ])('"%s" finds %j', async (q, expected) => {
    const res = await t.request.get('/v1/centers').query({ q });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
  });

  it('ranks a name match first', async () => {
    const res = await t.request.get('/v1/centers').query({ q: 'outpatient' });
    expect(res.body.data[0].name).toBe('Riverside Intensive Outpatient');
  });
});

describe('filters', () => {
  it('"evening IOP" does not match a center whose only evening sessions are outpatient', async () => {
    const res = await t.request.get('/v1/centers').query({ level: 'iop', schedule: 'evening' });
    expect(names(res)).toEqual(expect.not.arrayContaining(['Daybreak Counseling']));
    expect(names(res)).toContain('Riverside Intensive Outpatient');
    const anyLevel = await t.request.get('/v1/centers').query({ schedule: 'evening' });
    expect(names(anyLevel)).toContain('Daybreak Counseling');
  });

  it('closed centers never appear; temporarily closed only when asked', async () => {
    const all = names(await t.request.get('/v1/centers').query({ per_page: 100 }));
    expect(all).not.toContain('Shuttered Hope Center');
    expect(all).not.toContain('Paused Harbor Center');
    const asked = names(await t.request.get('/v1/centers').query({ per_page: 100, include_temporarily_closed: 'true' }));
    expect(asked).toContain('Paused Harbor Center');
    expect(asked).not.toContain('Shuttered Hope Center');
  });

  it('reports facets, exact total, took_ms and paging links', async () => {
    const res = await t.request.get('/v1/centers').query({ per_page: 1, page: 2, payer: 'medicaid' });
    expect(res.body.meta).toMatchObject({ total: 3, page: 2, per_page: 1, total_pages: 3, took_ms: expect.any(Number) });
    expect(res.body.meta.facets.level).toEqual({ iop: 2, outpatient: 1, residential: 1, detox: 1 });
    expect(res.body.links.next).toMatch(/page=3/);
    expect(res.body.links.prev).toMatch(/page=1/);
    expect(res.body.links.self).toMatch(/payer=medicaid/);
    const noFacets = await t.request.get('/v1/centers').query({ facets: 'false' });
    expect(noFacets.body.meta.facets).toBeUndefined();
  });

  it('sorts by name and by distance', async () => {
    const byName = await t.request.get('/v1/centers').query({ sort: 'name' });
    const list = byName.body.data.map((c: Center) => c.name);
    expect(list).toEqual([...list].sort((a: string, b: string) => a.localeCompare(b)));
    const near = await t.request.get('/v1/centers').query({ near: '60614', radius: 500 });
    expect(near.body.data[0].name).toBe('Cedar Ridge');
    expect(near.body.data[0].distance_miles).toBeLessThan(1);
  });
});

describe('bad input is a 400 naming the parameter, never a 500 or a wider search', () => {
  it.each([
    ['near', '99999', /ZIP code 99999/], ['near', '91,0', /latitude/], ['near', '10,181', /longitude/], ['near', 'here', /ZIP/],
    ['radius', '501', /500/], ['radius', '-1', /./], ['level', 'spa', /unknown code/], ['level_all', ',', /at least one/],
    ['sort', 'distance', /needs `near`/], ['telehealth', 'yes', /true or false/], ['state', 'ZZ', /state/],
    ['per_page', '101', /100/], ['page', '0', /./], ['verified_within_days', 'x', /./], ['color', 'blue', /unknown query parameter/],
  ])('%s=%s', async (param, value, message) => {
    const res = await t.request.get('/v1/centers').query({ [param]: value });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ path: param, message: expect.stringMatching(message) }]));
  });

  const hostile = ['"', '\\', 'iop" OR status = "closed', 'iop OR status = closed', 'AND', 'NOT', 'EXISTS', '[', ']', 'iop]', 'ñ😀', '_geoRadius(0,0,1)', 'x'.repeat(10_240)];
  const params = ['q', 'near', 'radius', 'level', 'modality_all', 'payer_not', 'language', 'schedule', 'telehealth', 'accepting_new_patients',
    'state', 'verified_within_days', 'sort', 'facets', 'page', 'per_page', 'include_temporarily_closed'];
  it('hostile values at every parameter', async () => {
    const baseline = (await t.request.get('/v1/centers')).body.meta.total;
    for (const param of params) {
      for (const value of hostile) {
        const res = await t.request.get('/v1/centers').query({ [param]: value });
        const where = `${param}=${value.slice(0, 30)}`;
        expect({ where, status: [200, 400].includes(res.status) }).toEqual({ where, status: true });
        if (res.status === 200) {
          expect({ where, narrower: res.body.meta.total <= baseline }).toEqual({ where, narrower: true });
          expect(res.body.data.every((c: Center) => c.status === 'active')).toBe(true);
        } else {
          expect(res.body.errors[0].path).toBe(param);
        }
      }
    }
  });
});

describe('index lifecycle', () => {
  it('a rebuild swaps in atomically: searches during it always see the full index', async () => {
    const expected = (await t.request.get('/v1/centers')).body.meta.total;
    let done = false;
    const rebuild = t.deps.sync.withLock(() => t.deps.centerIndex.rebuild(t.deps.db)).finally(() => { done = true; });
    const totals: number[] = [];
    while (!done) {
      totals.push((await t.request.get('/v1/centers').query({ facets: 'false' })).body.meta.total);
    }
    await rebuild;
    expect(totals.length).toBeGreaterThan(3);
    expect(new Set(totals)).toEqual(new Set([expected]));
    expect(await t.deps.centerIndex.isCurrent()).toBe(true);
  });

  it('reconciliation finds and repairs missing, extra and stale documents', async () => {
    const index = t.deps.centerIndex.index;
    await index.deleteDocuments([ids.riverside]).waitTask();
    const ghost = toCenterDocument({ ...(await t.request.get(`/v1/centers/${ids.rehab}`)).body, id: '00000000-0000-4000-8000-000000000001', name: 'Ghost Listing' }, 1, { nowMs: Date.now(), staleHours: 72 });
    await index.addDocuments([ghost]).waitTask();
    const stale = await t.deps.db.center.update({ where: { id: ids.morningIop }, data: { name: 'Daybreak Counseling Renamed', version: { increment: 1 } } });
    expect(stale.version).toBeGreaterThan(1);

    const report = await reconcileIndex(t.deps.db, t.deps.centerIndex);
    expect(report).toMatchObject({ missing: 1, stale: 1, extra: 1 });
    await t.indexed();
    expect(names(await t.request.get('/v1/centers').query({ q: 'Ghost Listing' }))).toEqual([]);
    expect(names(await t.request.get('/v1/centers').query({ q: 'Riverside' }))).toEqual(['Riverside Intensive Outpatient']);
    expect(names(await t.request.get('/v1/centers').query({ q: 'Daybreak' }))).toEqual(['Daybreak Counseling Renamed']);
    expect(await reconcileIndex(t.deps.db, t.deps.centerIndex)).toMatchObject({ missing: 0, stale: 0, extra: 0 });
  });

  it('answers from documents of the previous revision (only `center`) the same as from current ones, during a rolling rebuild', async () => {
    const index = t.deps.centerIndex.index;
    const query = { q: 'Cedar Ridge', near: '60614' };
    const current = (await t.request.get('/v1/centers').query(query)).body.data;
    expect(current).toHaveLength(1);
    const stored = (await index.getDocument(ids.rehab)) as Record<string, unknown>;
    const { hit: _hit, ...old } = stored;
    await index.addDocuments([old]).waitTask(); // replaces the document: `hit` is gone
    expect(await index.getDocument(ids.rehab)).not.toHaveProperty('hit');
    const res = await t.request.get('/v1/centers').query(query);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(current);
    await index.addDocuments([stored]).waitTask();
  });
});
