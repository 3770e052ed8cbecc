/**
 * Ground truth: a few hundred seeded-random parameter combinations must return exactly the ids
 * and facet counts of the independent reference filter (tests/support/reference-search.ts).
 */
import { generateCenters } from '../../seed/generate-centers';
import { createRandom } from '../../seed/random';
import { METROS } from '../../seed/metros';
import { CENTER_INCLUDE, presentCenter } from '../../src/centers/center-record';
import { CenterInputSchema, type Center, type CenterInputRaw } from '../../src/centers/center-schema';
import { upsertBySource } from '../../src/centers/upsert-center';
import { lookupZip } from '../../src/geo/zip-codes';
import { CODE_FIELDS } from '../../src/taxonomy/codes';
import { reportAgeHours } from '../../seed/center-facts';
import { referenceFacets, referenceMatch, type Params } from '../support/reference-search';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let centers: Center[];
const HARLEM = lookupZip('10027')!;
const caller = { role: 'admin' as const, keyId: null, name: 'test' };

/** Centers at known distances north of 10027, straddling the radii the test asks for. */
function edgeCenters(): CenterInputRaw[] {
  const milesPerDegreeLat = 69.0934;
  return [4.8, 5.2, 9.85, 10.15, 24.8, 25.2, 49.7, 50.3].map((miles, i) => ({
    name: `Edge Center ${miles} mi`, source: 'edge', source_id: `edge-${i}`,
    address: { line1: `${i} Edge Rd`, city: 'New York', state: 'NY', postal_code: '10027' },
    location: { lat: HARLEM.lat + miles / milesPerDegreeLat, lng: HARLEM.lng },
    levels_of_care: i % 2 ? ['iop'] : ['outpatient', 'iop'], payers: ['medicaid'],
    schedules: [{ level: 'iop', days: ['sat'], start: '18:00', end: '21:00' }],
  }));
}

beforeAll(async () => {
  t = await startTestApp();
  const inputs = [...generateCenters({ count: 420, seed: 77, idPrefix: 'gt' }), ...edgeCenters()].map((c) => CenterInputSchema.parse(c));
  for (let i = 0; i < inputs.length; i += 100) {
    await t.deps.db.$transaction(async (tx) => { for (const c of inputs.slice(i, i + 100)) await upsertBySource(tx, c, caller); }, { timeout: 60_000 });
  }
  // Report times are server-set: age them as the seed does, a quarter of them stale.
  const stored = await t.deps.db.center.findMany({ select: { id: true, sourceId: true } });
  for (const c of stored) {
    await t.deps.db.centerAvailability.updateMany({ where: { centerId: c.id }, data: { updatedAt: new Date(Date.now() - reportAgeHours(c.sourceId!) * 3_600_000) } });
  }
  await t.deps.db.searchOutbox.createMany({ data: stored.map((c) => ({ centerId: c.id, op: 'upsert' as const })) });
  await t.indexed(60_000);
  centers = (await t.deps.db.center.findMany({ include: CENTER_INCLUDE })).map(presentCenter);
}, 120_000);
afterAll(async () => { await t.close(); });

