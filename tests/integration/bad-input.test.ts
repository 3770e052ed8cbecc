import type { CenterInputRaw } from '../../src/centers/center-schema';
import { centerToCsvRow } from '../../src/imports/csv-columns';
import { writeCsv } from '../../src/imports/csv-text';
import sample from '../../seed/fixtures/findtreatment-sample.json';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const NUL = '\u0000';
const expectFieldError = (res: { status: number; headers: Record<string, string>; body: { errors?: { path: string; message: string }[] } }, path: string) => {
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.errors).toContainEqual({ path, message: expect.stringMatching(/NUL|Unicode/) });
};

describe('text the database cannot store is a 400 naming the field', () => {
  it('on create, nested fields too, and nothing is written', async () => {
    const before = await t.deps.db.center.count();
    expectFieldError(await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: `Bad${NUL}Name` })), 'name');
    expectFieldError(await t.request.post('/v1/centers').set(admin).send(buildCenter({ address: { line1: `1 A${NUL}`, city: 'New York', state: 'NY', postal_code: '10027' } })), 'address.line1');
    expectFieldError(await t.request.post('/v1/centers').set(admin).send(buildCenter({ description: 'half \ud800 a pair' })), 'description');
    expect(await t.deps.db.center.count()).toBe(before);
  });

  it('on PATCH', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    expect(created.status).toBe(201);
    expectFieldError(await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).send({ description: `x${NUL}y` }), 'description');
    expectFieldError(await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).send({ languages: ['en', `e${NUL}s`] }), 'languages.1');
  });

  it('on an API key name', async () => {
    expectFieldError(await t.request.post('/v1/api-keys').set(admin).send({ name: `k${NUL}`, role: 'partner' }), 'name');
  });

  it('in query and path parameters', async () => {
    expectFieldError(await t.request.get(`/v1/centers?q=a${encodeURIComponent(NUL)}b`), 'q');
    expectFieldError(await t.request.get(`/v1/centers?level=iop&level=${encodeURIComponent(NUL)}`), 'level');
    expectFieldError(await t.request.get(`/v1/centers/${encodeURIComponent(NUL)}`), 'id');
    const hsds = await t.request.get(`/hsds/services/abc${encodeURIComponent(NUL)}`);
    expect(hsds.status).toBe(400);
  });
});

describe('an import row with NUL fails alone, and a dry run says the same as the real run', () => {
  const csvOf = (centers: CenterInputRaw[]) => writeCsv(centers.map(centerToCsvRow));
  const ndjsonOf = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  /** 3 records, the second bad; batches of 500 would have failed all three. */
  const records = (source: string) => [1, 2, 3].map((n) => buildCenter({ source, source_id: `${source}-${n}`, name: n === 2 ? `Bad${NUL}row` : `Good ${source} ${n}` }));
  const bodies: [string, string, (s: string) => string][] = [
    ['CSV', 'text/csv', (s) => csvOf(records(s))],
    ['NDJSON', 'application/x-ndjson', (s) => ndjsonOf(records(s))],
    ['JSON array', 'application/json', (s) => JSON.stringify(records(s))],
  ];

  it.each(bodies)('%s', async (_label, type, body) => {
    const source = `nul_${type.replace(/\W/g, '')}`;
    const dry = await t.request.post('/v1/imports').query({ dry_run: 'true' }).set(admin).set('Content-Type', type).send(body(source));
    const real = await t.request.post('/v1/imports').set(admin).set('Content-Type', type).send(body(source));
    for (const res of [dry, real]) {
      expect(res.status).toBe(200);
      expect(res.body.counts).toMatchObject({ received: 3, created: 2, failed: 1 });
      expect(res.body.failures).toEqual([expect.objectContaining({ row: 2, field: 'name', message: expect.stringMatching(/NUL/) })]);
    }
    expect(await t.deps.db.center.count({ where: { source } })).toBe(2);
  });

  it('FindTreatment.gov rows', async () => {
    const rows = (sample as Record<string, unknown>[]).slice(0, 3).map((r, i) => (i === 1 ? { ...r, name1: `Bad${NUL}` } : r));
    const dry = await t.request.post('/v1/imports').query({ format: 'findtreatment', dry_run: 'true' }).set(admin).send(rows);
    const real = await t.request.post('/v1/imports').query({ format: 'findtreatment' }).set(admin).send(rows);
    for (const res of [dry, real]) {
      expect(res.status).toBe(200);
      expect(res.body.counts).toMatchObject({ received: 3, failed: 1 });
      expect(res.body.failures).toEqual([expect.objectContaining({ row: 2, field: 'name', message: expect.stringMatching(/NUL/) })]);
    }
    expect(real.body.counts.created + real.body.counts.updated + real.body.counts.unchanged).toBe(2);
  });
});

describe('values the database would change', () => {
  it('a price below a cent is a 400, not stored as $0 (found by the API fuzz)', async () => {
    const center = buildCenter();
    const res = await t.request.post('/v1/centers').set(admin).send({ ...center, prices: [{ ...center.prices![0], amount: 0.001 }] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'prices.0.amount', message: expect.stringMatching(/0\.01/) }]);
  });
});

describe('a body that is not a JSON object', () => {
  it.each(['null', '[]', '"text"', '3'])('%s → 400 naming the body', async (raw) => {
    const res = await t.request.post('/v1/centers').set(admin).set('Content-Type', 'application/json').send(raw);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: 'body', message: 'must be a JSON object' }]);
  });

  it('JSON sent as text/plain is a 415, not an empty change', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    const res = await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).set('Content-Type', 'text/plain').send('{"name":"Renamed"}');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.request.get(`/v1/centers/${created.body.id}`)).body.name).toBe(created.body.name);
  });

  it('null on PATCH is not taken as an empty change', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    const res = await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).set('Content-Type', 'application/json').send('null');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'body', message: 'must be a JSON object' }]);
  });
});
