import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CenterInputRaw } from '../../src/centers/center-schema';
import { centerToCsvRow } from '../../src/imports/csv-columns';
import { writeCsv } from '../../src/imports/csv-text';
import sample from '../../seed/fixtures/findtreatment-sample.json';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const keyed = (source: string, n: number, overrides: Partial<CenterInputRaw> = {}) =>
  buildCenter({ source, source_id: `${source}-${n}`, ...overrides });
const csvOf = (centers: CenterInputRaw[]) => writeCsv(centers.map(centerToCsvRow));
const ndjsonOf = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const importBody = (body: string, type: string, query: Record<string, string> = {}) =>
  t.request.post('/v1/imports').query(query).set(admin).set('Content-Type', type).send(body);
const countWhere = (source: string) => t.deps.db.center.count({ where: { source } });

describe('POST /v1/imports', () => {
  it('imports CSV, reports a second identical import as unchanged, and one changed row as updated', async () => {
    const centers = [1, 2, 3].map((n) => keyed('csv_a', n));
    const first = await importBody(csvOf(centers), 'text/csv');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      dry_run: false, mode: 'valid_rows', committed: true,
      counts: { received: 3, created: 3, updated: 0, unchanged: 0, failed: 0 }, failures: [], warnings: [],
    });
    expect(first.body.took_ms).toEqual(expect.any(Number));
    expect(await countWhere('csv_a')).toBe(3);
    // What insertCenter would have written: children, an outbox row and an audit entry per center.
    const stored = await t.deps.db.center.findMany({ where: { source: 'csv_a' }, include: { schedules: true, prices: true } });
    expect(stored.every((c) => c.schedules.length === 1 && c.prices.length === 1 && c.timezone === 'America/New_York')).toBe(true);
    expect(await t.deps.db.auditEntry.count({ where: { centerId: { in: stored.map((c) => c.id) }, action: 'import' } })).toBe(3);

    const again = await importBody(csvOf(centers), 'text/csv');
    expect(again.body.counts).toEqual({ received: 3, created: 0, updated: 0, unchanged: 3, failed: 0 });

    centers[1] = { ...centers[1], accepting_new_patients: false, payers: ['self_pay'] };
    const changed = await importBody(csvOf(centers), 'text/csv');
    expect(changed.body.counts).toEqual({ received: 3, created: 0, updated: 1, unchanged: 2, failed: 0 });
    const updated = await t.deps.db.center.findUniqueOrThrow({ where: { source_sourceId: { source: 'csv_a', sourceId: 'csv_a-2' } } });
    expect(updated).toMatchObject({ acceptingNewPatients: false, payers: ['self_pay'], version: 2 });
  });

  it('stores a new center as POST /v1/centers would, with the same audit entry', async () => {
    const input = keyed('same', 1, { email: 'intake@example.org', verified_at: '2026-05-01T14:30:00Z' });
    const posted = await t.request.post('/v1/centers').set(admin).send({ ...input, source: 'posted' });
    await importBody(ndjsonOf([input]), 'application/x-ndjson');
    const row = await t.deps.db.center.findUniqueOrThrow({ where: { source_sourceId: { source: 'same', sourceId: 'same-1' } } });
    const imported = await t.request.get(`/v1/centers/${row.id}`);
    const content = ({ id: _i, created_at: _c, updated_at: _u, source: _s, ...rest }: Record<string, unknown>) => rest;
    expect(content(imported.body)).toEqual(content(posted.body));

    const audit = (centerId: string) => t.deps.db.auditEntry.findFirstOrThrow({ where: { centerId } });
    const [importAudit, postAudit] = [await audit(row.id), await audit(posted.body.id)];
    expect(importAudit).toMatchObject({ action: 'import', actorName: postAudit.actorName, changed: postAudit.changed, after: imported.body });
    expect(await t.deps.db.searchOutbox.count({ where: { centerId: row.id } })).toBeLessThanOrEqual(1); // drained or pending
  });

  it('imports NDJSON and a JSON array', async () => {
    const ndjson = await importBody(ndjsonOf([keyed('nd', 1), keyed('nd', 2)]), 'application/x-ndjson');
    expect(ndjson.status).toBe(200);
    expect(ndjson.body.counts).toMatchObject({ received: 2, created: 2, failed: 0 });

    const array = await t.request.post('/v1/imports').set(admin).send([keyed('arr', 1), keyed('arr', 2), keyed('arr', 3)]);
    expect(array.status).toBe(200);
    expect(array.body.counts).toMatchObject({ received: 3, created: 3, failed: 0 });
    expect(await countWhere('arr')).toBe(3);
  });

  it('dry_run validates and predicts, but writes nothing', async () => {
    await importBody(ndjsonOf([keyed('dry', 1)]), 'application/x-ndjson');
    const before = await t.deps.db.center.count();
    const outboxBefore = await t.deps.db.auditEntry.count();
    const res = await importBody(ndjsonOf([keyed('dry', 1, { telehealth: true }), keyed('dry', 2), { name: 'x' }]), 'application/x-ndjson', { dry_run: 'true' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dry_run: true, committed: false, counts: { received: 3, created: 1, updated: 1, unchanged: 0, failed: 1 } });
    expect(await t.deps.db.center.count()).toBe(before);
    expect(await t.deps.db.auditEntry.count()).toBe(outboxBefore);
  });

  it('all_or_nothing writes nothing when one record fails, and answers 422 with the summary', async () => {
    const centers = [keyed('aon', 1), keyed('aon', 2, { address: { line1: '1 Main St', city: 'X', state: 'NY', postal_code: '1234' } }), keyed('aon', 3)];
    const res = await importBody(csvOf(centers), 'text/csv', { mode: 'all_or_nothing' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 422, mode: 'all_or_nothing', committed: false,
      counts: { received: 3, created: 2, failed: 1 },
      failures: [{ row: 2, line: 3, source_id: 'aon-2', field: 'postal_code', message: expect.stringContaining('5-digit') }],
    });
    expect(await countWhere('aon')).toBe(0);

    const ok = await importBody(csvOf([centers[0], centers[2]]), 'text/csv', { mode: 'all_or_nothing' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ committed: true, counts: { created: 2 } });
  });

  it('valid_rows imports the good rows and names the row, CSV column and problem of the bad ones', async () => {
    const good = [keyed('vr', 1), keyed('vr', 3)];
    const csv = csvOf([good[0], keyed('vr', 2), good[1]]).split('\n')
      .map((line) => (line.includes('vr-2') ? line.replace('iop; outpatient', 'iop; hypnosis') : line)).join('\n');
    const res = await importBody(csv, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ received: 3, created: 2, updated: 0, unchanged: 0, failed: 1 });
    expect(res.body.failures).toEqual([{ row: 2, line: 3, source_id: 'vr-2', field: 'levels_of_care', message: expect.stringMatching(/^item 2: /) }]);
    expect(await countWhere('vr')).toBe(2);
  });

  it('reports records without source + source_id, repeated keys and unreadable NDJSON lines', async () => {
    const { source: _s, source_id: _i, ...anonymous } = keyed('x', 1);
    const body = [JSON.stringify(keyed('rep', 1)), JSON.stringify(anonymous), '{not json', '', JSON.stringify(keyed('rep', 1)), JSON.stringify({ ...keyed('rep', 2), colour: 'red' })].join('\n');
    const res = await importBody(body, 'application/x-ndjson');
    expect(res.body.counts).toEqual({ received: 5, created: 1, updated: 0, unchanged: 0, failed: 4 });
    expect(res.body.failures).toEqual([
      { row: 2, line: 2, field: 'source', message: expect.stringContaining('source + source_id') },
      { row: 3, line: 3, field: '', message: expect.stringContaining('not valid JSON') },
      { row: 4, line: 5, source_id: 'rep-1', field: 'source_id', message: expect.stringContaining('repeats record 1') },
      { row: 5, line: 6, source_id: 'rep-2', field: 'colour', message: 'is not a known field' },
    ]);
  });

  it('answers 400 naming unknown CSV columns, before writing anything', async () => {
    const res = await importBody('name,zip,address_line1,city,state,postal_code,levels_of_care\nA,1,2,3,NY,10027,iop\n', 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/unknown columns: "zip" \(did you mean "postal_code"\?\)/);
  });

  it('answers 415 for other content types and 401/403 without an admin key', async () => {
    const xml = await importBody('<centers/>', 'application/xml');
    expect(xml.status).toBe(415);
    expect(xml.headers['content-type']).toMatch(/application\/problem\+json/);
    const ftCsv = await importBody('a,b\n', 'text/csv', { format: 'findtreatment' });
    expect(ftCsv.status).toBe(415);

    const anonymous = await t.request.post('/v1/imports').set('Content-Type', 'text/csv').send('name\n');
    expect(anonymous.status).toBe(401);
    const partner = await t.request.post('/v1/api-keys').set(admin).send({ name: 'partner site', role: 'partner' });
    const forbidden = await t.request.post('/v1/imports').set('Authorization', `Bearer ${partner.body.key}`).set('Content-Type', 'text/csv').send('name\n');
    expect(forbidden.status).toBe(403);
    const badQuery = await importBody('name\n', 'text/csv', { mode: 'sometimes' });
    expect(badQuery.status).toBe(400);
  });

  it('makes imported centers searchable', async () => {
    await importBody(csvOf([keyed('find', 1, { name: 'Quillfeather Recovery Commons' })]), 'text/csv');
    await t.indexed();
    const res = await t.request.get('/v1/centers').query({ q: 'Quillfeather' });
    expect(res.body.data.map((c: { name: string }) => c.name)).toEqual(['Quillfeather Recovery Commons']);
  });

  it('imports FindTreatment.gov locator rows through the crosswalk, reports unmapped codes, and re-imports as unchanged', async () => {
    const res = await importBody(ndjsonOf(sample), 'application/x-ndjson', { format: 'findtreatment' });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ received: 8, created: 8, updated: 0, unchanged: 0, failed: 0 });
    expect(res.body.warnings).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 6, message: 'service codes not in the crosswalk: ZEQT (Equine-assisted therapy), ACU (Acupuncture)' }),
      expect.objectContaining({ row: 5, message: 'zip "5301" padded to "05301" (leading zeros lost)' }),
    ]));
    const otp = await t.deps.db.center.findUniqueOrThrow({
      where: { source_sourceId: { source: 'findtreatment', sourceId: '042896dc1966b8a6214e5383aba5b8b931cfa049d17aafa37eb8a77c859b95da' } },
    });
    expect(otp).toMatchObject({ name: 'Riverbend Opioid Treatment Center', levelsOfCare: ['detox', 'outpatient', 'otp'], medications: ['buprenorphine', 'methadone', 'naltrexone'] });

    const again = await t.request.post('/v1/imports').query({ format: 'findtreatment' }).set(admin).send(sample);
    expect(again.body.counts).toEqual({ received: 8, created: 0, updated: 0, unchanged: 8, failed: 0 });
  });
});

