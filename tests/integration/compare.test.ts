import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { CenterInputRaw } from '../../src/centers/center-schema';
import { distanceMiles } from '../../src/geo/zip-codes';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

async function create(overrides: Partial<CenterInputRaw>) {
  const res = await t.request.post('/v1/centers').set(admin).send(buildCenter(overrides));
  expect(res.status).toBe(201);
  return res.body as { id: string; location: { lat: number; lng: number } };
}
const compare = (query: Record<string, string | number>) => t.request.get('/v1/compare').query(query);

const HERE = { lat: 40.8, lng: -73.95 };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const WORKED_COVERAGE = { payer: 'private', deductible: 1787, coinsurance: 0.2, oop_max: 10600 };

let a: { id: string; location: { lat: number; lng: number } };
let b: { id: string; location: { lat: number; lng: number } };
let c: { id: string; location: { lat: number; lng: number } };
beforeAll(async () => {
  a = await create({
    name: 'Harlem Evening IOP', location: { lat: 40.81, lng: -73.95 }, levels_of_care: ['iop', 'residential'],
    modalities: ['cbt', 'group'], payers: ['medicaid', 'private'], verified_at: daysAgo(2),
    schedules: [{ level: 'iop', days: ['mon', 'wed', 'fri'], start: '18:00', end: '21:00', format: 'in_person' }],
    prices: [
      { level: 'iop', amount: 250, unit: 'day', price_type: 'cash', source: 'center website', as_of: '2026-06-01', days_per_week: 3, typical_length: { value: 8, unit: 'week' } },
      { level: 'residential', amount: 600, unit: 'day', price_type: 'cash', source: 'center website', as_of: '2026-06-01', typical_length: { value: 30, unit: 'day' } },
    ],
  });
  b = await create({
    name: 'Bronx Weekend IOP', location: { lat: 40.85, lng: -73.9 }, levels_of_care: ['iop', 'outpatient'],
    modalities: ['cbt', 'dbt', 'group'], languages: ['en', 'es'], payers: ['medicaid', 'private'], telehealth: true, accepting_new_patients: false,
    verified_at: daysAgo(40),
    schedules: [{ level: 'iop', days: ['sat', 'sun'], start: '09:00', end: '12:00', format: 'in_person' }],
    prices: [{ level: 'iop', amount: 300, unit: 'day', price_type: 'cash', source: 'phone call', as_of: '2026-05-01' }],
  });
  c = await create({ name: 'Twin of Harlem', location: { lat: 40.81, lng: -73.95 }, levels_of_care: ['iop', 'residential'], modalities: ['cbt', 'group'], verified_at: daysAgo(2), prices: [] });
});

/** Validates a body against a schema of the app's own OpenAPI document. */
function matchesOpenApi(body: unknown, schema: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'doc', components: (t.openapi as { components: unknown }).components });
  const validate = ajv.getSchema(`doc#/components/schemas/${schema}`)!;
  expect(validate(body) ? [] : validate.errors).toEqual([]);
}

