import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: { Authorization: string };
let partner: { Authorization: string };
const ids: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  for (const overrides of [
    { name: 'Harlem <Evening> "IOP" & Co', phone: '(212) 555-0101' },
    { name: 'Bronx Weekend Program', languages: ['en', 'es'] as ('en' | 'es')[] },
  ]) {
    const res = await t.request.post('/v1/centers').set(admin).send(buildCenter(overrides));
    ids.push(res.body.id);
  }
  staff = { Authorization: `Bearer ${(await t.request.post('/v1/api-keys').set(admin).send({ name: 'desk', role: 'staff' })).body.key}` };
  partner = { Authorization: `Bearer ${(await t.request.post('/v1/api-keys').set(admin).send({ name: 'site', role: 'partner' })).body.key}` };
});
afterAll(async () => { await t.close(); });

const make = (body: unknown, who = staff) => t.request.post('/v1/referral-lists').set(who).send(body as object);

test('staff make a sheet: an unguessable token that expires in 30 days by default', async () => {
  const res = await make({ center_ids: ids, language: 'es' });
  expect(res.status).toBe(201);
  expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(res.body.url).toBe(`/r/${res.body.token}`);
  const days = (Date.parse(res.body.expires_at) - Date.parse(res.body.created_at)) / 86_400_000;
  expect(days).toBe(30);
  const other = await make({ center_ids: ids });
  expect(other.body.token).not.toBe(res.body.token);
  expect(other.body.language).toBe('en');
});

test('the sheet stores only center ids, language and dates, and the token only as a hash', async () => {
  const res = await make({ center_ids: [ids[0]], language: 'en', expires_in_days: 7 });
  const rows = await t.deps.db.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM referral_lists');
  expect(Object.keys(rows[0]).sort()).toEqual(['center_ids', 'created_at', 'expires_at', 'language', 'token_hash']);
  expect(JSON.stringify(rows)).not.toContain(res.body.token);
});

test('anyone with the link reads it, as JSON and as a printable page with everything escaped', async () => {
  const { body: made } = await make({ center_ids: [ids[1], ids[0]], language: 'es' });
  const json = await t.request.get(`/v1/referral-lists/${made.token}`);
  expect(json.status).toBe(200);
  expect(json.body.language).toBe('es');
  expect(json.body.centers.map((c: { id: string }) => c.id)).toEqual([ids[1], ids[0]]);
  const harlem = json.body.centers[1];
  expect(harlem.phone).toBe('(212) 555-0101');
  expect(harlem.hours).toEqual(['Programa intensivo ambulatorio lun/mié/vie 18:00–21:00, en persona']);
  expect(harlem.map_url).toMatch(/^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=/);
  expect(harlem.ask_for[0]).toBe('Pida el programa: Programa intensivo ambulatorio.');

  const page = await t.request.get(`/r/${made.token}`);
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toMatch(/text\/html/);
  expect(page.headers['cache-control']).toBe('private, no-store');
  expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; style-src 'sha256-/);
  expect(page.text).toContain('<html lang="es">');
  expect(page.text).toContain('Harlem &lt;Evening&gt; &quot;IOP&quot; &amp; Co');
  expect(page.text).not.toContain('<Evening>');
  expect(page.text).toContain('href="tel:2125550101"');
});

test('an expired or unknown sheet says so: 410 / 404, as JSON and as a page', async () => {
  const { body: made } = await make({ center_ids: [ids[0]], expires_in_days: 1 });
  await t.deps.db.referralList.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
  const json = await t.request.get(`/v1/referral-lists/${made.token}`);
  expect(json.status).toBe(410);
  expect(json.headers['content-type']).toMatch(/application\/problem\+json/);
  const page = await t.request.get(`/r/${made.token}`);
  expect(page.status).toBe(410);
  expect(page.text).toContain('This link has expired');
  expect(page.text).toContain('Este enlace ha vencido');
  const unknown = await t.request.get(`/r/${'A'.repeat(32)}`);
  expect(unknown.status).toBe(404);
  expect((await t.request.get('/v1/referral-lists/short')).status).toBe(400);
});

test('making a sheet needs a staff or admin key; bad input is a 400 naming the field', async () => {
  expect((await t.request.post('/v1/referral-lists').send({ center_ids: ids })).status).toBe(401);
  expect((await make({ center_ids: ids }, partner)).status).toBe(403);
  expect((await make({ center_ids: ids }, admin)).status).toBe(201);
  const cases: [unknown, string][] = [
    [{ center_ids: [] }, 'center_ids'],
    [{ center_ids: ['nope'] }, 'center_ids.0'],
    [{ center_ids: [ids[0], ids[0]] }, 'center_ids'],
    [{ center_ids: ids, language: 'fr' }, 'language'],
    [{ center_ids: ids, expires_in_days: 91 }, 'expires_in_days'],
    [{ center_ids: ids, caller_name: 'Ana' }, 'caller_name'],
    [{ center_ids: ['00000000-0000-4000-8000-000000000000'] }, 'center_ids.0'],
  ];
  for (const [body, path] of cases) {
    const res = await make(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  }
});

test('GET /v1/me names the key\'s role; GET /v1/places turns a city into a point', async () => {
  expect((await t.request.get('/v1/me')).body).toEqual({ role: 'anonymous', name: 'anonymous' });
  expect((await t.request.get('/v1/me').set(staff)).body).toEqual({ role: 'staff', name: 'desk' });
  const place = await t.request.get('/v1/places').query({ city: 'New York', state: 'ny' });
  expect(place.status).toBe(200);
  expect(place.body.lat).toBeCloseTo(40.76, 1);
  expect(place.body.lng).toBeCloseTo(-73.98, 1);
  const none = await t.request.get('/v1/places').query({ city: 'Atlantis', state: 'NY' });
  expect(none.status).toBe(404);
  expect((await t.request.get('/v1/places').query({ city: 'X', state: 'ZZ' })).status).toBe(400);
});
