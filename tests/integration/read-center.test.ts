/**
 * GET /v1/centers/{id} is built by PostgreSQL as JSON (src/centers/read-center.ts). It must be
 * exactly the center every other path shows: presentCenter of the stored row, with freshness,
 * key for key, on the seed listings, generated ones and hand-made edge cases.
 */
import { withFreshness } from '../../src/availability/freshness';
import { CENTER_INCLUDE, presentCenter } from '../../src/centers/center-record';
import { readCenter, readCenterJson } from '../../src/centers/read-center';
import { etagOf } from '../../src/centers/center-store';
import { readCenterForCosts } from '../../src/costs/read-center-for-costs';
import { findRegionalPrices } from '../../src/costs/regional-prices';
import { generateCenters } from '../../seed/generate-centers';
import { loadSeed } from '../../seed/load-seed';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
const HOURS = 72;
const H = 3_600_000;

beforeAll(async () => {
  t = await startTestApp({ syncIndex: false });
  await loadSeed(t.deps.db);
  for (const c of generateCenters({ count: 60, seed: 11 })) {
    const res = await t.request.post('/v1/centers').set(admin).send(c);
    expect(res.status).toBe(201);
  }
  const edge = buildCenter({
    name: 'Edge Case Place', description: undefined, phone: undefined, website: undefined, email: undefined, license_number: undefined,
    address: { line1: '1 Main St', line2: 'Suite "4" \\ back', city: 'Tromsø-by-the-Sea', state: 'NY', postal_code: '10027' },
    levels_of_care: ['iop', 'residential'],
    prices: [
      { level: 'iop', amount: 0.1, unit: 'hour', price_type: 'cash', source: 'phone survey', as_of: '2026-01-31' },
      { level: 'residential', amount: 999999.99, unit: 'day', price_type: 'billed_charge', typical_length: { value: 28, unit: 'day' }, days_per_week: 7, hours_per_week: 37.5, includes_room_and_board: false, source: 'site', as_of: '2025-02-28' },
    ],
    availability: [
      { level: 'iop', status: 'open', open_slots: 3, next_intake_date: '2026-12-24' },
      { level: 'residential', status: 'waitlist', waitlist_days: 12 },
    ],
  } as never);
  const made = await t.request.post('/v1/centers').set(admin).send(edge);
  expect(made.body).toMatchObject({ name: 'Edge Case Place' });
}, 120_000);
afterAll(async () => { await t.close(); });

async function both(id: string, nowMs: number) {
  const row = await t.deps.db.center.findUniqueOrThrow({ where: { id }, include: CENTER_INCLUDE });
  const expected = withFreshness(presentCenter(row), nowMs, HOURS);
  const { center, version } = await readCenter(t.deps.pool, id, nowMs, HOURS);
  return { expected, center, version, rowVersion: row.version };
}

it('matches presentCenter + freshness on every stored center, keys in the same order', async () => {
  const ids = (await t.deps.db.center.findMany({ select: { id: true } })).map((c) => c.id);
  expect(ids.length).toBeGreaterThan(200);
  const now = Date.now();
  for (const id of ids) {
    const { expected, center, version, rowVersion } = await both(id, now);
    expect(JSON.stringify(center)).toBe(JSON.stringify(expected));
    expect(version).toBe(rowVersion);
  }
});

it('GET /v1/centers/{id} (readCenterJson: first read, then the kept copy) is the same text and ETag', async () => {
  await until(() => t.deps.centerCache?.status() === 'listening');
  const rows = await t.deps.db.center.findMany({ select: { id: true } });
  const now = Date.now();
  for (const { id } of rows) {
    const { expected, rowVersion } = await both(id, now);
    for (const round of ['read', 'kept']) {
      const { json, etag } = await readCenterJson(t.deps.pool, t.deps.centerCache, id, now, HOURS);
      expect({ round, json }).toEqual({ round, json: JSON.stringify(expected) });
      expect(etag).toBe(etagOf({ id, version: rowVersion }));
    }
    expect(t.deps.centerCache!.get(id)).toBeDefined();
  }
  // The edge cases' freshness from a kept copy, at the limit and a millisecond past it.
  const { id } = await t.deps.db.center.findFirstOrThrow({ where: { name: 'Edge Case Place' } });
  const reported = (await t.deps.db.centerAvailability.findFirstOrThrow({ where: { centerId: id } })).updatedAt.getTime();
  for (const offset of [0, HOURS * H, HOURS * H + 1, 1000 * H + 0.25 * H]) {
    const { json } = await readCenterJson(t.deps.pool, t.deps.centerCache, id, reported + offset, HOURS);
    expect(json).toBe(JSON.stringify((await both(id, reported + offset)).expected));
  }
});

it('a cost comparison from a kept center is the one its own statement gives, regional medians included', async () => {
  await until(() => t.deps.centerCache?.status() === 'listening');
  const rows = await t.deps.db.center.findMany({ select: { id: true }, where: { status: { not: 'closed' } } });
  t.deps.centerCache!.forget('*');
  let regionalCount = 0;
  for (const { id } of rows) {
    for (const params of [{ payer: 'private' }, { payer: 'medicare', inpatient_level: 'inpatient_hospital' }]) {
      const first = await t.request.get('/v1/cost-comparison').query({ center: id, ...params }); // the statement; keeps the center
      expect(t.deps.centerCache!.get(id)).toBeDefined();
      for (let again = 0; again < 2; again++) { // the kept center is shared by every request: nothing may change it
        const kept = await t.request.get('/v1/cost-comparison').query({ center: id, ...params });
        expect({ id, status: kept.status, body: kept.body }).toEqual({ id, status: first.status, body: first.body });
      }
      if (JSON.stringify(first.body).includes('"regional_median"')) regionalCount++;
    }
  }
  expect(regionalCount).toBeGreaterThan(10); // the kept path's own median query was compared too
});

