import { serviceBatches } from '../../src/hsds/hsds-feed';
import { taxonomyId, taxonomyTermId } from '../../src/hsds/hsds-taxonomy';
import { buildCenter } from '../support/build-center';
import { admin, startTestApp, type TestApp } from '../support/test-app';
import { expectHsds, expectHsdsResponse, hsdsOpenapi } from '../unit/hsds/hsds-schemas';

let t: TestApp;
const ids = { harlem: '', chicago: '', closed: '' };
let beforeUpdate: string;

interface Page { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: { id: string; [k: string]: unknown }[] }

beforeAll(async () => {
  t = await startTestApp();
  const create = async (overrides: Parameters<typeof buildCenter>[0]) => {
    const res = await t.request.post('/v1/centers').set(admin).send(buildCenter(overrides));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  ids.harlem = await create({ name: 'Harlem Evening IOP' }); // iop + outpatient, ZIP 10027
  ids.chicago = await create({
    name: 'Lincoln Park Residential', telehealth: true,
    address: { line1: '1 Clark St', city: 'Chicago', state: 'IL', postal_code: '60614' },
    levels_of_care: ['detox', 'residential', 'outpatient'], schedules: [],
    prices: [{ level: 'residential', amount: 600, unit: 'day', price_type: 'cash', source: 'center website', as_of: '2026-05-01' }],
  });
  ids.closed = await create({
    name: 'Former Methadone Clinic', status: 'closed', address: { line1: '5 Lenox Ave', city: 'New York', state: 'NY', postal_code: '10026' },
    levels_of_care: ['otp'], medications: ['methadone'], insurers: [], schedules: [], prices: [],
  });
  await new Promise((r) => setTimeout(r, 10));
  beforeUpdate = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 10));
  const patched = await t.request.patch(`/v1/centers/${ids.harlem}`).set(admin).send({ accepting_new_patients: false });
  expect(patched.status).toBe(200);
});
afterAll(async () => { await t.close(); });

const get = async (path: string) => {
  const res = await t.request.get(path);
  expect({ path, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ path, status: 200, body: 'ok' });
  return res.body;
};
const ndjson = (path: string) => t.request.get(path).buffer(true).parse((res, done) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => { text += chunk; });
  res.on('end', () => done(null, text));
});
const orgOf = (item: { organization_id?: unknown; location?: { organization_id?: unknown } }) => item.organization_id ?? item.location?.organization_id;

