import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { CenterInputRaw } from '../../src/centers/center-schema';
import { findRegionalPrices, regionalPricesQuery } from '../../src/costs/regional-prices';
import { lookupZip } from '../../src/geo/zip-codes';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

type Price = NonNullable<CenterInputRaw['prices']>[number];
const price = (p: Partial<Price> & Pick<Price, 'level' | 'amount'>): Price =>
  ({ unit: 'day', price_type: 'cash', source: 'center website', as_of: '2026-06-01', ...p } as Price);

async function create(overrides: Partial<CenterInputRaw>) {
  const res = await t.request.post('/v1/centers').set(admin).send(buildCenter(overrides));
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; location: { lat: number; lng: number } };
}

const compare = (query: Record<string, string | number | boolean>) => t.request.get('/v1/cost-comparison').query(query);
const daysSince = (iso: string) => Math.floor((Date.now() - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000);
/** A point `miles` north of another (1° of latitude ≈ 69.09 miles). */
const north = (p: { lat: number; lng: number }, miles: number) => ({ lat: p.lat + miles / 69.0933, lng: p.lng });

/** Validates a body against a schema of the app's own OpenAPI document. */
function matchesOpenApi(body: unknown, schema: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'doc', components: (t.openapi as { components: unknown }).components });
  const validate = ajv.getSchema(`doc#/components/schemas/${schema}`)!;
  expect(validate(body) ? [] : validate.errors).toEqual([]);
}

// Each scenario sits far from the others, so no regional median reaches another's centers.
const KANSAS = { lat: 38.5, lng: -98.5 };
const DENVER = lookupZip('80202')!;
const NEVADA = { lat: 40.5, lng: -117.2 };
const OKLAHOMA = { lat: 36.0, lng: -99.5 };

