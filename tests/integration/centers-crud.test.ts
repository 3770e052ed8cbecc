import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

describe('center CRUD', () => {
  it('creates a center, geocodes it from the ZIP, derives the time zone and returns ETag + Location', async () => {
    const res = await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Harlem Evening IOP' }));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/centers/${res.body.id}`);
    expect(res.headers.etag).toMatch(/^".+"$/);
    expect(res.body.location.lat).toBeCloseTo(40.81, 1);
    expect(res.body.location.lng).toBeCloseTo(-73.95, 1);
    expect(res.body.timezone).toBe('America/New_York');
    expect(res.body.status).toBe('active');
    expect(res.body.prices[0]).toMatchObject({ level: 'iop', amount: 250, unit: 'day', as_of: '2026-06-01' });

    const got = await t.request.get(`/v1/centers/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    expect(got.headers.etag).toBe(res.headers.etag);
  });

  it('keeps an explicit location and time zone', async () => {
    const res = await t.request.post('/v1/centers').set(admin)
      .send(buildCenter({ location: { lat: 40.7, lng: -74.0 }, timezone: 'America/Chicago' }));
    expect(res.status).toBe(201);
    expect(res.body.location).toEqual({ lat: 40.7, lng: -74.0 });
    expect(res.body.timezone).toBe('America/Chicago');
  });

  it('patches some fields, bumps the ETag, and refuses a stale If-Match with 412', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    const etag1 = created.headers.etag;
    const patched = await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).set('If-Match', etag1)
      .send({ accepting_new_patients: false, payers: ['self_pay'], insurers: [] });
    expect(patched.status).toBe(200);
    expect(patched.body.accepting_new_patients).toBe(false);
    expect(patched.body.payers).toEqual(['self_pay']);
    expect(patched.body.name).toBe(created.body.name);
    expect(patched.headers.etag).not.toBe(etag1);

    const stale = await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).set('If-Match', etag1).send({ telehealth: true });
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    const after = await t.request.get(`/v1/centers/${created.body.id}`);
    expect(after.body.telehealth).toBe(false);

    const staleDelete = await t.request.delete(`/v1/centers/${created.body.id}`).set(admin).set('If-Match', etag1);
    expect(staleDelete.status).toBe(412);
  });

  it('re-geocodes when the ZIP changes without a new location', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    const moved = await t.request.patch(`/v1/centers/${created.body.id}`).set(admin)
      .send({ address: { line1: '1 Main St', city: 'Chicago', state: 'IL', postal_code: '60614' } });
    expect(moved.status).toBe(200);
    expect(moved.body.location.lat).toBeCloseTo(41.92, 1);
    expect(moved.body.timezone).toBe('America/Chicago'); // derived from the new location, as it was from the old one
  });

  it('validates the merged result of a PATCH (a schedule for a level the center does not offer)', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    const res = await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).send({ levels_of_care: ['outpatient'] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'schedules.0.level' })]));
    const unchanged = await t.request.get(`/v1/centers/${created.body.id}`);
    expect(unchanged.body.levels_of_care).toEqual(['iop', 'outpatient']);
  });

  it('deletes with a matching If-Match, then 404s', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    const del = await t.request.delete(`/v1/centers/${created.body.id}`).set(admin).set('If-Match', created.headers.etag);
    expect(del.status).toBe(204);
    const gone = await t.request.get(`/v1/centers/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('makes writes searchable and removes deleted centers from search', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Zephyrine Wellness House' }));
    await t.indexed();
    const found = await t.request.get('/v1/centers').query({ q: 'Zephyrine' });
    expect(found.status).toBe(200);
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect(found.body.meta.total).toBe(1);

    await t.request.delete(`/v1/centers/${created.body.id}`).set(admin);
    await t.indexed();
    const after = await t.request.get('/v1/centers').query({ q: 'Zephyrine' });
    expect(after.body.meta.total).toBe(0);
  });
});
