/**
 * GET /v1/centers/{id} keeps recently read centers (src/centers/center-cache.ts). What a caller
 * must never see: a center older than a change that PostgreSQL committed a moment before, from
 * this instance, another instance or a psql session; nor an old copy served while the cache's
 * own PostgreSQL connection is cut (it cannot hear changes then).
 */
import pino from 'pino';
import { Client } from 'pg';
import supertest from 'supertest';
import { createApp } from '../../src/app';
import { readCenterJson } from '../../src/centers/read-center';
import { boot } from '../../src/runtime/boot';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';
import { testServices } from '../support/test-services';

let t: TestApp;
let sql: Client;
let id: string;

beforeAll(async () => {
  t = await startTestApp({ syncIndex: false });
  sql = new Client({ connectionString: t.databaseUrl });
  await sql.connect();
  const made = await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Cache Street Clinic' }));
  expect(made.status).toBe(201);
  id = made.body.id;
  await until(() => t.deps.centerCache!.status() === 'listening', 10_000);
}, 60_000);
afterAll(async () => { await sql.end(); await t.close(); });

const read = async (request = t.request) => {
  const res = await request.get(`/v1/centers/${id}`);
  expect(res.status).toBe(200);
  return res;
};

/** Polls until `ok`, failing after `ms`; returns how long it took. */
async function until(ok: () => boolean | Promise<boolean>, ms: number): Promise<number> {
  const start = Date.now();
  while (!(await ok())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - start;
}

it('serves a kept center as PostgreSQL has it, and a change made here is read at once', async () => {
  const first = await read();
  const again = await read();
  expect(again.text).toBe(first.text);
  expect(again.headers.etag).toBe(first.headers.etag);
  expect(t.deps.centerCache!.get(id)).toBeDefined(); // kept

  const patched = await t.request.patch(`/v1/centers/${id}`).set(admin).set('If-Match', first.headers.etag).send({ name: 'Cache Street Clinic II' });
  expect(patched.status).toBe(200);
  const after = await read();
  expect(after.body.name).toBe('Cache Street Clinic II');
  expect(after.headers.etag).toBe(patched.headers.etag);
  expect((await t.request.get(`/v1/centers/${id}`).set('If-None-Match', patched.headers.etag)).status).toBe(304);
});

it('drops the kept copy when another session changes the center, its prices or its openings', async () => {
  await read();
  await sql.query('UPDATE centers SET phone = $2 WHERE id = $1', [id, '555-0101']);
  await until(async () => (await read()).body.phone === '555-0101', 2000);

  await read();
  await sql.query('UPDATE center_prices SET amount = 1234.5 WHERE center_id = $1', [id]);
  await until(async () => (await read()).body.prices.every((p: { amount: number }) => p.amount === 1234.5), 2000);

  await read();
  await sql.query("INSERT INTO center_availability (id, center_id, position, level, status, open_slots, updated_at, reported_by) VALUES (gen_random_uuid(), $1, 99, 'detox', 'open', 2, now(), 'staff')", [id]);
  await until(async () => (await read()).body.availability.some((a: { level: string }) => a.level === 'detox'), 2000);
  // Once seen, never the older copy again.
  for (let i = 0; i < 20; i++) expect((await read()).body.availability.some((a: { level: string }) => a.level === 'detox')).toBe(true);
});

it('adds freshness as of each read: a kept report turns stale on time', async () => {
  const now = Date.now();
  const { json } = await readCenterJson(t.deps.pool, t.deps.centerCache, id, now, 72);
  const detox = (JSON.parse(json).availability as { level: string; stale: boolean }[]).find((a) => a.level === 'detox')!;
  expect(detox.stale).toBe(false);
  expect(t.deps.centerCache!.get(id)).toBeDefined();
  const later = await readCenterJson(t.deps.pool, t.deps.centerCache, id, now + 73 * 3_600_000, 72);
  expect((JSON.parse(later.json).availability as { level: string; stale: boolean }[]).find((a) => a.level === 'detox')!.stale).toBe(true);
});

it('kept regional medians are dropped when any price changes', async () => {
  const rate = async () => {
    const res = await t.request.get('/v1/cost-comparison').query({ near: '10027', radius: 25, payer: 'private' });
    expect(res.status).toBe(200);
    expect(res.body.basis.kind).toBe('regional_median');
    return res.body.options.iop.rate as number;
  };
  const before = await rate();
  expect(await rate()).toBe(before); // kept
  await sql.query("UPDATE center_prices SET amount = amount + 111 WHERE level = 'iop'");
  await until(async () => (await rate()) === before + 111, 2000);
  for (let i = 0; i < 5; i++) expect(await rate()).toBe(before + 111);
});

it('a read that raced a change does not keep what it read', async () => {
  const cache = t.deps.centerCache!;
  const ticket = cache.ticket();
  const entry = cache.get(id) ?? { etag: '"x"', parts: { head: '{', tail: '', availability: [] } as never };
  cache.forget(id); // the change is heard while the read is on its way
  cache.set(id, ticket, entry);
  expect(cache.get(id)).toBeUndefined();
});

it('another instance on the same database reads a write made here within moments', async () => {
  const services = testServices();
  const other = await boot(t.deps.config, { databaseUrl: t.databaseUrl, meili: { host: services.meiliHost, apiKey: services.meiliKey } },
    { log: pino({ level: 'silent' }), poolSize: 2, syncIndex: false });
  try {
    const b = supertest(createApp(other).app);
    await until(() => other.centerCache!.status() === 'listening', 10_000);
    const before = await read(b);
    expect((await read(b)).text).toBe(before.text);
    const res = await t.request.patch(`/v1/centers/${id}`).set(admin).send({ website: 'https://example.org/cache' });
    expect(res.status).toBe(200);
    const ms = await until(async () => (await read(b)).body.website === 'https://example.org/cache', 2000);
    expect(ms).toBeLessThan(2000);
    const deleted = await t.request.delete(`/v1/centers/${id}`).set(admin);
    expect(deleted.status).toBe(204);
    await until(async () => (await b.get(`/v1/centers/${id}`)).status === 404, 2000);
  } finally {
    await other.shutdown();
  }
});

it('while its connection is cut, reads go to PostgreSQL; listening resumes on its own', async () => {
  const made = await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: 'Cut Line Center' }));
  id = made.body.id;
  await read();
  expect(t.deps.centerCache!.get(id)).toBeDefined();
  // The listening session dies (a failover, an idle-session killer): changes made meanwhile are not heard.
  const killed = await sql.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'directory-center-cache' AND datname = current_database()");
  expect(killed.rowCount).toBeGreaterThan(0);
  await sql.query('UPDATE centers SET name = $2 WHERE id = $1', [id, 'Cut Line Center (renamed)']);
  expect((await read()).body.name).toBe('Cut Line Center (renamed)');
  await until(() => t.deps.centerCache!.status() === 'listening', 10_000);
  await read();
  expect(t.deps.centerCache!.get(id)).toBeDefined();
  await sql.query('UPDATE centers SET name = $2 WHERE id = $1', [id, 'Cut Line Center (again)']);
  await until(async () => (await read()).body.name === 'Cut Line Center (again)', 2000);
});