describe('center basis', () => {
  let worked: { id: string; name: string };
  beforeAll(async () => {
    worked = await create({
      name: 'Prairie Recovery', location: KANSAS, levels_of_care: ['iop', 'residential'], schedules: [],
      prices: [
        price({ level: 'iop', amount: 250, days_per_week: 3, typical_length: { value: 8, unit: 'week' } }),
        price({ level: 'residential', amount: 600, typical_length: { value: 30, unit: 'day' }, includes_room_and_board: true }),
      ],
    });
  });

  it('reproduces the worked check of docs/cost-model.md', async () => {
    const res = await compare({ center: worked.id, payer: 'private', deductible: 1787, coinsurance: 0.2, oop_max: 10600 });
    expect(res.status).toBe(200);
    const { iop, inpatient } = res.body.options;
    expect(iop).toMatchObject({ level: 'iop', estimated: true, rate: 250, unit: 'day', units: 24, weeks: 8, allowed_total: 6000, patient_pays: 2629.6, plan_pays: 3370.4 });
    expect(inpatient).toMatchObject({ level: 'residential', estimated: true, rate: 600, units: 30, allowed_total: 18000, patient_pays: 5029.6, plan_pays: 12970.4 });
    expect(res.body.difference).toEqual({ allowed_total: 12000, patient_pays: 2400 });
    expect(res.body.basis).toEqual({ kind: 'center', center_id: worked.id, center_name: 'Prairie Recovery', description: 'Prices published by Prairie Recovery.' });
    expect(iop.price_source).toEqual({
      kind: 'center', center_id: worked.id, as_of: '2026-06-01', age_days: daysSince('2026-06-01'),
      description: 'Published by Prairie Recovery (source: center website).',
    });
    expect(res.body.coverage).toMatchObject({ payer: 'private', deductible: 1787, coinsurance: 0.2, oop_max: 10600, defaults_used: ['deductible_met', 'copay_per_day', 'oop_met'] });
    expect(iop.assumptions).toEqual(expect.arrayContaining(['Program length: 8 weeks, the center\'s typical length.', 'Attendance: 3 days a week, the center\'s schedule for this price.']));
    expect(res.body.options.residential_then_iop).toBeUndefined();
    expect(res.body.disclaimer).toMatch(/not a quote/);
    matchesOpenApi(res.body, 'CostComparison');
  });

  it('adds the step-down path: the stay, then IOP under the same deductible and out-of-pocket maximum', async () => {
    const res = await compare({ center: worked.id, payer: 'private', deductible: 1787, coinsurance: 0.2, oop_max: 10600, path: 'residential_then_iop' });
    expect(res.status).toBe(200);
    const step = res.body.options.residential_then_iop;
    expect(step).toMatchObject({ level: 'residential_then_iop', estimated: true, allowed_total: 24000, patient_pays: 6229.6, plan_pays: 17770.4, service_days: 54 });
    expect(step.parts.inpatient).toMatchObject({ level: 'residential', patient_pays: 5029.6 });
    expect(step.parts.iop).toMatchObject({ level: 'iop', patient_pays: 1200, breakdown: { deductible: 0, coinsurance: 1200 } });
    expect(res.body.options.iop.patient_pays).toBe(2629.6); // the single options are unchanged
    matchesOpenApi(res.body, 'CostComparison');
  });

  it('uses the program parameters given over the center\'s typical lengths', async () => {
    const res = await compare({ center: worked.id, payer: 'self_pay', iop_weeks: 12, iop_days_per_week: 5, inpatient_days: 60 });
    expect(res.body.options.iop).toMatchObject({ units: 60, allowed_total: 15000, patient_pays: 15000, plan_pays: 0 });
    expect(res.body.options.inpatient).toMatchObject({ units: 60, allowed_total: 36000, patient_pays: 36000 });
    expect(res.body.difference).toEqual({ allowed_total: 21000, patient_pays: 21000 });
  });

  it('answers sliding_scale honestly: prices shown, patient share not estimated', async () => {
    const res = await compare({ center: worked.id, payer: 'sliding_scale' });
    expect(res.status).toBe(200);
    expect(res.body.options.iop).toMatchObject({ estimated: false, allowed_total: 6000, patient_pays: null, not_estimated_reason: expect.stringMatching(/income/) });
    expect(res.body.difference).toEqual({ allowed_total: 12000, patient_pays: null });
    matchesOpenApi(res.body, 'CostComparison');
  });

  it('falls back to national figures for a level the center does not price, and says so; fallback=false is a 400', async () => {
    const iopOnly = await create({ name: 'Plains IOP', location: OKLAHOMA, levels_of_care: ['iop'], schedules: [], prices: [price({ level: 'iop', amount: 250, days_per_week: 3 })] });
    const res = await compare({ center: iopOnly.id, payer: 'self_pay' });
    expect(res.status).toBe(200);
    expect(res.body.basis).toMatchObject({ kind: 'center', center_id: iopOnly.id, radius_miles: 25 });
    const { inpatient } = res.body.options;
    expect(inpatient).toMatchObject({ level: 'residential', rate: 557.5, price_source: { kind: 'national_reference' } });
    expect(inpatient.price_source.description).toMatch(/^Plains IOP does not offer and publishes no residential .* price\. National reference/);
    expect(inpatient.assumptions[0]).toMatch(/^Plains IOP does not offer and publishes no residential.*: used national reference figures/);

    const strict = await compare({ center: iopOnly.id, payer: 'self_pay', fallback: false });
    expect(strict.status).toBe(400);
    expect(strict.body.errors).toEqual([{ path: 'center', message: expect.stringMatching(/publishes no residential .*fallback=false/) }]);
  });

  it('uses a hospital inpatient price when the center has no residential one', async () => {
    const hospital = await create({
      name: 'County Hospital', location: north(OKLAHOMA, 200), levels_of_care: ['iop', 'hospital_inpatient'], schedules: [],
      prices: [price({ level: 'iop', amount: 300 }), price({ level: 'hospital_inpatient', amount: 1500, price_type: 'billed_charge' })],
    });
    const res = await compare({ center: hospital.id, payer: 'medicare', inpatient_days: 10 });
    expect(res.body.options.inpatient).toMatchObject({ level: 'hospital_inpatient', rate: 1500, allowed_total: 15000, patient_pays: 1736 });
    expect(res.body.options.inpatient.assumptions[0]).toMatch(/no residential price; its hospital inpatient price is used/);
    const residential = await compare({ center: hospital.id, payer: 'medicare', inpatient_level: 'residential' });
    expect(residential.body.options.inpatient).toMatchObject({ level: 'residential', estimated: false, price_source: { kind: 'national_reference' } });
  });
});

