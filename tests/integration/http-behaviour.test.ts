import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ env: { JSON_BODY_LIMIT: '2kb' } }); });
afterAll(async () => { await t.close(); });

const isProblem = (res: { headers: Record<string, string>; body: Record<string, unknown> }, status: number) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|SELECT |prisma/i);
};

describe('errors are problem+json', () => {
  it('malformed JSON → 400', async () => {
    const res = await t.request.post('/v1/centers').set(admin).set('Content-Type', 'application/json').send('{"name": ');
    expect(res.status).toBe(400);
    isProblem(res, 400);
    expect(res.body.detail).toMatch(/not valid JSON/);
  });

  it('payload too large → 413', async () => {
    const res = await t.request.post('/v1/centers').set(admin).send(buildCenter({ description: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    isProblem(res, 413);
  });

  it('unknown route → 404, wrong method → 405 with Allow', async () => {
    const missing = await t.request.get('/v1/nope');
    expect(missing.status).toBe(404);
    isProblem(missing, 404);
    const wrong = await t.request.put('/v1/centers').set(admin).send({});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toContain('GET');
    expect(wrong.headers.allow).toContain('POST');
    isProblem(wrong, 405);
  });

  it('a non-uuid id is a 400 naming the parameter, an unknown one a 404', async () => {
    const bad = await t.request.get('/v1/centers/123');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'id', message: expect.stringMatching(/UUID/) }]);
    const unknown = await t.request.get('/v1/centers/6f1c1b8e-1111-4b5b-9c3a-000000000000');
    expect(unknown.status).toBe(404);
  });

  it('a duplicate source + source_id → 409, nothing half-written', async () => {
    const first = await t.request.post('/v1/centers').set(admin).send(buildCenter({ source: 'acme', source_id: 'dup-1' }));
    expect(first.status).toBe(201);
    const before = await t.deps.db.center.count();
    const second = await t.request.post('/v1/centers').set(admin).send(buildCenter({ source: 'acme', source_id: 'dup-1' }));
    expect(second.status).toBe(409);
    isProblem(second, 409);
    expect(await t.deps.db.center.count()).toBe(before);
    expect(await t.deps.db.centerSchedule.count({ where: { center: { sourceId: 'dup-1' } } })).toBe(1);
  });
});

describe('validation names every field', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['unknown level code', { levels_of_care: ['iop', 'spa'] }, 'levels_of_care.1', /Invalid option/],
    ['empty levels', { levels_of_care: [] }, 'levels_of_care', /at least one/],
    ['duplicate code', { modalities: ['cbt', 'cbt'] }, 'modalities', /twice/],
    ['unknown insurer', { insurers: ['acme_health'] }, 'insurers.0', /Invalid option/],
    ['bad ZIP', { address: { line1: '1 A St', city: 'X', state: 'NY', postal_code: '1002' } }, 'address.postal_code', /ZIP/],
    ['ZIP not in the database', { address: { line1: '1 A St', city: 'X', state: 'NY', postal_code: '00000' } }, 'address.postal_code', /not in the US ZIP database/],
    ['bad state', { address: { line1: '1 A St', city: 'X', state: 'ZZ', postal_code: '10027' } }, 'address.state', /Invalid option/],
    ['latitude out of range', { location: { lat: 91, lng: 0 } }, 'location.lat', /<=90|90/],
    ['bad time zone', { timezone: 'Mars/Olympus' }, 'timezone', /IANA/],
    ['bad time', { schedules: [{ level: 'iop', days: ['mon'], start: '6pm', end: '21:00' }] }, 'schedules.0.start', /HH:MM/],
    ['end before start', { schedules: [{ level: 'iop', days: ['mon'], start: '21:00', end: '18:00' }] }, 'schedules.0.end', /later than start/],
    ['schedule for a level not offered', { schedules: [{ level: 'php', days: ['mon'], start: '09:00', end: '15:00' }] }, 'schedules.0.level', /not one of the center/],
    ['bad day', { schedules: [{ level: 'iop', days: ['funday'], start: '09:00', end: '12:00' }] }, 'schedules.0.days.0', /Invalid option/],
    ['negative price', { prices: [{ level: 'iop', amount: -5, unit: 'day', price_type: 'cash', source: 'x', as_of: '2026-01-01' }] }, 'prices.0.amount', /0/],
    ['bad price unit', { prices: [{ level: 'iop', amount: 5, unit: 'month', price_type: 'cash', source: 'x', as_of: '2026-01-01' }] }, 'prices.0.unit', /Invalid option/],
    ['bad as_of', { prices: [{ level: 'iop', amount: 5, unit: 'day', price_type: 'cash', source: 'x', as_of: 'yesterday' }] }, 'prices.0.as_of', /date/i],
    ['bad website', { website: 'javascript:alert(1)' }, 'website', /URL/i],
    ['bad email', { email: 'nobody' }, 'email', /email/i],
    ['unknown field', { rating: 5 }, 'rating', /unknown field/],
    ['source without source_id', { source: 'acme' }, 'source_id', /go together/],
    ['wrong type', { telehealth: 'yes' }, 'telehealth', /boolean/],
  ];
  it.each(cases)('%s → 400 naming %s', async (_label, override, path, message) => {
    const before = await t.deps.db.center.count();
    const res = await t.request.post('/v1/centers').set(admin).send(buildCenter(override as never));
    expect(res.status).toBe(400);
    isProblem(res, 400);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) }]));
    expect(await t.deps.db.center.count()).toBe(before);
  });

  it('a missing required field is named', async () => {
    const { name: _n, ...noName } = buildCenter();
    const res = await t.request.post('/v1/centers').set(admin).send(noName);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'name', message: expect.any(String) }]);
  });
});

