import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let partner: Record<string, string>;
let staff: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_REPORTS_PER_HOUR: '3' } });
  const keyOf = async (role: string) => {
    const res = await t.request.post('/v1/api-keys').set(admin).send({ name: `${role} key`, role });
    expect(res.status).toBe(201);
    return { Authorization: `Bearer ${res.body.key}` };
  };
  partner = await keyOf('partner');
  staff = await keyOf('staff');
});
afterAll(async () => { await t.close(); });

async function createCenter(overrides = {}) {
  const res = await t.request.post('/v1/centers').set(admin).send(buildCenter(overrides));
  expect(res.status).toBe(201);
  return { id: res.body.id as string, etag: res.headers.etag as string };
}

// Each anonymous request comes from its own address so the hourly report limit (3 here) only
// bites in the test about it. The app trusts X-Forwarded-For from loopback (TRUST_PROXY).
let ip = 0;
const fromNewIp = () => ({ 'X-Forwarded-For': `198.51.100.${++ip}` });
const report = (centerId: string, body: object, headers: Record<string, string> = fromNewIp()) =>
  t.request.post(`/v1/centers/${centerId}/reports`).set(headers).send(body);

describe('reporting a wrong listing', () => {
  it('needs no key, stores the reason and cleaned details and nothing about the sender', async () => {
    const { id } = await createCenter();
    const res = await report(id, { reason: 'wrong_phone', details: '  Number\u0007 is  disconnected\r\nsince May\u202E  ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String), center_id: id, reason: 'wrong_phone', details: 'Number is  disconnected\nsince May',
      status: 'open', created_at: expect.any(String),
    });
    const row = await t.deps.db.listingReport.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ centerId: id, reason: 'wrong_phone', status: 'open', resolution: null, resolvedAt: null, resolvedBy: null });
    expect(Object.keys(row).sort()).toEqual(['centerId', 'createdAt', 'details', 'id', 'reason', 'resolution', 'resolvedAt', 'resolvedBy', 'status']);
  });

  it('publishes the reasons', async () => {
    const res = await t.request.get('/v1/report-reasons');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.arrayContaining([{ code: 'permanently_closed', label: expect.any(String) }, { code: 'other', label: expect.any(String) }]));
    const spec = t.openapi as unknown as { components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> } };
    expect(spec.components.schemas.ListingReportInput.properties.reason.enum).toEqual(res.body.map((r: { code: string }) => r.code));
  });

  it('rejects an unknown reason, too-long details and unknown fields with a 400 naming the field', async () => {
    const { id } = await createCenter();
    const bad = await report(id, { reason: 'rude_staff' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([{ path: 'reason', message: expect.stringContaining('wrong_phone') }]);

    const long = await report(id, { reason: 'other', details: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([{ path: 'details', message: expect.stringContaining('1000') }]);

    const extra = await report(id, { reason: 'other', email: 'me@example.org' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([{ path: 'email', message: 'unknown field' }]);
    expect(await t.deps.db.listingReport.count({ where: { centerId: id } })).toBe(0);
  });

  it('answers 404 for an unknown center and 400 for an id that is not one', async () => {
    expect((await report('00000000-0000-4000-8000-000000000000', { reason: 'other' })).status).toBe(404);
    expect((await report('nope', { reason: 'other' })).status).toBe(400);
  });

  it('limits anonymous reports per IP per hour with 429 and Retry-After; keys are not limited', async () => {
    const { id } = await createCenter();
    const sameIp = { 'X-Forwarded-For': '203.0.113.7' };
    for (let i = 0; i < 3; i++) expect((await report(id, { reason: 'other' }, sameIp)).status).toBe(201);
    const limited = await report(id, { reason: 'other' }, sameIp);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-limit']).toBe('3');
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await report(id, { reason: 'other' }, { 'X-Forwarded-For': '203.0.113.8' })).status).toBe(201);
    expect((await report(id, { reason: 'other' }, { ...sameIp, ...partner })).status).toBe(201);
  });
});

describe('the admin queue', () => {
  it('needs an admin key: 401 without one, 403 with a partner or staff key', async () => {
    expect((await t.request.get('/v1/reports')).status).toBe(401);
    expect((await t.request.get('/v1/reports').set(partner)).status).toBe(403);
    expect((await t.request.get('/v1/reports').set(staff)).status).toBe(403);
    const r = await report((await createCenter()).id, { reason: 'other' });
    expect((await t.request.post(`/v1/reports/${r.body.id}/resolve`).send({})).status).toBe(401);
    expect((await t.request.post(`/v1/reports/${r.body.id}/dismiss`).set(partner).send({})).status).toBe(403);
  });

  it('lists open reports oldest first, filters by status and center, pages', async () => {
    const { id } = await createCenter({ name: 'Queue Test Center' });
    const ids: string[] = [];
    for (const reason of ['wrong_hours', 'wrong_insurance', 'permanently_closed']) ids.push((await report(id, { reason })).body.id);

    const page1 = await t.request.get(`/v1/reports?status=open&center_id=${id}&per_page=2`).set(admin);
    expect(page1.status).toBe(200);
    expect(page1.body.data.map((r: { id: string }) => r.id)).toEqual(ids.slice(0, 2));
    expect(page1.body.data[0]).toMatchObject({ center_id: id, center_name: 'Queue Test Center', reason: 'wrong_hours', status: 'open', resolution: null, resolved_at: null, resolved_by: null });
    expect(page1.body.meta).toEqual({ total: 3, page: 1, per_page: 2, total_pages: 2 });
    expect(page1.body.links.next).toContain('page=2');
    expect(page1.body.links.prev).toBeNull();

    const page2 = await t.request.get(`/v1/reports?status=open&center_id=${id}&per_page=2&page=2`).set(admin);
    expect(page2.body.data.map((r: { id: string }) => r.id)).toEqual([ids[2]]);

    await t.request.post(`/v1/reports/${ids[0]}/dismiss`).set(admin).send({});
    const all = await t.request.get(`/v1/reports?center_id=${id}`).set(admin);
    expect(all.body.data.map((r: { status: string }) => r.status)).toEqual(['open', 'open', 'dismissed']);
    const dismissed = await t.request.get(`/v1/reports?status=dismissed&center_id=${id}`).set(admin);
    expect(dismissed.body.data.map((r: { id: string }) => r.id)).toEqual([ids[0]]);

    expect((await t.request.get('/v1/reports?status=closed').set(admin)).body.errors[0].path).toBe('status');
    expect((await t.request.get('/v1/reports?sort=new').set(admin)).body.errors[0]).toEqual({ path: 'sort', message: 'unknown query parameter' });
  });

  it('resolves and dismisses once (409 after), each recorded in the center history', async () => {
    const { id } = await createCenter();
    const a = (await report(id, { reason: 'wrong_phone' })).body.id;
    const b = (await report(id, { reason: 'other', details: 'spam' })).body.id;

    const resolved = await t.request.post(`/v1/reports/${a}/resolve`).set(admin).send({ resolution: 'Phone corrected after calling the center' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: a, status: 'resolved', resolution: 'Phone corrected after calling the center', resolved_by: 'bootstrap admin (ADMIN_API_KEY)' });
    expect(Date.parse(resolved.body.resolved_at)).not.toBeNaN();

    const dismissed = await t.request.post(`/v1/reports/${b}/dismiss`).set(admin);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', resolution: null });

    const again = await t.request.post(`/v1/reports/${a}/dismiss`).set(admin).send({});
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already resolved/);
    expect((await t.request.post('/v1/reports/00000000-0000-4000-8000-000000000000/resolve').set(admin).send({})).status).toBe(404);

    const history = await t.request.get(`/v1/centers/${id}/history`).set(admin);
    const [dismissEntry, resolveEntry] = history.body.data;
    expect(dismissEntry).toMatchObject({
      action: 'report_dismissed', actor: { name: 'bootstrap admin (ADMIN_API_KEY)', key_id: null }, changed: ['status'],
      before: { report_id: b, reason: 'other', status: 'open' }, after: { report_id: b, reason: 'other', status: 'dismissed', resolution: null },
    });
    expect(resolveEntry).toMatchObject({ action: 'report_resolved', changed: ['status', 'resolution'], after: { status: 'resolved' } });
  });
});

describe('verification and history', () => {
  it('verify sets verified_at as a versioned update, honours If-Match and shows in history', async () => {
    const { id, etag } = await createCenter();
    const before = Date.now();
    const res = await t.request.post(`/v1/centers/${id}/verify`).set(admin).set('If-Match', etag);
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.verified_at)).toBeGreaterThanOrEqual(before - 5);
    expect(res.headers.etag).not.toBe(etag);
    expect((await t.request.get(`/v1/centers/${id}`)).body.verified_at).toBe(res.body.verified_at);

    expect((await t.request.post(`/v1/centers/${id}/verify`).set(admin).set('If-Match', etag)).status).toBe(412);
    expect((await t.request.post(`/v1/centers/${id}/verify`).set(partner)).status).toBe(403);
    expect((await t.request.post('/v1/centers/00000000-0000-4000-8000-000000000000/verify').set(admin)).status).toBe(404);

    const history = await t.request.get(`/v1/centers/${id}/history`).set(staff);
    expect(history.status).toBe(200);
    expect(history.body.data[0]).toMatchObject({
      action: 'verify', changed: ['verified_at'], before: { verified_at: null }, after: { verified_at: res.body.verified_at },
    });

    await t.indexed();
    const search = await t.request.get('/v1/centers?verified_within_days=1&per_page=100');
    expect(search.body.data.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('staff verify after a call, with a note that lands in the history; a partner key may not', async () => {
    const { id } = await createCenter();
    const res = await t.request.post(`/v1/centers/${id}/verify`).set(staff).send({ note: 'Spoke to intake: evening IOP still runs Mon/Wed/Fri' });
    expect(res.status).toBe(200);
    expect(res.body.verified_at).not.toBeNull();
    const history = await t.request.get(`/v1/centers/${id}/history`).set(staff);
    expect(history.body.data[0]).toMatchObject({ action: 'verify', note: 'Spoke to intake: evening IOP still runs Mon/Wed/Fri' });
    const tooLong = await t.request.post(`/v1/centers/${id}/verify`).set(staff).send({ note: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('note');
    expect((await t.request.post(`/v1/centers/${id}/verify`).set(partner).send({ note: 'x' })).status).toBe(403);
  });

  it('shows a PATCH with before, after and the changed fields, newest first, paged', async () => {
    const { id } = await createCenter({ phone: '(212) 555-0100', accepting_new_patients: true });
    const patched = await t.request.patch(`/v1/centers/${id}`).set(admin).send({ phone: '(212) 555-0199', accepting_new_patients: false });
    expect(patched.status).toBe(200);

    const res = await t.request.get(`/v1/centers/${id}/history?per_page=1`).set(staff);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ total: 2, page: 1, per_page: 1, total_pages: 2 });
    const [entry] = res.body.data;
    expect(entry).toEqual({
      id: expect.stringMatching(/^\d+$/), action: 'update', actor: { name: 'bootstrap admin (ADMIN_API_KEY)', key_id: null },
      changed: expect.arrayContaining(['phone', 'accepting_new_patients']),
      before: expect.objectContaining({ phone: '(212) 555-0100', accepting_new_patients: true }),
      after: expect.objectContaining({ phone: '(212) 555-0199', accepting_new_patients: false }),
      note: null, at: expect.any(String),
    });
    expect(entry.changed).toHaveLength(2);
    const older = await t.request.get(`/v1/centers/${id}/history?per_page=1&page=2`).set(staff);
    expect(older.body.data[0]).toMatchObject({ action: 'create', before: null, changed: expect.arrayContaining(['name']) });
    expect(Number(older.body.data[0].id)).toBeLessThan(Number(entry.id));
  });

  it('stays readable after the center is deleted; an id that never existed is a 404', async () => {
    const { id } = await createCenter();
    expect((await t.request.delete(`/v1/centers/${id}`).set(admin)).status).toBe(204);
    const res = await t.request.get(`/v1/centers/${id}/history`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
    expect(res.body.data[0]).toMatchObject({ after: null, before: expect.objectContaining({ id }) });
    expect((await t.request.get('/v1/centers/00000000-0000-4000-8000-000000000000/history').set(admin)).status).toBe(404);
  });

  it('needs a staff or admin key', async () => {
    const { id } = await createCenter();
    expect((await t.request.get(`/v1/centers/${id}/history`)).status).toBe(401);
    expect((await t.request.get(`/v1/centers/${id}/history`).set(partner)).status).toBe(403);
  });
});