function randomParams(rnd: ReturnType<typeof createRandom>): { params: Params; point: { lat: number; lng: number } | null } {
  const params: Params = {};
  const codeParams: [string, keyof typeof CODE_FIELDS][] = [
    ['level', 'levels_of_care'], ['modality', 'modalities'], ['medication', 'medications'], ['payer', 'payers'],
    ['insurer', 'insurers'], ['population', 'populations'], ['language', 'languages'],
    ['condition', 'conditions'], ['accessibility', 'accessibility'],
  ];
  for (const [param, field] of rnd.sample(codeParams, rnd.int(0, 3))) {
    const form = rnd.pick(['', '_all', '_not']);
    const codes = field === 'languages' ? ['en', 'es', 'zh', 'vi', 'ru', 'ko'] : CODE_FIELDS[field];
    params[param + form] = rnd.sample(codes, rnd.int(1, form === '_all' ? 2 : 3)).join(',');
  }
  if (rnd.chance(0.3)) params.schedule = rnd.sample(['morning', 'afternoon', 'evening', 'weekend'], rnd.int(1, 2)).join(',');
  if (rnd.chance(0.3) && !params.level) params.level = rnd.pick(['iop', 'outpatient', 'php']);
  if (rnd.chance(0.15)) params.telehealth = String(rnd.chance(0.5));
  if (rnd.chance(0.15)) params.accepting_new_patients = String(rnd.chance(0.7));
  if (rnd.chance(0.15)) params.state = rnd.pick(METROS).state;
  if (rnd.chance(0.2)) params.has_openings = 'true';
  if (rnd.chance(0.15)) params.intake_open_now = 'true';
  if (rnd.chance(0.15)) params.walk_in = String(rnd.chance(0.5));
  if (rnd.chance(0.15)) params.verified_within_days = String(rnd.pick([30, 180, 365, 730]));
  if (rnd.chance(0.2)) params.include_temporarily_closed = 'true';
  let point: { lat: number; lng: number } | null = null;
  if (rnd.chance(0.5)) {
    if (rnd.chance(0.4)) { params.near = '10027'; point = HARLEM; }
    else {
      const zip = rnd.pick(rnd.pick(METROS).zips);
      const z = lookupZip(zip)!;
      if (rnd.chance(0.5)) { params.near = zip; point = z; } else { params.near = `${z.lat},${z.lng}`; point = z; }
    }
    if (rnd.chance(0.7)) params.radius = String(rnd.pick([5, 10, 25, 50, 200]));
  }
  return { params, point };
}

