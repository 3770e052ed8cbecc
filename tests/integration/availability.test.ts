/**
 * Treatment facts on a listing: conditions, access and intake round-trip with field-named
 * errors; availability is reported through PUT by staff, admins or the center's own key,
 * audited, kept out of the ETag, marked stale after AVAILABILITY_STALE_HOURS.
 */
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
async function key(role: string, centerId?: string) {
  const res = await t.request.post('/v1/api-keys').set(admin).send({ name: `${role} key`, role, ...(centerId ? { center_id: centerId } : {}) });
  expect(res.status).toBe(201);
  return bearer(res.body.key);
}
const INTAKE = {
  phone: '(212) 555-0199', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00' }],
  walk_in: true, same_day_assessment: true, referral_required: false, note: 'Bring an ID if you have one',
};

it('stores conditions, accessibility, intake and availability, and shows freshness', async () => {
  const res = await t.request.post('/v1/centers').set(admin).send(buildCenter({
    conditions: ["opioids", "alcohol"], accessibility: ["wheelchair"], intake: INTAKE as never,
    availability: [{ level: 'iop', status: 'open', open_slots: 3 }, { level: 'outpatient', status: 'waitlist', waitlist_days: 10, next_intake_date: '2026-12-14' }],
  }));
  expect(res.status).toBe(201);
  expect(res.body.conditions).toEqual(['opioids', 'alcohol']);
  expect(res.body.accessibility).toEqual(['wheelchair']);
  expect(res.body.intake).toEqual(INTAKE);
  expect(res.body.availability).toEqual([
    { level: 'iop', status: 'open', open_slots: 3, waitlist_days: null, next_intake_date: null, updated_at: expect.any(String), reported_by: 'admin', stale: false, age_hours: 0 },
    { level: 'outpatient', status: 'waitlist', open_slots: null, waitlist_days: 10, next_intake_date: '2026-12-14', updated_at: expect.any(String), reported_by: 'admin', stale: false, age_hours: 0 },
  ]);
  const got = await t.request.get(`/v1/centers/${res.body.id}`);
  expect(got.body.intake).toEqual(INTAKE);
});

it.each([
  [{ conditions: ['fentanyl'] }, 'conditions.0'],
  [{ accessibility: ['elevator'] }, 'accessibility.0'],
  [{ availability: [{ level: 'residential', status: 'open' }] }, 'availability.0.level'],
  [{ availability: [{ level: 'iop', status: 'open' }, { level: 'iop', status: 'full' }] }, 'availability.1.level'],
  [{ availability: [{ level: 'iop', status: 'full', open_slots: 2 }] }, 'availability.0.open_slots'],
  [{ availability: [{ level: 'iop', status: 'open', updated_at: '2026-01-01T00:00:00Z' }] }, 'availability.0.updated_at'],
  [{ intake: { hours: [{ days: ['mon'], start: '18:00', end: '09:00' }] } }, 'intake.hours.0.end'],
  [{ intake: { phone: 'call us' } }, 'intake.phone'],
])('rejects %j with a 400 naming %s', async (fields, path) => {
  const res = await t.request.post('/v1/centers').set(admin).send(buildCenter(fields as never));
  expect(res.status).toBe(400);
  expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
});