describe('access', () => {
  it('reads need no key and allow any origin', async () => {
    const res = await t.request.get('/v1/taxonomy').set('Origin', 'https://partner.example');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.levels_of_care).toContainEqual({ code: 'iop', label: 'Intensive outpatient', asam: '2.1', samhsa_codes: ['OIT'] });
    expect(res.body.payers.map((p: { code: string }) => p.code)).toContain('sliding_scale');
  });

  it('writes: 401 without a key, 401 with an unknown key, 403 with a partner key, 201 with an admin key', async () => {
    const noKey = await t.request.post('/v1/centers').send(buildCenter());
    expect(noKey.status).toBe(401);
    isProblem(noKey, 401);
    const badKey = await t.request.post('/v1/centers').set('Authorization', 'Bearer nope').send(buildCenter());
    expect(badKey.status).toBe(401);

    const created = await t.request.post('/v1/api-keys').set(admin).send({ name: 'Riverside 211 site', role: 'partner' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^tdk_partner_/);
    const stored = await t.deps.db.apiKey.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.stringify(stored)).not.toContain(created.body.key);

    const partner = { Authorization: `Bearer ${created.body.key}` };
    const forbidden = await t.request.post('/v1/centers').set(partner).send(buildCenter());
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detail).toMatch(/admin role/);
    expect((await t.request.get('/v1/taxonomy').set(partner)).status).toBe(200);

    const newAdmin = await t.request.post('/v1/api-keys').set(admin).send({ name: 'ops', role: 'admin' });
    const ok = await t.request.post('/v1/centers').set({ Authorization: `Bearer ${newAdmin.body.key}` }).send(buildCenter());
    expect(ok.status).toBe(201);
  });

  it('api-key creation validates the role', async () => {
    const res = await t.request.post('/v1/api-keys').set(admin).send({ name: 'x', role: 'root' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('role');
  });
});

describe('documentation', () => {
  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await t.request.get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/centers', '/v1/centers/{id}', '/v1/taxonomy', '/v1/api-keys', '/ready']));
    const ui = await t.request.get('/docs/').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('health and readiness', async () => {
    expect((await t.request.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await t.request.get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: { ok: true }, search: { ok: true, index_current: true } });
  });
});

describe('rate limits', () => {
  let limited: TestApp;
  beforeAll(async () => { limited = await startTestApp({ env: { RATE_LIMIT_ANONYMOUS: '3', RATE_LIMIT_PARTNER: '5' } }); });
  afterAll(async () => { await limited.close(); });

  it('anonymous callers get 429 with Retry-After and RateLimit headers after the limit; a key has its own budget', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await limited.request.get('/v1/taxonomy');
      expect(ok.status).toBe(200);
      expect(ok.headers['ratelimit-limit']).toBe('3');
      expect(ok.headers['ratelimit-remaining']).toBe(String(2 - i));
    }
    const blocked = await limited.request.get('/v1/taxonomy');
    expect(blocked.status).toBe(429);
    isProblem(blocked, 429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['ratelimit-reset']).toBeDefined();

    const key = await limited.request.post('/v1/api-keys').set(admin).send({ name: 'p', role: 'partner' });
    const keyed = await limited.request.get('/v1/taxonomy').set('Authorization', `Bearer ${key.body.key}`);
    expect(keyed.status).toBe(200);
    expect(keyed.headers['ratelimit-limit']).toBe('5');
  });
});