async function allIds(params: Params) {
  const ids: string[] = [];
  let facets: Record<string, Record<string, number>> | undefined;
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await t.request.get('/v1/centers').query({ ...params, per_page: 100, page, sort: 'name' });
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)} for ${JSON.stringify(params)}`);
    ids.push(...res.body.data.map((c: Center) => c.id));
    if (page === 1) { facets = res.body.meta.facets; total = res.body.meta.total; }
    if (page >= res.body.meta.total_pages) break;
  }
  return { ids, facets: facets!, total };
}

it('the fixture has the variety the combinations need', () => {
  expect(centers.length).toBe(428);
  expect(centers.some((c) => c.status === 'temporarily_closed')).toBe(true);
  expect(centers.some((c) => c.status === 'closed')).toBe(true);
  expect(centers.filter((c) => c.schedules.some((s) => s.level === 'iop' && s.start >= '17:00')).length).toBeGreaterThan(10);
});

it('300 random parameter combinations return exactly the reference ids and facet counts', async () => {
  const rnd = createRandom(20261122);
  let nonEmpty = 0;
  for (let i = 0; i < 300; i++) {
    const { params, point } = randomParams(rnd);
    // Intake hours count in quarter hours: do not straddle a boundary between reference and engine.
    while (Date.now() % 900_000 > 897_000) await new Promise((r) => setTimeout(r, 500));
    const now = Date.now();
    const expected = referenceMatch(centers, params, point, now);
    const got = await allIds(params);
    const gotJudged = got.ids.filter((id) => !expected.edge.has(id));
    const context = `combination ${i}: ${new URLSearchParams(params)}`;
    expect({ context, ids: [...gotJudged].sort() }).toEqual({ context, ids: [...expected.ids].sort() });
    expect(new Set(got.ids).size).toBe(got.ids.length);
    if (expected.edge.size === 0) {
      expect({ context, total: got.total }).toEqual({ context, total: expected.ids.size });
      const levels = [...(params.level?.split(',') ?? []), ...(params.level_all?.split(',') ?? [])];
      expect({ context, facets: got.facets }).toEqual({ context, facets: referenceFacets(expected.matches, levels, now) });
    }
    if (expected.ids.size) nonEmpty++;
  }
  expect(nonEmpty).toBeGreaterThan(100);
}, 180_000);

it('the fixture has availability, fresh and stale, and intake hours', () => {
  const entries = centers.flatMap((c) => c.availability);
  const stale = entries.filter((a) => Date.now() - Date.parse(a.updated_at) > 72 * 3_600_000);
  expect(stale.length).toBeGreaterThan(20);
  expect(entries.length - stale.length).toBeGreaterThan(50);
  expect(centers.filter((c) => c.intake?.hours.length).length).toBeGreaterThan(100);
  expect(centers.filter((c) => !c.intake?.hours.length).length).toBeGreaterThan(30);
});

it('a stale open report never counts as an opening, for any level', async () => {
  const staleOnly = centers.filter((c) => c.status === 'active' && c.availability.length > 0
    && c.availability.every((a) => Date.now() - Date.parse(a.updated_at) > 72 * 3_600_000) && c.availability.some((a) => a.status === 'open'));
  expect(staleOnly.length).toBeGreaterThan(3);
  const ids = new Set((await allIds({ has_openings: 'true' })).ids);
  for (const c of staleOnly) {
    expect(ids.has(c.id)).toBe(false);
    for (const a of c.availability) expect(new Set((await allIds({ has_openings: 'true', level: a.level })).ids).has(c.id)).toBe(false);
  }
  const hit = (await t.request.get(`/v1/centers/${staleOnly[0].id}`)).body;
  expect(hit.availability.every((a: { stale: boolean }) => a.stale)).toBe(true);
  const facets = (await t.request.get('/v1/centers').query({ level: staleOnly[0].availability[0].level })).body.meta.facets;
  expect(facets.availability.unknown).toBeGreaterThan(0);
}, 60_000);

it('sort=soonest pages through open, then the shortest fresh waitlist, then the rest, exactly once each', async () => {
  const now = Date.now();
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = await t.request.get('/v1/centers').query({ sort: 'soonest', level: 'iop', per_page: 7, page });
    ids.push(...res.body.data.map((c: Center) => c.id));
    if (page >= res.body.meta.total_pages) break;
  }
  const expected = referenceMatch(centers, { level: 'iop' }, null, now);
  expect(new Set(ids)).toEqual(expected.ids);
  expect(ids.length).toBe(expected.ids.size);
  const byId = new Map(centers.map((c) => [c.id, c]));
  const state = (id: string) => {
    const entry = byId.get(id)!.availability.find((a) => a.level === 'iop' && now - Date.parse(a.updated_at) <= 72 * 3_600_000);
    return entry?.status === 'open' ? 0 : entry?.status === 'waitlist' ? 1 : 2;
  };
  const tiers = ids.map(state);
  expect(tiers).toEqual([...tiers].sort());
  const waits = ids.filter((id) => state(id) === 1).map((id) => byId.get(id)!.availability.find((a) => a.level === 'iop')!.waitlist_days ?? Infinity);
  expect(waits).toEqual([...waits].sort((a, b) => a - b));
}, 60_000);

it.each([
  [5, ['Edge Center 4.8 mi']], [10, ['Edge Center 4.8 mi', 'Edge Center 5.2 mi', 'Edge Center 9.85 mi']],
  [25, ['Edge Center 4.8 mi', 'Edge Center 5.2 mi', 'Edge Center 9.85 mi', 'Edge Center 10.15 mi', 'Edge Center 24.8 mi']],
])('radius %d miles includes exactly the edge centers inside it, nearest first', async (radius, names) => {
  const res = await t.request.get('/v1/centers').query({ near: '10027', radius, q: 'Edge Center', sort: 'distance', per_page: 100 });
  expect(res.body.data.map((c: Center) => c.name)).toEqual(names);
  const distances = res.body.data.map((c: { distance_miles: number }) => c.distance_miles);
  expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
  expect(distances[0]).toBeCloseTo(4.8, 1);
});