describe('PUT /v1/centers/{id}/availability', () => {
  let id: string; let other: string; let etag: string;
  beforeAll(async () => {
    const a = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    const b = await t.request.post('/v1/centers').set(admin).send(buildCenter());
    id = a.body.id; other = b.body.id; etag = a.headers.etag;
  });

  it('a center key reports its own center: stamped, audited, ETag unchanged, PATCH with the old ETag still works', async () => {
    const own = await key('center', id);
    const res = await t.request.put(`/v1/centers/${id}/availability`).set(own).send({ availability: [{ level: 'iop', status: 'open', open_slots: 2 }] });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(etag);
    expect(res.body).toEqual({ center_id: id, availability: [expect.objectContaining({ level: 'iop', status: 'open', open_slots: 2, reported_by: 'center', stale: false })] });
    const history = await t.request.get(`/v1/centers/${id}/history`).set(admin);
    expect(history.body.data[0]).toMatchObject({ action: 'availability', changed: ['availability'] });
    const patched = await t.request.patch(`/v1/centers/${id}`).set(admin).set('If-Match', etag).send({ telehealth: true });
    expect(patched.status).toBe(200);
    expect(patched.body.availability).toEqual(res.body.availability);
  });

  it('confines a center key to its center: 403 for another center and for every other write', async () => {
    const own = await key('center', id);
    const body = { availability: [{ level: 'iop', status: 'full' }] };
    expect((await t.request.put(`/v1/centers/${other}/availability`).set(own).send(body)).status).toBe(403);
    expect((await t.request.patch(`/v1/centers/${id}`).set(own).send({ telehealth: false })).status).toBe(403);
    expect((await t.request.delete(`/v1/centers/${id}`).set(own)).status).toBe(403);
    expect((await t.request.post('/v1/centers').set(own).send(buildCenter())).status).toBe(403);
    expect((await t.request.post('/v1/api-keys').set(own).send({ name: 'x', role: 'admin' })).status).toBe(403);
    expect((await t.request.get(`/v1/centers/${id}/history`).set(own)).status).toBe(403);
    expect((await t.request.get('/v1/service-gaps').set(own)).status).toBe(403);
    const after = await t.request.get(`/v1/centers/${other}`);
    expect(after.body.availability).toEqual([]);
  });

  it('lets staff report any center, refuses partners (403) and anonymous callers (401)', async () => {
    const body = { availability: [{ level: 'outpatient', status: 'waitlist', waitlist_days: 4 }] };
    const staff = await t.request.put(`/v1/centers/${other}/availability`).set(await key('staff')).send(body);
    expect(staff.status).toBe(200);
    expect(staff.body.availability[0].reported_by).toBe('staff');
    expect((await t.request.put(`/v1/centers/${other}/availability`).set(await key('partner')).send(body)).status).toBe(403);
    expect((await t.request.put(`/v1/centers/${other}/availability`).send(body)).status).toBe(401);
  });

  it('names the field of a bad report and 404s an unknown center', async () => {
    const res = await t.request.put(`/v1/centers/${id}/availability`).set(admin).send({ availability: [{ level: 'detox', status: 'open' }] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('availability.0.level');
    const missing = await t.request.put(`/v1/centers/${id}/availability`).set(admin).send({});
    expect(missing.body.errors[0].path).toBe('availability');
    const unknown = await t.request.put('/v1/centers/00000000-0000-4000-8000-000000000000/availability').set(admin).send({ availability: [] });
    expect(unknown.status).toBe(404);
  });

  it('a center key needs a real center_id', async () => {
    const none = await t.request.post('/v1/api-keys').set(admin).send({ name: 'x', role: 'center' });
    expect(none.body.errors[0].path).toBe('center_id');
    const ghost = await t.request.post('/v1/api-keys').set(admin).send({ name: 'x', role: 'center', center_id: '00000000-0000-4000-8000-000000000000' });
    expect(ghost.status).toBe(400);
  });

  it('a PATCH that drops a level drops its availability; one without availability keeps it', async () => {
    const c = await t.request.post('/v1/centers').set(admin).send(buildCenter({ availability: [{ level: 'iop', status: 'open', open_slots: 1 }, { level: 'outpatient', status: 'full' }] }));
    const kept = await t.request.patch(`/v1/centers/${c.body.id}`).set(admin).send({ telehealth: true });
    expect(kept.body.availability).toEqual(c.body.availability);
    const dropped = await t.request.patch(`/v1/centers/${c.body.id}`).set(admin).send({ levels_of_care: ['outpatient'], schedules: [], prices: [] });
    expect(dropped.status).toBe(200);
    expect(dropped.body.availability.map((a: { level: string }) => a.level)).toEqual(['outpatient']);
  });

  it('marks an entry older than AVAILABILITY_STALE_HOURS as stale, with its age', async () => {
    await t.request.put(`/v1/centers/${id}/availability`).set(admin).send({ availability: [{ level: 'iop', status: 'open', open_slots: 1 }] });
    await t.deps.db.centerAvailability.updateMany({ where: { centerId: id }, data: { updatedAt: new Date(Date.now() - 80 * 3_600_000) } });
    const res = await t.request.get(`/v1/centers/${id}`);
    expect(res.body.availability[0]).toMatchObject({ stale: true, age_hours: 80 });
  });
});