describe('GET /hsds', () => {
  it('names the version and profile and links the endpoints, with or without the trailing slash', async () => {
    const body = await get('/hsds');
    expectHsdsResponse('/', body);
    expect(Object.keys(await get('/hsds/'))).toEqual(Object.keys(body)); // each request has its own port
    expect(body).toMatchObject({ version: '3.0', profile: expect.stringMatching(/^https:\/\//), openapi_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/openapi\.json$/) });
    expect(body.links.services).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hsds\/services$/);
  });

  it('is in the OpenAPI document under its own tag', () => {
    const paths = t.openapi.paths as Record<string, { get?: { tags?: string[] } }>;
    for (const p of ['/hsds', '/hsds/services', '/hsds/services/{id}', '/hsds/organizations', '/hsds/organizations/{id}', '/hsds/service_at_locations',
      '/hsds/service_at_locations/{id}', '/hsds/taxonomies', '/hsds/taxonomies/{id}', '/hsds/taxonomy_terms', '/hsds/taxonomy_terms/{id}']) {
      expect(paths[p]?.get?.tags).toEqual(['HSDS 3.0']);
    }
    expect(paths['/hsds/']).toBeUndefined(); // a trailing-slash path is a lint error
  });

  it('accepts every query parameter the official openapi.json defines for each path', () => {
    const official = hsdsOpenapi().paths as Record<string, { get: { parameters?: { $ref?: string; name?: string }[] } }>;
    const ours = t.openapi.paths as Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
    for (const [path, item] of Object.entries(official)) {
      const names = (item.get.parameters ?? []).map((p) => p.name ?? p.$ref!.split('/').pop()!);
      const served = (ours[`/hsds${path === '/' ? '' : path}`]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect({ path, missing: names.filter((n) => !served.includes(n)) }).toEqual({ path, missing: [] });
    }
  });
});

describe('GET /hsds/services', () => {
  it('pages one service per (center, level) in the HSDS Page envelope; closed centers stay, as defunct', async () => {
    const p1: Page = await get('/hsds/services?per_page=4');
    expectHsdsResponse('/services', p1);
    expect(p1).toMatchObject({ total_items: 6, total_pages: 2, page_number: 1, size: 4, first_page: true, last_page: false, empty: false });
    const p2: Page = await get('/hsds/services?per_page=4&page=2');
    expectHsdsResponse('/services', p2);
    expect(p2).toMatchObject({ total_items: 6, total_pages: 2, page_number: 2, size: 2, first_page: false, last_page: true, empty: false });
    const p3: Page = await get('/hsds/services?per_page=4&page=3');
    expect(p3).toMatchObject({ total_items: 6, page_number: 3, size: 0, last_page: true, empty: true, contents: [] });

    const all = [...p1.contents, ...p2.contents];
    expect(new Set(all.map((s) => s.id)).size).toBe(6);
    for (const s of all) expectHsds('service.json', s);
    expect(all.filter((s) => s.organization_id === ids.chicago).map((s) => s.name)).toEqual([
      'Withdrawal management (detox) at Lincoln Park Residential', 'Residential (inpatient rehab) at Lincoln Park Residential', 'Outpatient at Lincoln Park Residential',
    ]);
    expect(all.find((s) => s.organization_id === ids.closed)).toMatchObject({ status: 'defunct' });
    expect(all.find((s) => s.organization_id === ids.harlem)).toMatchObject({ status: 'active', alert: 'Not accepting new patients at present.' });
  });

  it('returns fully nested services with full=true', async () => {
    const page: Page = await get(`/hsds/services?full=true&organization_id=${ids.harlem}`);
    expectHsdsResponse('/services', page);
    expect(page.total_items).toBe(2);
    for (const s of page.contents) expectHsds('service.json', s);
    expect(page.contents[0]).toMatchObject({ name: 'Intensive outpatient at Harlem Evening IOP', schedules: [expect.objectContaining({ byday: 'MO,WE,FR' })], cost_options: [expect.objectContaining({ amount: 250 })] });
  });

  it('gives only services of centers modified on or after modified_after', async () => {
    const page: Page = await get(`/hsds/services?modified_after=${encodeURIComponent(beforeUpdate)}`);
    expect(page.total_items).toBe(2);
    expect(page.contents.every((s) => s.organization_id === ids.harlem)).toBe(true);
    expect((await get('/hsds/services?modified_after=2000-01-01')).total_items).toBe(6);
    expect((await get('/hsds/services?modified_after=2999-01-01T00:00:00Z')).total_items).toBe(0);
  });

  it('filters by taxonomy term and taxonomy', async () => {
    const iop: Page = await get(`/hsds/services?taxonomy_term_id=${taxonomyTermId('levels_of_care', 'iop')}`);
    expect(iop.contents.map((s) => s.name)).toEqual(['Intensive outpatient at Harlem Evening IOP']);
    const methadone: Page = await get(`/hsds/services?taxonomy_term_id=${taxonomyTermId('medications', 'methadone')}`);
    expect(methadone.contents.map((s) => s.organization_id)).toEqual([ids.closed]);
    expect((await get(`/hsds/services?taxonomy_id=${taxonomyId('insurers')}`)).total_items).toBe(5); // the closed center lists none
  });

  it('filters by the listing-fact terms the services carry as attributes', async () => {
    const names = async (q: string) => ((await get(`/hsds/services?full=true&${q}`)) as Page).contents.map((s) => s.name as string).sort();
    const perDay = await names(`taxonomy_term_id=${taxonomyTermId('price_units', 'day')}`);
    expect(perDay).toEqual(['Intensive outpatient at Harlem Evening IOP', 'Residential (inpatient rehab) at Lincoln Park Residential']);
    expect(await names(`taxonomy_id=${taxonomyId('price_units')}`)).toEqual(perDay);
    const accepting: Page = await get(`/hsds/services?full=true&taxonomy_term_id=${taxonomyTermId('service_facts', 'accepting_new_patients')}`);
    expect(accepting.contents.map((s) => s.organization_id)).toEqual([ids.chicago, ids.chicago, ids.chicago]); // Harlem is full, the other closed
    for (const s of accepting.contents) {
      expect((s.attributes as { taxonomy_term_id: string }[]).map((a) => a.taxonomy_term_id)).toContain(taxonomyTermId('service_facts', 'accepting_new_patients'));
    }
    const telehealth: Page = await get(`/hsds/services?full=true&per_page=100&taxonomy_term_id=${taxonomyTermId('service_facts', 'telehealth')}`);
    const all: Page = await get('/hsds/services?full=true&per_page=100');
    const tagged = all.contents.filter((s) => (s.attributes as { taxonomy_term_id: string }[]).some((a) => a.taxonomy_term_id === taxonomyTermId('service_facts', 'telehealth')));
    expect(telehealth.contents.map((s) => s.id)).toEqual(tagged.map((s) => s.id));
    expect(telehealth.contents.map((s) => s.organization_id)).toEqual([ids.chicago, ids.chicago, ids.chicago]);
    expect((await get(`/hsds/services?taxonomy_term_id=${taxonomyTermId('service_facts', 'time_zone')}`)).total_items).toBe(6);
  });

  it('streams every matching service as NDJSON', async () => {
    const res = await ndjson('/hsds/services?format=ndjson');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = (res.body as string).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(6);
    for (const line of lines) expectHsds('service.json', JSON.parse(line));
    const paged: Page = await get('/hsds/services?per_page=100');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(paged.contents.map((s) => s.id));

    const full = await ndjson(`/hsds/services?format=ndjson&full=true&modified_after=${encodeURIComponent(beforeUpdate)}`);
    const changed = (full.body as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(changed).toHaveLength(2);
    for (const s of changed) { expectHsds('service.json', s); expectHsdsResponse('/services/{id}', s); }
  });

  it('reads the database in keyset batches that add up to the whole', async () => {
    const seen: string[] = [];
    let batches = 0;
    for await (const batch of serviceBatches(t.deps.db, {}, 4)) { batches++; seen.push(...batch.map((r) => `${r.center.id}:${r.level}`)); }
    expect(batches).toBe(2);
    expect(new Set(seen).size).toBe(6);
  });

  it('answers 400 naming the parameter for bad or unknown parameters', async () => {
    for (const [query, path] of [
      ['modified_after=yesterday', 'modified_after'], ['modified_after=2026-13-01', 'modified_after'], ['per_page=1000', 'per_page'],
      ['page=0', 'page'], ['format=xml', 'format'], ['full=yes', 'full'], ['taxonomy_term_id=nope', 'taxonomy_term_id'],
      ['organization_id=nope', 'organization_id'], ['postcode=10027', 'postcode'], ['sort=name', 'sort'],
      ['modified_after=0000-12-31T23:00:00Z', 'modified_after'], ['modified_after=0001-01-01T00:00:00%2B01:00', 'modified_after'],
      ['modified_after=9999-12-31T23:00:00-05:00', 'modified_after'], ['modified_after=10000-01-01', 'modified_after'],
      ['modified_after=2026-02-30', 'modified_after'], ['minimal=1', 'minimal'], ['search=a%00b', 'search'], [`search=${'x'.repeat(201)}`, 'search'],
      ['taxonomy_id=nope', 'taxonomy_id'],
    ]) {
      const res = await t.request.get(`/hsds/services?${query}`);
      expect({ query, status: res.status, type: res.headers['content-type'], paths: res.body.errors?.map((e: { path: string }) => e.path) })
        .toEqual({ query, status: 400, type: expect.stringMatching(/application\/problem\+json/), paths: [path] });
    }
  });
});

describe('GET /hsds/services: the rest of the HSDS parameters', () => {
  it('takes modified_after without a zone as UTC, and dates at the ends of the range', async () => {
    const stamp = beforeUpdate.replace(/Z$/, '');
    expect((await get(`/hsds/services?modified_after=${stamp}`)).total_items).toBe(2);
    expect((await get(`/hsds/services?modified_after=${encodeURIComponent(`${stamp}+01:00`)}`)).total_items).toBe(6);
    expect((await get('/hsds/services?modified_after=0001-01-01T00:00:00Z')).total_items).toBe(6);
    expect((await get('/hsds/services?modified_after=9999-12-31')).total_items).toBe(0);
  });

  it('answers an empty page for a well-formed taxonomy term or taxonomy id that names nothing', async () => {
    for (const param of ['taxonomy_term_id', 'taxonomy_id']) {
      const page: Page = await get(`/hsds/services?${param}=1b9d6bcd-bbfd-5b2d-9b5d-ab8dfbbd4bed`);
      expectHsdsResponse('/services', page);
      expect(page).toMatchObject({ total_items: 0, empty: true, contents: [] });
    }
    expect((await get('/hsds/service_at_locations?taxonomy_term_id=1b9d6bcd-bbfd-5b2d-9b5d-ab8dfbbd4bed')).total_items).toBe(0);
  });

  it('searches names, descriptions, cities and levels of care, every word and literally', async () => {
    const names = async (q: string) => ((await get(`/hsds/services?search=${encodeURIComponent(q)}`)) as Page).contents.map((s) => s.name);
    expect(await names('lincoln REHAB')).toEqual(['Residential (inpatient rehab) at Lincoln Park Residential']); // rehab: the level's name
    expect(await names('withdrawal')).toEqual(['Withdrawal management (detox) at Lincoln Park Residential']);
    expect((await names('chicago')).length).toBe(3); // the city
    expect(await names('100%')).toEqual([]);
    expect(await names('_')).toEqual([]);
    expect((await get('/hsds/service_at_locations?search=methadone%20clinic')).total_items).toBe(1);
    expect((await get('/hsds/organizations?search=lincoln')).contents.map((o: { id: string }) => o.id)).toEqual([ids.chicago]);
    expect((await get('/hsds/services?search=%20')).total_items).toBe(6);
  });

  it('gives only id, name, status and last_modified with minimal=true, also as NDJSON', async () => {
    const page: Page = await get('/hsds/services?minimal=true&per_page=100');
    expectHsdsResponse('/services', page);
    expect(page.total_items).toBe(6);
    for (const s of page.contents) expect(Object.keys(s).sort()).toEqual(['id', 'last_modified', 'name', 'status']);
    const lines = ((await ndjson('/hsds/services?minimal=true&format=ndjson')).body as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual(page.contents);
  });
});

describe('GET /hsds/service_at_locations/{id}', () => {
  it('returns the fully nested service holding that service_at_location, valid as openapi.json defines it', async () => {
    const page: Page = await get('/hsds/service_at_locations?per_page=100');
    for (const sal of page.contents) {
      const body = await get(`/hsds/service_at_locations/${sal.id}`);
      expectHsdsResponse('/service_at_locations/{id}', body);
      expect(body.id).toBe(sal.service_id);
      expect(body.service_at_locations.map((s: { id: string }) => s.id)).toEqual([sal.id]);
    }
    const service = (page.contents[0] as unknown as { service_id: string }).service_id;
    expect((await t.request.get(`/hsds/service_at_locations/${service}`)).status).toBe(404); // a service id is not a service_at_location id
    expect((await t.request.get('/hsds/service_at_locations/nope')).status).toBe(404);
  });

  it('nests each service_at_location fully with full=true', async () => {
    const page: Page = await get(`/hsds/service_at_locations?full=true&organization_id=${ids.harlem}`);
    expectHsdsResponse('/service_at_locations', page);
    for (const sal of page.contents) {
      expectHsds('service_at_location.json', sal);
      expectHsds('service.json', sal.service);
      expect(sal).toMatchObject({ location: { addresses: [expect.objectContaining({ postal_code: '10027' })] }, service: { schedules: expect.any(Array), cost_options: expect.any(Array) } });
    }
  });
});

describe('unknown query parameters', () => {
  it('are a 400 naming them on /{id} routes as on lists', async () => {
    const sal: Page = await get('/hsds/service_at_locations?per_page=1');
    const one = sal.contents[0] as { id: string; service_id: string };
    for (const path of [`/hsds/services/${one.service_id}`, `/hsds/service_at_locations/${one.id}`, `/hsds/organizations/${ids.chicago}`,
      `/hsds/taxonomies/${taxonomyId('payers')}`, `/hsds/taxonomy_terms/${taxonomyTermId('levels_of_care', 'iop')}`, '/hsds',
      '/hsds/services', '/hsds/organizations', '/hsds/taxonomies', '/hsds/taxonomy_terms', '/hsds/service_at_locations']) {
      const res = await t.request.get(`${path}?colour=blue`);
      expect({ path, status: res.status, paths: res.body.errors?.map((e: { path: string }) => e.path) }).toEqual({ path, status: 400, paths: ['colour'] });
    }
  });
});

describe('GET /hsds/services/{id}', () => {
  it('returns each listed service fully nested', async () => {
    const page: Page = await get('/hsds/services?per_page=100');
    for (const { id } of page.contents) {
      const service = await get(`/hsds/services/${id}`);
      expectHsdsResponse('/services/{id}', service);
      expect(service.id).toBe(id);
    }
  });

  it('finds a service created after the first lookup, and 404s unknown or removed ones', async () => {
    const created = await t.request.post('/v1/centers').set(admin).send(buildCenter({ levels_of_care: ['iop', 'php'] }));
    const page: Page = await get(`/hsds/services?organization_id=${created.body.id}`);
    const php = page.contents.find((s) => String(s.name).startsWith('Partial'))!;
    expect((await get(`/hsds/services/${php.id}`)).id).toBe(php.id);

    await t.request.patch(`/v1/centers/${created.body.id}`).set(admin).send({ levels_of_care: ['iop'] });
    const removed = await t.request.get(`/hsds/services/${php.id}`);
    expect(removed.status).toBe(404);
    expect(removed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await t.request.get('/hsds/services/1b9d6bcd-bbfd-5b2d-9b5d-ab8dfbbd4bed')).status).toBe(404);
    expect((await t.request.get('/hsds/services/not-an-id')).status).toBe(404);
    await t.request.delete(`/v1/centers/${created.body.id}`).set(admin);
  });
});

describe('GET /hsds/organizations', () => {
  it('pages organizations and returns one in full', async () => {
    const page: Page = await get('/hsds/organizations?per_page=2');
    expectHsdsResponse('/organizations', page);
    expect(page).toMatchObject({ total_items: 3, total_pages: 2, size: 2, first_page: true, last_page: false });
    const full: Page = await get('/hsds/organizations?full=true');
    for (const o of full.contents) expectHsds('organization.json', o);
    expect((await get(`/hsds/organizations?modified_after=${encodeURIComponent(beforeUpdate)}`)).contents.map((o: { id: string }) => o.id)).toEqual([ids.harlem]);

    const org = await get(`/hsds/organizations/${ids.chicago}`);
    expectHsdsResponse('/organizations/{id}', org);
    expect(org).toMatchObject({ id: ids.chicago, name: 'Lincoln Park Residential', uri: expect.stringMatching(new RegExp(`/v1/centers/${ids.chicago}$`)) });
    expect(org.services).toHaveLength(3);
    const nested = await get(`/hsds/organizations/${ids.chicago}?full_service=true`);
    expectHsdsResponse('/organizations/{id}', nested);
    expect(nested.services.map((s: { schedules?: unknown }) => Array.isArray(s.schedules))).toEqual([true, true, true]);
    for (const s of nested.services) expectHsds('service.json', s);
    const listed: Page = await get('/hsds/organizations?full_service=true&per_page=1');
    expectHsdsResponse('/organizations', listed);
    expect((listed.contents[0] as unknown as { services: { cost_options?: unknown }[] }).services.every((s) => Array.isArray(s.cost_options))).toBe(true);
    const lines = ((await ndjson('/hsds/organizations?format=ndjson')).body as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((o) => o.id)).toEqual(full.contents.map((o) => o.id));
    for (const o of lines) expectHsds('organization.json', o);
    expect((await t.request.get('/hsds/organizations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.request.get('/hsds/organizations/nope')).status).toBe(404);
  });
});

describe('GET /hsds/service_at_locations', () => {
  it('validates and filters by exact postcode', async () => {
    const all: Page = await get('/hsds/service_at_locations');
    expectHsdsResponse('/service_at_locations', all);
    expect(all.total_items).toBe(6);
    const chicago: Page = await get('/hsds/service_at_locations?postcode=60614');
    expectHsdsResponse('/service_at_locations', chicago);
    expect(chicago.total_items).toBe(3);
    expect(chicago.contents.every((s) => orgOf(s as never) === ids.chicago)).toBe(true);
  });

  it('finds locations within proximity meters of a postcode or a point, nearest first', async () => {
    const near: Page = await get('/hsds/service_at_locations?postcode=10027&proximity=5000');
    expect(near.contents.map((s) => orgOf(s as never))).toEqual([ids.harlem, ids.harlem, ids.closed]);
    expect((await get('/hsds/service_at_locations?postcode=10027&proximity=100')).contents.map((s: never) => orgOf(s))).toEqual([ids.harlem, ids.harlem]);
    const point: Page = await get('/hsds/service_at_locations?proximity=41.92,-87.65,10000');
    expect(point.total_items).toBe(3);
    expect(point.contents.every((s) => orgOf(s as never) === ids.chicago)).toBe(true);
    const lines = (await ndjson('/hsds/service_at_locations?format=ndjson&postcode=60614').then((r) => r.body as string)).trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expectHsds('service_at_location.json', JSON.parse(line));
  });

  it('answers 400 for bad place parameters', async () => {
    for (const [query, path] of [
      ['postcode=1002', 'postcode'], ['proximity=abc', 'proximity'], ['proximity=5000', 'proximity'],
      ['postcode=10027&proximity=-5', 'proximity'], ['postcode=10027&proximity=9000000', 'proximity'],
      ['proximity=95,0,1000', 'proximity'], ['postcode=10027&proximity=40,-73,1000', 'proximity'], ['postcode=00000&proximity=1000', 'postcode'],
    ]) {
      const res = await t.request.get(`/hsds/service_at_locations?${query}`);
      expect({ query, status: res.status, paths: res.body.errors?.map((e: { path: string }) => e.path) }).toEqual({ query, status: 400, paths: [path] });
    }
  });
});

describe('GET /hsds/taxonomies and /hsds/taxonomy_terms: search, format, top_only, parent_id', () => {
  it('searches, streams and answers the hierarchy parameters of a flat list', async () => {
    const found: Page = await get('/hsds/taxonomy_terms?search=intensive%20OUTPATIENT');
    expectHsdsResponse('/taxonomy_terms', found);
    expect(found.contents.map((term) => term.code)).toEqual(['iop']);
    expect(((await get('/hsds/taxonomies?search=payment')) as Page).contents.map((x) => x.id)).toEqual([taxonomyId('payers')]);
    const all: Page = await get('/hsds/taxonomy_terms?per_page=100');
    expect(((await get('/hsds/taxonomy_terms?per_page=100&top_only=true')) as Page).total_items).toBe(all.total_items);
    expect(await get(`/hsds/taxonomy_terms?parent_id=${taxonomyTermId('levels_of_care', 'iop')}`)).toMatchObject({ total_items: 0, empty: true });
    const lines = ((await ndjson('/hsds/taxonomy_terms?format=ndjson')).body as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(all.total_items);
    for (const term of lines) expectHsds('taxonomy_term.json', term);
    const taxonomies = ((await ndjson('/hsds/taxonomies?format=ndjson')).body as string).trim().split('\n');
    expect(taxonomies).toHaveLength(((await get('/hsds/taxonomies')) as Page).total_items);
    for (const [query, path] of [['top_only=yes', 'top_only'], ['parent_id=nope', 'parent_id'], ['format=csv', 'format']]) {
      const res = await t.request.get(`/hsds/taxonomy_terms?${query}`);
      expect({ query, status: res.status, paths: res.body.errors?.map((e: { path: string }) => e.path) }).toEqual({ query, status: 400, paths: [path] });
    }
  });
});

describe('GET /hsds/taxonomies and /hsds/taxonomy_terms', () => {
  it('lists the code lists and their terms', async () => {
    const taxonomies: Page = await get('/hsds/taxonomies');
    expectHsdsResponse('/taxonomies', taxonomies);
    expect(taxonomies).toMatchObject({ total_items: 10, size: 10, empty: false }); // 8 code lists (conditions, accessibility too), service facts, price units
    const one = await get(`/hsds/taxonomies/${taxonomyId('payers')}`);
    expectHsdsResponse('/taxonomies/{id}', one);

    const terms: Page = await get(`/hsds/taxonomy_terms?taxonomy_id=${taxonomyId('levels_of_care')}`);
    expectHsdsResponse('/taxonomy_terms', terms);
    expect(terms.total_items).toBe(8);
    expect(terms.contents.every((term) => term.taxonomy_id === taxonomyId('levels_of_care'))).toBe(true);
    const conditions: Page = await get(`/hsds/taxonomy_terms?taxonomy_id=${taxonomyId('conditions')}`);
    expectHsdsResponse('/taxonomy_terms', conditions);
    expect(conditions.total_items).toBe(13); // the published conditions, as in GET /v1/taxonomy
    const paged: Page = await get('/hsds/taxonomy_terms?per_page=10&page=2');
    expect(paged).toMatchObject({ page_number: 2, size: 10, first_page: false });
    expect(paged.total_items).toBeGreaterThan(40);
    const term = await get(`/hsds/taxonomy_terms/${taxonomyTermId('levels_of_care', 'iop')}`);
    expectHsdsResponse('/taxonomy_terms/{id}', term);
    expect(term).toMatchObject({ code: 'iop', name: 'Intensive outpatient' });

    expect((await t.request.get('/hsds/taxonomy_terms?taxonomy_id=nope')).status).toBe(400);
    const unknown: Page = await get('/hsds/taxonomy_terms?taxonomy_id=1b9d6bcd-bbfd-5b2d-9b5d-ab8dfbbd4bed');
    expect(unknown).toMatchObject({ total_items: 0, empty: true });
    expect((await t.request.get('/hsds/taxonomies/nope')).status).toBe(404);
    expect((await t.request.get('/hsds/taxonomy_terms/nope')).status).toBe(404);
  });
});