async function until(ok: () => boolean) {
  const deadline = Date.now() + 10_000;
  while (!ok()) { if (Date.now() > deadline) throw new Error('the center cache is not listening'); await new Promise((r) => setTimeout(r, 10)); }
}

it('says stale and age_hours as the freshness rule does, at its edges', async () => {
  const { id } = await t.deps.db.center.findFirstOrThrow({ where: { name: 'Edge Case Place' } });
  const reported = (await t.deps.db.centerAvailability.findFirstOrThrow({ where: { centerId: id } })).updatedAt.getTime();
  // Exactly at the limit is still fresh, a millisecond later stale; age rounds to a tenth of an hour.
  for (const offset of [-5000, 0, 1, 0.05 * H - 1, 0.05 * H, 0.15 * H, HOURS * H - 1, HOURS * H, HOURS * H + 1, 1000 * H + 0.25 * H]) {
    const { expected, center } = await both(id, reported + offset);
    expect(center.availability).toEqual(expected.availability);
  }
  const atLimit = await both(id, reported + HOURS * H);
  expect(atLimit.center.availability[0]).toMatchObject({ stale: false, age_hours: 72 });
  const after = await both(id, reported + HOURS * H + 1);
  expect(after.center.availability[0].stale).toBe(true);
});

it('answers GET with the same center and ETag as the write that made it', async () => {
  const created = await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Round Trip Place' }));
  const read = await t.request.get(`/v1/centers/${created.body.id}`);
  expect(read.status).toBe(200);
  expect(read.headers.etag).toBe(created.headers.etag);
  const { availability: _a, ...rest } = created.body;
  expect(read.body).toMatchObject(rest);
  const missing = await t.request.get('/v1/centers/00000000-0000-4000-8000-000000000000');
  expect(missing.status).toBe(404);
  expect(missing.headers['content-type']).toContain('application/problem+json');
});

describe('a center-basis cost comparison reads the center and, when needed, the medians around it in one statement', () => {
  const around = { miles: 25, inpatientLevel: 'residential', ownInpatientLevels: ['residential', 'hospital_inpatient'] };

  it('fills in the medians exactly when the center prices no IOP or no inpatient level, equal to the standalone query', async () => {
    const rows = await t.deps.db.center.findMany({ include: { prices: true }, take: 120 });
    let filled = 0;
    for (const row of rows) {
      const own = new Set(row.prices.map((p) => p.level));
      const missing = !own.has('iop') || !(own.has('residential') || own.has('hospital_inpatient'));
      const { center, regional } = await readCenterForCosts(t.deps.pool, row.id, Date.now(), HOURS, around);
      expect(center.id).toBe(row.id);
      expect(regional !== undefined).toBe(missing);
      if (regional) {
        filled++;
        expect(regional).toEqual(await findRegionalPrices(t.deps.pool, { lat: row.lat, lng: row.lng }, 25, 'residential'));
      }
    }
    expect(filled).toBeGreaterThan(10);
  });

  it('reaches across the antimeridian (Aleutians) and not beyond the radius', async () => {
    const at = (name: string, lng: number, amount: number) => buildCenter({
      name, status: 'active', levels_of_care: ['iop'], location: { lat: 51.9, lng },
      address: { line1: '1 Bay Rd', city: 'Adak', state: 'AK', postal_code: '99546' },
      prices: [{ level: 'iop', amount, unit: 'day', price_type: 'cash', source: 'phone survey', as_of: '2026-06-01' }],
    } as never);
    for (const [name, lng, amount] of [['West Of The Line', 179.9, 100], ['East Of The Line', -179.9, 300], ['Too Far East', -178.5, 10_000]] as const) {
      expect((await t.request.post('/v1/centers').set(admin).send(at(name, lng, amount))).status).toBe(201);
    }
    const median = async () => (await findRegionalPrices(t.deps.pool, { lat: 51.9, lng: 179.95 }, 25, 'residential')).iop;
    expect(await median()).toMatchObject({ amount: 200, prices_count: 2, centers_count: 2 });

    // Prices follow their center (PostgreSQL keeps their copy of its location and status).
    const far = await t.deps.db.center.findFirstOrThrow({ where: { name: 'Too Far East' } });
    const moved = await t.request.patch(`/v1/centers/${far.id}`).set(admin).send({ location: { lat: 51.9, lng: 179.99 } });
    expect(moved.status).toBe(200);
    expect(await median()).toMatchObject({ amount: 300, prices_count: 3, centers_count: 3 });
    expect((await t.request.patch(`/v1/centers/${far.id}`).set(admin).send({ status: 'closed' })).status).toBe(200);
    expect(await median()).toMatchObject({ amount: 200, prices_count: 2 });
    expect((await t.request.patch(`/v1/centers/${far.id}`).set(admin).send({ status: 'active', prices: [
      { level: 'iop', amount: 400, unit: 'day', price_type: 'cash', source: 'phone survey', as_of: '2026-07-01' }] })).status).toBe(200);
    expect(await median()).toMatchObject({ amount: 300, prices_count: 3 });
  });
});