describe('POST /v1/imports size limit', () => {
  let small: TestApp;
  beforeAll(async () => { small = await startTestApp({ env: { IMPORT_BODY_LIMIT_MB: '0.01' } }); });
  afterAll(async () => { await small.close(); });
  const bigCsv = () => csvOf(Array.from({ length: 40 }, (_, i) => keyed('big', i + 1)));

  it('answers 413 up front when Content-Length is over IMPORT_BODY_LIMIT_MB', async () => {
    const res = await small.request.post('/v1/imports').set(admin).set('Content-Type', 'text/csv').send(bigCsv());
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(/import limit is 0.01 MB.*Nothing was written/);
    expect(await small.deps.db.center.count()).toBe(0);
  });

  it('counts the bytes of a chunked upload and stops at the limit', async () => {
    const server = small.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ port, method: 'POST', path: '/v1/imports', headers: { ...admin, 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' } }, (r) => {
          let body = '';
          r.on('data', (d) => { body += d; }).on('end', () => resolve({ status: r.statusCode!, body }));
        });
        req.on('error', reject);
        for (const line of bigCsv().split('\n')) req.write(`${line}\n`);
        req.end();
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).detail).toMatch(/larger than the import limit of 0.01 MB/);
      expect(await small.deps.db.center.count()).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
