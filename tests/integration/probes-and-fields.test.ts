import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

describe('probes ignore Authorization', () => {
  it('/health and /ready answer 200 with an unknown or malformed key', async () => {
    for (const header of ['Bearer stale-key-that-was-revoked-long-ago', 'Basic abc']) {
      expect((await t.request.get('/health').set('Authorization', header)).status).toBe(200);
      expect((await t.request.get('/ready').set('Authorization', header)).status).toBe(200);
    }
    // everything else still refuses the key
    expect((await t.request.get('/v1/centers').set('Authorization', 'Bearer stale-key-that-was-revoked-long-ago')).status).toBe(401);
  });
});

describe('verified_at', () => {
  it('takes a plain date, stored as midnight UTC', async () => {
    const res = await t.request.post('/v1/centers').set(admin).send(buildCenter({ verified_at: '2026-10-01' }));
    expect(res.status).toBe(201);
    expect(res.body.verified_at).toBe('2026-10-01T00:00:00.000Z');
    const patched = await t.request.patch(`/v1/centers/${res.body.id}`).set(admin).send({ verified_at: '2026-10-02T12:00:00Z' });
    expect(patched.body.verified_at).toBe('2026-10-02T12:00:00.000Z');
  });

  it('still refuses a date that is not one', async () => {
    const res = await t.request.post('/v1/centers').set(admin).send(buildCenter({ verified_at: '2026-13-01' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'verified_at' })]);
  });
});

describe('time zone after a move', () => {
  const chicago = { line1: '1 Main St', city: 'Chicago', state: 'IL', postal_code: '60614' } as const;

  it('a derived time zone follows the new ZIP', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    expect(created.body.timezone).toBe('America/New_York');
    const moved = await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).send({ address: chicago });
    expect(moved.status).toBe(200);
    expect(moved.body.timezone).toBe('America/Chicago');
  });

  it('a time zone the admin gave stays', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter({ timezone: 'America/New_York' }));
    const moved = await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).send({ address: chicago });
    expect(moved.body.timezone).toBe('America/New_York');
  });

  it('a derived zone that the admin then sets stays set', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).send({ timezone: 'America/Denver' });
    const moved = await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).send({ address: chicago });
    expect(moved.body.timezone).toBe('America/Denver');
  });
});
