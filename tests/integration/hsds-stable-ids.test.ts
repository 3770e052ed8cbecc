import fs from 'node:fs';
import path from 'node:path';
import { loadSeed } from '../../seed/load-seed';
import { centerIdFor } from '../../src/centers/center-id';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

/** Every `id` anywhere in the fully nested feed: services, organizations, locations, schedules, cost options, … */
async function feedIds(): Promise<string[]> {
  const res = await t.request.get('/hsds/services?format=ndjson&full=true').buffer(true).parse((r, done) => {
    let text = ''; r.setEncoding('utf8'); r.on('data', (c: string) => { text += c; }); r.on('end', () => done(null, text));
  });
  expect(res.status).toBe(200);
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) { if (k === 'id' && typeof x === 'string') ids.add(x); else walk(x); }
  };
  for (const line of (res.body as string).trim().split('\n')) walk(JSON.parse(line));
  return [...ids].sort();
}

const wipe = () => t.deps.db.$executeRaw`DELETE FROM centers`;
const serviceIdRows = () => t.deps.db.$queryRaw<{ id: string; sal: string; center_id: string; level: string }[]>`
  SELECT id::text, service_at_location_id::text AS sal, center_id::text, level FROM hsds_service_ids ORDER BY id`;
const ndjsonOf = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('HSDS ids', () => {
  it('are the same after the database is rebuilt from the same seed', async () => {
    await loadSeed(t.deps.db);
    const before = await feedIds();
    expect(before.length).toBeGreaterThan(1000);
    const services = await serviceIdRows();
    await wipe();
    expect(await serviceIdRows()).toEqual([]); // the rows go with their centers
    await loadSeed(t.deps.db);
    expect(await feedIds()).toEqual(before);
    expect(await serviceIdRows()).toEqual(services);
  }, 120_000);

  it('are the same after a re-import, and an imported service is found by its id at once', async () => {
    await wipe();
    const records = [1, 2].map((n) => buildCenter({ source: 'county_sheet', source_id: `A-${n}`, levels_of_care: ['iop', 'php'] }));
    const load = async () => {
      const res = await t.request.post('/v1/imports').set(admin).set('Content-Type', 'application/x-ndjson').send(ndjsonOf(records));
      expect(res.body.counts).toMatchObject({ created: 2, failed: 0 });
    };
    await load();
    const ids = await feedIds();
    const rows = await serviceIdRows();
    expect(rows.map((r) => r.center_id).sort()).toEqual([centerIdFor(records[0]), centerIdFor(records[0]), centerIdFor(records[1]), centerIdFor(records[1])].sort());
    for (const row of rows) {
      expect((await t.request.get(`/hsds/services/${row.id}`)).body.id).toBe(row.id);
      expect((await t.request.get(`/hsds/service_at_locations/${row.sal}`)).body.id).toBe(row.id);
    }
    await wipe();
    await load();
    expect(await feedIds()).toEqual(ids);
  });

  it('give a new center a random id when a center that changed its source_id holds the derived one', async () => {
    const first = await t.request.post('/v1/centers').set(admin).send(buildCenter({ source: 'moved', source_id: '1' }));
    expect(first.body.id).toBe(centerIdFor({ source: 'moved', source_id: '1' }));
    expect((await t.request.patch(`/v1/centers/${first.body.id}`).set(admin).send({ source_id: '2' })).status).toBe(200);
    const second = await t.request.post('/v1/centers').set(admin).send(buildCenter({ source: 'moved', source_id: '1' }));
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    // The import's bulk insert takes the same care.
    const third = await t.request.post('/v1/centers').set(admin).send(buildCenter({ source: 'moved', source_id: '3' }));
    expect((await t.request.patch(`/v1/centers/${third.body.id}`).set(admin).send({ source_id: '4' })).status).toBe(200);
    const imported = await t.request.post('/v1/imports').set(admin).set('Content-Type', 'application/x-ndjson')
      .send(ndjsonOf([buildCenter({ source: 'moved', source_id: '3' })]));
    expect(imported.body.counts).toMatchObject({ created: 1, failed: 0 });
    const stored = await t.deps.db.center.findUniqueOrThrow({ where: { source_sourceId: { source: 'moved', sourceId: '3' } } });
    expect(stored.id).not.toBe(third.body.id);
  });

  it('are backfilled by the migration for centers stored before it, equal to those the server writes', async () => {
    await wipe();
    await loadSeed(t.deps.db);
    const written = await serviceIdRows();
    await t.deps.db.$executeRaw`DELETE FROM hsds_service_ids`;
    const sql = fs.readFileSync(path.join(__dirname, '../../prisma/migrations/20261202130000_hsds_service_ids/migration.sql'), 'utf8');
    await t.deps.db.$executeRawUnsafe(sql.slice(sql.indexOf('DO $$')));
    expect(await serviceIdRows()).toEqual(written);
    const ext = await t.deps.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pgcrypto'`;
    expect(ext[0].n).toBe(0); // installed for the backfill only
  }, 120_000);
});