describe('GET /v1/compare', () => {
  it('returns the centers in the order asked, with their distances and the fields on which they differ', async () => {
    const res = await compare({ ids: `${b.id},${a.id}`, near: `${HERE.lat},${HERE.lng}` });
    expect(res.status).toBe(200);
    expect(res.body.data.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
    const round = (x: number) => Math.round(x * 100) / 100;
    expect(res.body.data[0].distance_miles).toBe(round(distanceMiles(HERE, b.location)));
    expect(res.body.data[1].distance_miles).toBe(round(distanceMiles(HERE, a.location)));
    expect(res.body.data[1].distance_miles).toBe(0.69);
    expect(res.body.cost_comparison).toBeUndefined();

    const byField = Object.fromEntries(res.body.differences.map((d: { field: string }) => [d.field, d]));
    expect(Object.keys(byField)).toEqual([
      'levels_of_care', 'modalities', 'languages', 'schedules', 'telehealth', 'accepting_new_patients', 'verified_at', 'prices', 'distance_miles',
    ]);
    expect(byField.levels_of_care).toEqual({ field: 'levels_of_care', values: { [b.id]: ['iop', 'outpatient'], [a.id]: ['iop', 'residential'] }, common: ['iop'] });
    expect(byField.modalities).toEqual({ field: 'modalities', values: { [b.id]: ['cbt', 'dbt', 'group'], [a.id]: ['cbt', 'group'] }, common: ['cbt', 'group'] });
    expect(byField.schedules.values).toEqual({ [b.id]: ['iop: morning, weekend'], [a.id]: ['iop: evening'] });
    expect(byField.telehealth.values).toEqual({ [b.id]: true, [a.id]: false });
    expect(byField.verified_at.values[a.id]).toMatchObject({ age_days: 2 });
    expect(byField.verified_at.values[b.id]).toMatchObject({ age_days: 40 });
    expect(byField.prices.values[a.id]).toEqual([
      { level: 'iop', amount: 250, unit: 'day', price_type: 'cash' },
      { level: 'residential', amount: 600, unit: 'day', price_type: 'cash' },
    ]);
    expect(byField.distance_miles.values).toEqual({ [b.id]: res.body.data[0].distance_miles, [a.id]: 0.69 });
    // The centers themselves are checked by the centers tests (CenterSchema's phone pattern carries a JS flag).
    matchesOpenApi({ ...res.body, data: [] }, 'CompareResponse');
  });

  it('names only what differs; without near there is no distance', async () => {
    const res = await compare({ ids: `${a.id},${c.id}` });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).not.toHaveProperty('distance_miles');
    expect(res.body.differences.map((d: { field: string }) => d.field)).toEqual(['prices']);
  });

  it('adds each center\'s cost comparison when coverage is given, the same as GET /v1/cost-comparison', async () => {
    const res = await compare({ ids: `${a.id},${b.id}`, ...WORKED_COVERAGE, path: 'residential_then_iop' });
    expect(res.status).toBe(200);
    const costA = res.body.cost_comparison[a.id];
    expect(costA.options.iop.patient_pays).toBe(2629.6);
    expect(costA.options.inpatient.patient_pays).toBe(5029.6);
    expect(costA.difference.patient_pays).toBe(2400);
    expect(costA.options.residential_then_iop.patient_pays).toBe(6229.6);
    const single = await t.request.get('/v1/cost-comparison').query({ center: a.id, ...WORKED_COVERAGE, path: 'residential_then_iop' });
    expect(costA).toEqual(single.body);

    // B prices no residential care: the median of the residential prices nearby (A's) fills in.
    const costB = res.body.cost_comparison[b.id];
    expect(costB.basis).toMatchObject({ kind: 'center', center_id: b.id });
    expect(costB.options.iop).toMatchObject({ rate: 300, price_source: { kind: 'center' } });
    expect(costB.options.inpatient).toMatchObject({ rate: 600, price_source: { kind: 'regional_median', centers_count: 1 } });
    expect(costB.options.inpatient.assumptions[0]).toMatch(/^Bronx Weekend IOP does not offer and publishes no residential/);
    matchesOpenApi({ ...res.body, data: [] }, 'CompareResponse');
  });

  it('a center that publishes no price at all is compared on nearby and national figures', async () => {
    const res = await compare({ ids: `${a.id},${c.id}`, payer: 'self_pay' });
    expect(res.body.cost_comparison[c.id].options.iop.price_source.kind).toBe('regional_median');
  });
});

describe('GET /v1/compare validation', () => {
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',');
  it.each([
    ['one id', () => ({ ids: a.id }), 'ids', /2 to 5 center ids.*got 1/],
    ['six ids', () => ({ ids: ids(6) }), 'ids', /2 to 5 center ids.*got 6/],
    ['a duplicate', () => ({ ids: `${a.id},${a.id.toUpperCase()}` }), 'ids', /twice/],
    ['a bad uuid', () => ({ ids: `${a.id},not-a-uuid` }), 'ids', /"not-a-uuid" is not a center id/],
    ['no ids', () => ({}), 'ids', /is required/],
    ['coverage without payer', () => ({ ids: `${a.id},${b.id}`, deductible: 500 }), 'payer', /required for the cost comparison \(deductible given\)/],
    ['a bad coinsurance', () => ({ ids: `${a.id},${b.id}`, payer: 'private', coinsurance: 2 }), 'coinsurance', /between 0 and 1/],
    ['an unknown ZIP', () => ({ ids: `${a.id},${b.id}`, near: '99999' }), 'near', /ZIP database/],
    ['an unknown parameter', () => ({ ids: `${a.id},${b.id}`, center: a.id }), 'center', /unknown query parameter/],
  ])('%s → 400 naming the parameter', async (_what, query, path, message) => {
    const res = await compare(query() as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) }]));
  });

  it('an unknown id is a 404 naming it', async () => {
    const res = await compare({ ids: `${a.id},${UNKNOWN}` });
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain(UNKNOWN);
    expect(res.body.errors).toEqual([{ path: 'ids', message: `no center with id ${UNKNOWN}` }]);
  });
});
