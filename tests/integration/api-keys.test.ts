import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const createKey = async (name: string, role = 'partner') => {
  const res = await t.request.post('/v1/api-keys').set(admin).send({ name, role });
  expect(res.status).toBe(201);
  return res.body as { id: string; key: string; prefix: string };
};
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('API keys', () => {
  it('are listed without their secret, newest first', async () => {
    const a = await createKey('list a');
    const b = await createKey('list b', 'staff');
    const res = await t.request.get('/v1/api-keys').set(admin);
    expect(res.status).toBe(200);
    expect(res.body.data.slice(0, 2).map((k: { id: string }) => k.id)).toEqual([b.id, a.id]);
    expect(res.body.data[0]).toEqual({
      id: b.id, name: 'list b', role: 'staff', prefix: b.prefix, created_at: expect.any(String),
      created_by: expect.any(String), last_used_at: null, revoked_at: null,
    });
    expect(JSON.stringify(res.body)).not.toContain(b.key);
    expect(res.body.meta).toMatchObject({ page: 1, per_page: 20 });
  });

  it('need an admin key to list or revoke', async () => {
    const partner = await createKey('partner lister');
    expect((await t.request.get('/v1/api-keys')).status).toBe(401);
    expect((await t.request.get('/v1/api-keys').set(bearer(partner.key))).status).toBe(403);
    expect((await t.request.delete(`/v1/api-keys/${partner.id}`).set(bearer(partner.key))).status).toBe(403);
  });

  it('a revoked key stops working at once, though it was just used (cached)', async () => {
    const k = await createKey('to revoke');
    expect((await t.request.get('/v1/taxonomy').set(bearer(k.key))).status).toBe(200);
    const revoked = await t.request.delete(`/v1/api-keys/${k.id}`).set(admin);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    const after = await t.request.get('/v1/taxonomy').set(bearer(k.key));
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/revoked/);
    const listed = await t.request.get('/v1/api-keys').set(admin);
    expect(listed.body.data.map((x: { id: string }) => x.id)).not.toContain(k.id);
    const all = await t.request.get('/v1/api-keys?include_revoked=true').set(admin);
    expect(all.body.data.find((x: { id: string }) => x.id === k.id).revoked_at).toBe(revoked.body.revoked_at);
    expect((await t.request.delete(`/v1/api-keys/${k.id}`).set(admin)).body.revoked_at).toBe(revoked.body.revoked_at);
  });

  it('an unknown key id is a 404, a malformed one a 400', async () => {
    expect((await t.request.delete('/v1/api-keys/6f1c1b8e-1111-4b5b-9c3a-000000000000').set(admin)).status).toBe(404);
    const bad = await t.request.delete('/v1/api-keys/nope').set(admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'id', message: expect.stringMatching(/UUID/) }]);
  });

  it('record last_used_at, written once however many requests follow', async () => {
    const k = await createKey('used');
    const before = Date.now();
    for (let i = 0; i < 5; i++) expect((await t.request.get('/v1/taxonomy').set(bearer(k.key))).status).toBe(200);
    let row = await t.deps.db.apiKey.findUniqueOrThrow({ where: { id: k.id } });
    for (let i = 0; i < 50 && !row.lastUsedAt; i++) {
      await new Promise((r) => setTimeout(r, 20));
      row = await t.deps.db.apiKey.findUniqueOrThrow({ where: { id: k.id } });
    }
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const first = row.lastUsedAt!.getTime();
    for (let i = 0; i < 3; i++) await t.request.get('/v1/taxonomy').set(bearer(k.key));
    await new Promise((r) => setTimeout(r, 100));
    row = await t.deps.db.apiKey.findUniqueOrThrow({ where: { id: k.id } });
    expect(row.lastUsedAt!.getTime()).toBe(first); // within the minute: no new write
    const listed = await t.request.get('/v1/api-keys').set(admin);
    expect(listed.body.data.find((x: { id: string }) => x.id === k.id).last_used_at).toBe(new Date(first).toISOString());
  });
});