describe('regional median', () => {
  const at = (miles: number) => north(DENVER, miles);
  const iop = (amount: number, extra: Partial<Price> = {}) => [price({ level: 'iop', amount, ...extra })];
  let noResidential: { id: string };

  beforeAll(async () => {
    await create({ location: at(1), prices: iop(200, { as_of: '2025-09-15' }) });
    await create({ location: at(3), prices: iop(250, { price_type: 'billed_charge' }) });
    await create({ location: at(10), prices: iop(400, { as_of: '2026-03-01' }) });
    await create({ location: at(60), prices: iop(1000) }); // outside 25 miles
    await create({ location: at(2), status: 'closed', prices: iop(50) });
    await create({ location: at(2), status: 'temporarily_closed', prices: iop(60) });
    await create({ location: at(4), prices: iop(900, { unit: 'week' }) }); // another unit: not pooled with per-day prices
    await create({
      location: at(-20), levels_of_care: ['residential'], schedules: [],
      prices: [price({ level: 'residential', amount: 700, includes_room_and_board: true })],
    });
    // 30 miles south: outside the 25 miles around the ZIP, 10 miles from the residential center.
    noResidential = await create({ name: 'Mile High IOP', location: at(-30), levels_of_care: ['iop'], prices: iop(300) });
  });

  it('takes the median of per-day prices of active centers within the radius, and says how many, how far and how old', async () => {
    const res = await compare({ near: '80202', payer: 'self_pay' });
    expect(res.status).toBe(200);
    const { iop: i, inpatient } = res.body.options;
    // 200, 250, 400 → 250; the closed, the far and the weekly prices are left out.
    expect(i).toMatchObject({ rate: 250, unit: 'day', units: 24, allowed_total: 6000 });
    expect(i.price_source).toMatchObject({ kind: 'regional_median', centers_count: 3, radius_miles: 25, as_of: '2025-09-15', age_days: daysSince('2025-09-15') });
    expect(i.price_source.description).toMatch(/^Median of 3 per-day prices \(cash prices and billed charges mixed\) published by 3 active centers within 25 miles \(the farthest 10 miles away\), dated 2025-09-15 to 2026-06-01; 1 price in other units left out\.$/);
    expect(inpatient).toMatchObject({ level: 'residential', rate: 700, price_source: { kind: 'regional_median', centers_count: 1 } });
    expect(res.body.basis).toMatchObject({
      kind: 'regional_median', near: { zip: '80202', lat: DENVER.lat, lng: DENVER.lng }, radius_miles: 25, centers_count: 4, farthest_miles: 20,
      prices_as_of: { oldest: '2025-09-15', newest: '2026-06-01', oldest_age_days: daysSince('2025-09-15') },
    });
    matchesOpenApi(res.body, 'CostComparison');
  });

  it('follows the radius: 2 miles holds one center, 100 miles the far ones too', async () => {
    const near = `${DENVER.lat},${DENVER.lng}`;
    const small = await compare({ near, radius: 2, payer: 'self_pay' });
    expect(small.body.options.iop).toMatchObject({ rate: 200, price_source: { centers_count: 1, radius_miles: 2 } });
    expect(small.body.options.inpatient.price_source.kind).toBe('national_reference');
    expect(small.body.basis).toMatchObject({ kind: 'regional_median', centers_count: 1, near: { lat: DENVER.lat, lng: DENVER.lng } });
    const wide = await compare({ near, radius: 100, payer: 'self_pay' });
    // 200, 250, 300, 400, 1000 → 300
    expect(wide.body.options.iop).toMatchObject({ rate: 300, price_source: { centers_count: 5, radius_miles: 100 } });
  });

  it('fills a level a center does not price from the median around it, stated in price_source and assumptions', async () => {
    const res = await compare({ center: noResidential.id, payer: 'self_pay' });
    expect(res.status).toBe(200);
    const { iop: i, inpatient } = res.body.options;
    expect(i).toMatchObject({ rate: 300, price_source: { kind: 'center' } });
    expect(inpatient).toMatchObject({ rate: 700, price_source: { kind: 'regional_median', centers_count: 1, radius_miles: 25 } });
    expect(inpatient.price_source.description).toMatch(/^Mile High IOP does not offer and publishes no residential .* price\. Median of 1 per-day price/);
    expect(inpatient.assumptions[0]).toMatch(/: used the median of 1 price from 1 center within 25 miles instead\.$/);
    expect(res.body.basis.description).toMatch(/for inpatient care, which it does not price, see price_source/);
  });

  it('finds centers across the antimeridian', async () => {
    await create({ location: { lat: 52, lng: -179.95 }, timezone: 'America/Adak', prices: iop(180) });
    const res = await compare({ near: '52,179.95', payer: 'self_pay' });
    expect(res.body.options.iop).toMatchObject({ rate: 180, price_source: { kind: 'regional_median', centers_count: 1 } });
  });
});

