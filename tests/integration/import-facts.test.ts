/**
 * Every treatment fact imports in every format (CSV, NDJSON, JSON array, FindTreatment rows);
 * imported availability is reported_by import; an identical re-import changes nothing and
 * keeps report times; a file without availability keeps what centers reported.
 */
import type { CenterInputRaw } from '../../src/centers/center-schema';
import { centerToCsvRow } from '../../src/imports/csv-columns';
import { writeCsv } from '../../src/imports/csv-text';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const FACTS = {
  levels_of_care: ['iop', 'outpatient', 'residential'],
  conditions: ['alcohol', 'opioids', 'trauma_ptsd'], accessibility: ['wheelchair', 'childcare'],
  intake: { phone: '(212) 555-0177', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00' }, { days: ['sat'], start: '10:00', end: '24:00' }], walk_in: true, same_day_assessment: false, referral_required: true, note: 'Court referrals welcome' },
  availability: [{ level: 'iop', status: 'open', open_slots: 4 }, { level: 'residential', status: 'waitlist', waitlist_days: 12, next_intake_date: '2026-12-20' }, { level: 'outpatient', status: 'full' }],
} as unknown as Partial<CenterInputRaw>;
const importBody = (body: string, type: string, query: Record<string, string> = {}) =>
  t.request.post('/v1/imports').query(query).set(admin).set('Content-Type', type).send(body);
const stored = async (source: string) => {
  const c = await t.deps.db.center.findFirstOrThrow({ where: { source } });
  return (await t.request.get(`/v1/centers/${c.id}`)).body;
};
const expectFacts = (center: Record<string, unknown>) => {
  expect(center).toMatchObject({ conditions: FACTS.conditions, accessibility: FACTS.accessibility, intake: FACTS.intake });
  expect(center.availability).toEqual((FACTS.availability as object[]).map((a) => ({
    open_slots: null, waitlist_days: null, next_intake_date: null, ...a, reported_by: 'import', updated_at: expect.any(String), stale: false, age_hours: expect.any(Number),
  })));
};

it.each([
  ['CSV', 'text/csv', (c: CenterInputRaw) => writeCsv([centerToCsvRow(c)])],
  ['NDJSON', 'application/x-ndjson', (c: CenterInputRaw) => `${JSON.stringify(c)}\n`],
  ['JSON array', 'application/json', (c: CenterInputRaw) => JSON.stringify([c])],
])('imports every new field from %s, and the same file again changes nothing', async (name, type, encode) => {
  const source = `facts_${name.replace(/\W/g, '').toLowerCase()}`;
  const center = buildCenter({ ...FACTS, source, source_id: '1' });
  const first = await importBody(encode(center), type);
  expect(first.body.counts).toMatchObject({ created: 1, failed: 0 });
  const before = await stored(source);
  expectFacts(before);
  const again = await importBody(encode(center), type);
  expect(again.body.counts).toMatchObject({ unchanged: 1 });
  expect((await stored(source)).availability.map((a: { updated_at: string }) => a.updated_at)).toEqual(before.availability.map((a: { updated_at: string }) => a.updated_at));
});

it('CSV: the availability and intake cells name bad entries by column', async () => {
  const row = centerToCsvRow(buildCenter({ ...FACTS, source: 'facts_bad', source_id: '1' }));
  row.availability = 'iop:open:slots=many; detox:open';
  row.intake_hours = 'mon-fri@8-17';
  const res = await importBody(writeCsv([row]), 'text/csv');
  expect(res.body.failures).toEqual(expect.arrayContaining([
    expect.objectContaining({ field: 'availability', message: expect.stringMatching(/^entry 1 .*slots: must be a number/) }),
    expect.objectContaining({ field: 'intake_hours', message: expect.stringMatching(/time must be HH:MM/) }),
  ]));
});

it('a file without availability keeps what the center reported; one with it replaces it as reported_by import', async () => {
  const center = buildCenter({ source: 'facts_keep', source_id: '1' });
  await importBody(JSON.stringify([center]), 'application/json');
  const { id } = await stored('facts_keep');
  await t.request.put(`/v1/centers/${id}/availability`).set(admin).send({ availability: [{ level: 'iop', status: 'open', open_slots: 1 }] });
  await importBody(JSON.stringify([{ ...center, telehealth: true }]), 'application/json');
  expect((await stored('facts_keep')).availability[0]).toMatchObject({ status: 'open', reported_by: 'admin' });
  await importBody(JSON.stringify([{ ...center, telehealth: true, availability: [{ level: 'iop', status: 'full' }] }]), 'application/json');
  expect((await stored('facts_keep')).availability).toEqual([expect.objectContaining({ status: 'full', reported_by: 'import' })]);
});

it('format=findtreatment maps substance-specific detox to conditions and sign language to access', async () => {
  const row = {
    frid: 'facts-ft-1', name1: 'Crosswalk Detox', street1: '1 Main St', city: 'Troy', state: 'NY', zip: '12180', latitude: '42.73', longitude: '-73.69',
    services: [
      { f1: 'Type of Care', f2: 'DT ODTX ADTX', f3: 'Detoxification; Opioid Detoxification; Alcohol Detoxification' },
      { f1: 'Language Services', f2: 'AH', f3: 'ASL or other assistance for hearing impaired' },
    ],
  };
  const res = await importBody(JSON.stringify([row]), 'application/json', { format: 'findtreatment' });
  expect(res.body.counts).toMatchObject({ created: 1, failed: 0 });
  expect(await stored('findtreatment')).toMatchObject({ conditions: ['alcohol', 'opioids'], accessibility: ['sign_language'], levels_of_care: ['detox'] });
});
