/**
 * Search on the treatment facts, as a hotline caller would ask: words for substances, openings
 * that appear once reported, intake lines staffed now, walk-ins.
 */
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
const ids: Record<string, string> = {};
// Intake hours on days that are neither yesterday, today nor tomorrow (UTC), so never open in New York now.
const SUN_FIRST = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const around = [-1, 0, 1].map((k) => SUN_FIRST[(new Date().getUTCDay() + k + 7) % 7]) as string[];
const notToday = SUN_FIRST.filter((d) => !around.includes(d));

beforeAll(async () => {
  t = await startTestApp();
  const make = async (key: string, fields: object) => {
    const res = await t.request.post('/v1/centers').set(admin).send(buildCenter({ name: `Facts ${key} Place`, description: 'A program.', modalities: [], medications: [], ...fields } as never));
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
  };
  await make('Alpha', { conditions: ['opioids'], intake: { hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }], walk_in: true } });
  await make('Bravo', { conditions: ['stimulants'], intake: { hours: [{ days: notToday, start: '09:00', end: '10:00' }], walk_in: false } });
  await make('Charlie', { conditions: ['benzodiazepines', 'alcohol'] });
  await make('Delta', { conditions: ['trauma_ptsd', 'eating_disorders'], accessibility: ['wheelchair'] });
  await t.indexed();
});
afterAll(async () => { await t.close(); });

const names = async (query: Record<string, string>) =>
  (await t.request.get('/v1/centers').query({ per_page: 100, ...query })).body.data.map((c: { name: string }) => c.name).sort();

it.each([
  ['fentanyl', 'Facts Alpha Place'], ['heroin', 'Facts Alpha Place'], ['oxy', 'Facts Alpha Place'], ['pills', 'Facts Alpha Place'],
  ['meth', 'Facts Bravo Place'], ['crystal', 'Facts Bravo Place'], ['cocaine', 'Facts Bravo Place'], ['crack', 'Facts Bravo Place'],
  ['xanax', 'Facts Charlie Place'], ['benzos', 'Facts Charlie Place'], ['drinking', 'Facts Charlie Place'],
  ['PTSD', 'Facts Delta Place'], ['eating disorder', 'Facts Delta Place'],
])('q=%s finds the center that treats it', async (q, name) => {
  expect(await names({ q })).toEqual([name]);
});

it('condition and accessibility filter in their three forms', async () => {
  expect(await names({ condition: 'opioids,alcohol' })).toEqual(['Facts Alpha Place', 'Facts Charlie Place']);
  expect(await names({ condition_all: 'benzodiazepines,alcohol' })).toEqual(['Facts Charlie Place']);
  expect(await names({ condition_not: 'opioids', accessibility: 'wheelchair' })).toEqual(['Facts Delta Place']);
  expect(await names({ accessibility_not: 'wheelchair', condition: 'stimulants' })).toEqual(['Facts Bravo Place']);
});

it('hits say whether intake is staffed now, only when hours are listed; intake_open_now and walk_in filter', async () => {
  const res = await t.request.get('/v1/centers').query({ per_page: 100 });
  const byName = Object.fromEntries(res.body.data.map((c: { name: string }) => [c.name, c]));
  expect(byName['Facts Alpha Place'].intake_open_now).toBe(true);
  expect(byName['Facts Bravo Place'].intake_open_now).toBe(false);
  expect(byName['Facts Charlie Place']).not.toHaveProperty('intake_open_now');
  expect(await names({ intake_open_now: 'true' })).toEqual(['Facts Alpha Place']);
  expect(await names({ walk_in: 'true' })).toEqual(['Facts Alpha Place']);
  expect(await names({ walk_in: 'false' })).toEqual(['Facts Bravo Place']);
});

it('a reported opening reaches has_openings through the outbox, and leaves it when full', async () => {
  expect(await names({ has_openings: 'true' })).toEqual([]);
  await t.request.put(`/v1/centers/${ids.Charlie}/availability`).set(admin).send({ availability: [{ level: 'iop', status: 'open', open_slots: 2 }] });
  await t.indexed();
  expect(await names({ has_openings: 'true' })).toEqual(['Facts Charlie Place']);
  expect(await names({ has_openings: 'true', level: 'outpatient' })).toEqual([]);
  const facets = (await t.request.get('/v1/centers').query({ level: 'iop' })).body.meta.facets.availability;
  expect(facets).toEqual({ open: 1, unknown: 3 });
  await t.request.put(`/v1/centers/${ids.Charlie}/availability`).set(admin).send({ availability: [{ level: 'iop', status: 'full' }] });
  await t.indexed();
  expect(await names({ has_openings: 'true' })).toEqual([]);
  expect((await t.request.get('/v1/centers').query({ level: 'iop' })).body.meta.facets.availability).toEqual({ full: 1, unknown: 3 });
});

it.each([
  [{ has_openings: 'false' }, 'has_openings'], [{ intake_open_now: 'maybe' }, 'intake_open_now'],
  [{ condition: 'fentanyl' }, 'condition'], [{ accessibility_all: 'ramp' }, 'accessibility_all'], [{ walk_in: 'yes' }, 'walk_in'],
])('rejects %j with a 400 naming %s', async (query, path) => {
  const res = await t.request.get('/v1/centers').query(query);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].path).toBe(path);
});

it('an opening that turns stale leaves the availability facet within seconds, with no write', async () => {
  await t.request.put(`/v1/centers/${ids.Delta}/availability`).set(admin).send({ availability: [{ level: 'iop', status: 'open', open_slots: 1 }] });
  // Reported 72 hours less 3 seconds ago: report times are server-set, so moved back in the
  // database and queued for indexing as any change is.
  await t.deps.db.centerAvailability.updateMany({ where: { centerId: ids.Delta }, data: { updatedAt: new Date(Date.now() - 72 * 3_600_000 + 3000) } });
  await t.deps.db.searchOutbox.create({ data: { centerId: ids.Delta, op: 'upsert' } });
  await t.indexed();
  const availability = async () => (await t.request.get('/v1/centers').query({ level: 'iop' })).body.meta.facets.availability;
  expect(await availability()).toMatchObject({ open: 1 });
  const deadline = Date.now() + 15_000;
  while ((await availability()).open && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(await availability()).toEqual({ full: 1, unknown: 3 });
  expect(await names({ has_openings: 'true' })).toEqual([]);
});