describe('national reference', () => {
  it('is used when no center nearby publishes a price', async () => {
    const res = await compare({ near: `${NEVADA.lat},${NEVADA.lng}`, payer: 'private' });
    expect(res.status).toBe(200);
    expect(res.body.basis).toMatchObject({ kind: 'national_reference', centers_count: 0, radius_miles: 25, prices_as_of: null, farthest_miles: null });
    expect(res.body.options.iop).toMatchObject({ rate: 170, unit: 'day', price_source: { kind: 'national_reference', as_of: null } });
    expect(res.body.options.iop.price_source.description).toMatch(/NC Medicaid/);
    expect(res.body.options.inpatient.price_source.description).toMatch(/Beetham/);
    matchesOpenApi(res.body, 'CostComparison');
  });

  it('is used without center or near; hospital care has no national figure and is not estimated', async () => {
    const res = await compare({ payer: 'medicaid' });
    expect(res.body.basis.kind).toBe('national_reference');
    expect(res.body.options.iop).toMatchObject({ estimated: true, patient_pays: 0 });
    const hospital = await compare({ payer: 'medicare', inpatient_level: 'hospital_inpatient' });
    expect(hospital.body.options.inpatient).toMatchObject({ level: 'hospital_inpatient', estimated: false, price_source: null });
    expect(hospital.body.options.inpatient.assumptions[0]).toMatch(/no national reference price for hospital inpatient care/);
  });
});

describe('invalid input', () => {
  const ID = '00000000-0000-4000-8000-000000000000';
  it.each([
    [{ payer: 'private', coinsurance: 1.5 }, 'coinsurance', /between 0 and 1/],
    [{ payer: 'private', coinsurance: -0.1 }, 'coinsurance', /between 0 and 1/],
    [{ payer: 'private', deductible: -1 }, 'deductible', /negative/],
    [{ payer: 'private', oop_max: 'lots' }, 'oop_max', /number/],
    [{ payer: 'private', copay_per_day: '' }, 'copay_per_day', /number/],
    [{ payer: 'private', iop_weeks: 0 }, 'iop_weeks', /at least 1/],
    [{ payer: 'private', iop_days_per_week: 0 }, 'iop_days_per_week', /at least 1/],
    [{ payer: 'private', iop_days_per_week: 8 }, 'iop_days_per_week', /at most 7/],
    [{ payer: 'private', inpatient_days: 0 }, 'inpatient_days', /at least 1/],
    [{ payer: 'private', inpatient_days: 2.5 }, 'inpatient_days', /whole number/],
    [{}, 'payer', /required/],
    [{ payer: 'cash' }, 'payer', /must be one of/],
    [{ payer: 'private', near: '99999' }, 'near', /not in the US ZIP database/],
    [{ payer: 'private', near: 'somewhere' }, 'near', /ZIP code or "lat,lng"/],
    [{ payer: 'private', near: '10027', radius: 501 }, 'radius', /at most 500/],
    [{ payer: 'private', radius: 10 }, 'radius', /needs `near`/],
    [{ payer: 'private', center: ID, near: '10027' }, 'near', /either/],
    [{ payer: 'private', center: 'abc' }, 'center', /UUID/],
    [{ payer: 'private', fallback: false }, 'fallback', /only with `center`/],
    [{ payer: 'private', oon_allowed_ratio: 0.5 }, 'oon_allowed_ratio', /out of network/],
    [{ payer: 'self_pay', in_network: false }, 'in_network', /only for payer=private/],
    [{ payer: 'private', inpatient_level: 'detox' }, 'inpatient_level', /residential, hospital_inpatient/],
    [{ payer: 'private', path: 'iop_then_residential' }, 'path', /residential_then_iop/],
    [{ payer: 'private', zip: '10027' }, 'zip', /unknown query parameter/],
  ])('%j → 400 naming %s', async (query, path, message) => {
    const res = await compare(query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) }]));
  });

  it('an unknown center is a 404 naming it', async () => {
    const res = await compare({ payer: 'private', center: ID });
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain(ID);
    expect(res.body.errors).toEqual([{ path: 'center', message: `no center with id ${ID}` }]);
  });
});

describe('OpenAPI', () => {
  it('documents every parameter with its unit and the response schema', () => {
    const doc = t.openapi as { paths: Record<string, { get: { parameters: { name: string; description?: string; schema: { type?: string } }[] } }> };
    const params = doc.paths['/v1/cost-comparison'].get.parameters;
    for (const p of params) expect(p.description).toBeTruthy();
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.deductible.description).toMatch(/USD/);
    expect(byName.coinsurance.description).toMatch(/fraction 0–1/);
    expect(byName.iop_weeks.description).toMatch(/weeks/);
    expect(byName.radius.description).toMatch(/miles/);
    expect(byName.iop_weeks.schema.type).toBe('integer');
  });
});

describe('regional median speed over 25,000 centers', () => {
  let big: TestApp;
  beforeAll(async () => {
    big = await startTestApp();
    // Spread over the contiguous US, with a dense metro (2%) around Denver; about 60% publish prices.
    await big.deps.db.$executeRaw`
      INSERT INTO centers (id, name, address_line1, city, state, postal_code, lat, lng, timezone, levels_of_care, status, updated_at)
      SELECT gen_random_uuid(), 'Bulk ' || g, '1 Main St', 'Town', 'CO', '80202',
             CASE WHEN g % 50 = 0 THEN ${DENVER.lat}::float8 + (random() - 0.5) * 0.7 ELSE 25 + random() * 24 END,
             CASE WHEN g % 50 = 0 THEN ${DENVER.lng}::float8 + (random() - 0.5) * 0.9 ELSE -124 + random() * 57 END,
             'America/Denver', ARRAY['iop', 'residential'],
             (CASE WHEN g % 20 = 0 THEN 'closed' ELSE 'active' END)::"CenterStatus", now()
      FROM generate_series(1, 25000) g`;
    await big.deps.db.$executeRaw`
      INSERT INTO center_prices (id, center_id, position, level, amount, unit, price_type, source, as_of)
      SELECT gen_random_uuid(), id, 0, CASE WHEN random() < 0.6 THEN 'iop' ELSE 'residential' END,
             round((150 + random() * 600)::numeric, 2), CASE WHEN random() < 0.85 THEN 'day' ELSE 'week' END, 'cash', 'bulk', DATE '2026-01-01'
      FROM centers WHERE random() < 0.6`;
    await big.deps.db.$executeRaw`ANALYZE centers`;
    await big.deps.db.$executeRaw`VACUUM ANALYZE center_prices`;
  }, 120_000);
  afterAll(async () => { await big.close(); });

  // Its speed is measured by `npm run bench`; here: the answer, and that it uses the location index.
  it('answers in one query, from the prices\' own location index, over 25,000 centers', async () => {
    const r = await findRegionalPrices(big.deps.pool, DENVER, 25, 'residential');
    expect(r.iop?.centers_count).toBeGreaterThan(30);
    const q = regionalPricesQuery(DENVER, 25, 'residential');
    const plan = await big.deps.pool.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN ${q.text}`, values: q.values });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('Index Only Scan using center_prices_regional_idx');
    const far = await findRegionalPrices(big.deps.pool, { lat: 60, lng: -150 }, 25, 'residential');
    expect(far).toMatchObject({ iop: null, inpatient: null, centers_count: 0 });
  });
});
