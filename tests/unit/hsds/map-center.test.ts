import {
  hsdsLocationId, hsdsServiceAtLocationId, hsdsServiceId, toHsdsLocation, toHsdsOrganization, toHsdsService,
  toHsdsServiceAtLocation, toHsdsServiceAtLocationListItem, toHsdsServiceListItem, toHsdsServices,
} from '../../../src/hsds/map-center';
import { hsdsTaxonomyTerms, taxonomyTermId } from '../../../src/hsds/hsds-taxonomy';
import type { LevelOfCare } from '../../../src/taxonomy/codes';
import { CTX, buildMinimalCenter, buildRichCenter } from './center-fixtures';
import { expectHsds, expectHsdsResponse, undeclaredFields } from './hsds-schemas';

const rich = buildRichCenter();
const minimal = buildMinimalCenter();

describe('full services validate against service.json', () => {
  it.each([
    ['rich center, every level', rich],
    ['minimal center', minimal],
    ['closed center', buildRichCenter({ status: 'closed' })],
    ['temporarily closed center, not accepting patients', buildRichCenter({ status: 'temporarily_closed', accepting_new_patients: false })],
  ])('%s', (_, center) => {
    const services = toHsdsServices(center, CTX);
    expect(services).toHaveLength(center.levels_of_care.length);
    for (const service of services) {
      expectHsds('service.json', service);
      expectHsdsResponse('/services/{id}', service);
      expect(undeclaredFields('service.json', service)).toEqual([]);
    }
  });
});

describe('toHsdsService (rich center, IOP)', () => {
  const iop = toHsdsService(rich, 'iop', CTX);

  it('names the service and links it to the organization', () => {
    expect(iop).toMatchObject({
      id: hsdsServiceId(rich, 'iop'),
      organization_id: rich.id,
      name: 'Intensive outpatient at Harbor Light Recovery Center',
      description: 'Intensive outpatient (ASAM level 2.1) at Harbor Light Recovery Center. Telehealth available.',
      url: 'https://harborlight.example.org/programs',
      email: 'intake@harborlight.example.org',
      status: 'active',
      accreditations: 'joint_commission, carf',
      eligibility_description: 'Populations served: Adults; Veterans; Co-occurring mental health and substance use (dual diagnosis).',
      assured_date: '2025-05-02',
      last_modified: '2025-05-02T14:31:07.000Z',
      fees_description: '$250 per day of attendance (cash price, as of 2025-04-15); $475.50 per day of attendance (billed charge, as of 2025-03-01)',
    });
    expect(iop).not.toHaveProperty('alert');
    expect(iop.organization).toEqual({
      id: rich.id,
      name: 'Harbor Light Recovery Center',
      description: rich.description,
      email: 'intake@harborlight.example.org',
      website: 'https://harborlight.example.org/programs',
      uri: `https://directory.example.org/v1/centers/${rich.id}`,
    });
  });

  it('maps the evening IOP session to a weekly schedule row', () => {
    expect(iop.schedules).toHaveLength(2);
    expect(iop.schedules[0]).toEqual({
      id: expect.any(String),
      service_id: iop.id,
      service_at_location_id: hsdsServiceAtLocationId(rich, 'iop'),
      freq: 'WEEKLY',
      byday: 'MO,WE,FR',
      opens_at: '18:00',
      closes_at: '21:00',
      attending_type: 'In person',
      description: 'Mon, Wed, Fri 18:00–21:00 (America/New_York), in person',
      notes: 'opens_at and closes_at are local times in America/New_York.',
      attributes: [expect.objectContaining({
        link_id: iop.schedules[0].id, link_entity: 'schedule', link_type: 'service_facts', value: 'America/New_York',
        taxonomy_term_id: taxonomyTermId('service_facts', 'time_zone'), taxonomy_term: expect.objectContaining({ code: 'time_zone' }),
      })],
    });
    expect(iop.schedules[0]).not.toHaveProperty('timezone'); // New York keeps no one offset all year
  });

  it('gives the numeric timezone (a UTC offset) only where a zone keeps one offset all year', () => {
    const phoenix = toHsdsService(buildRichCenter({ timezone: 'America/Phoenix' }), 'iop', CTX);
    expect(phoenix.schedules.map((s) => s.timezone)).toEqual([-7, -7]);
    expect(toHsdsService(buildRichCenter({ timezone: 'Pacific/Honolulu' }), 'iop', CTX).schedules[0].timezone).toBe(-10);
    expect(toHsdsService(buildRichCenter({ timezone: 'America/Chicago' }), 'iop', CTX).schedules[0]).not.toHaveProperty('timezone');
    expectHsds('service.json', phoenix);
  });

  it('puts the IANA zone on the location as a time_zone attribute', () => {
    expect(iop.service_at_locations[0].location.attributes).toEqual([expect.objectContaining({
      link_entity: 'location', link_id: iop.service_at_locations[0].location.id, value: 'America/New_York',
      taxonomy_term_id: taxonomyTermId('service_facts', 'time_zone'),
    })]);
  });

  it('tags the service with telehealth and accepting new patients, as attributes of a published taxonomy', () => {
    const facts = (c: Parameters<typeof toHsdsService>[0]) => toHsdsService(c, 'iop', CTX).attributes
      .filter((a) => a.link_type === 'service_facts').map((a) => a.taxonomy_term.code);
    expect(facts(rich)).toEqual(['telehealth', 'accepting_new_patients']);
    expect(facts(buildRichCenter({ telehealth: false, accepting_new_patients: false }))).toEqual([]);
    expect(facts(buildRichCenter({ status: 'temporarily_closed' }))).toEqual(['telehealth']);
    const terms = new Set(hsdsTaxonomyTerms(CTX).map((t) => t.id));
    for (const a of iop.attributes) expect(terms.has(a.taxonomy_term_id)).toBe(true);
  });

  it('could not carry the IANA zone in `timezone`: HSDS types it as a number (a UTC offset)', () => {
    const withZone = { ...iop, schedules: [{ ...iop.schedules[0], timezone: 'America/New_York' }] };
    expect(() => expectHsds('service.json', withZone)).toThrow(/schedules\/0\/timezone must be number/);
  });

  it('orders byday Monday first whatever order the days were listed in', () => {
    expect(iop.schedules[1]).toMatchObject({ byday: 'TU,TH', opens_at: '09:00', closes_at: '12:00', attending_type: 'In person or by telehealth' });
  });

  it('maps the $250/day IOP price to a USD cost option valid from its as_of date', () => {
    expect(iop.cost_options[0]).toEqual({
      id: expect.any(String),
      service_id: iop.id,
      valid_from: '2025-04-15',
      option: 'Cash (self-pay) price per day of attendance',
      currency: 'USD',
      amount: 250,
      amount_description: 'per day of attendance; 3 days/week; 9 hours/week; typically 8 weeks; source: center website',
      attributes: [expect.objectContaining({
        link_id: iop.cost_options[0].id, link_entity: 'cost_option', link_type: 'price_units', value: 'day of attendance',
        taxonomy_term_id: taxonomyTermId('price_units', 'day'),
      })],
    });
    expect(iop.cost_options[1]).toMatchObject({ amount: 475.5, option: 'Billed charge (list price billed to insurers) per day of attendance' });
  });

  it('prices residential care per night, with room and board', () => {
    expect(toHsdsService(rich, 'residential', CTX).cost_options).toEqual([expect.objectContaining({
      amount: 600,
      option: 'Cash (self-pay) price per night',
      amount_description: 'per night; typically 30 days; includes room and board; source: center website',
      attributes: [expect.objectContaining({ taxonomy_term_id: taxonomyTermId('price_units', 'day'), value: 'night' })],
    })]);
  });

  it('lists languages as HSDS language objects, with ASL as ISO 639-3 "ase"', () => {
    expect(iop.languages.map(({ code, name, service_id }) => ({ code, name, service_id }))).toEqual([
      { code: 'en', name: 'English', service_id: iop.id },
      { code: 'es', name: 'Spanish', service_id: iop.id },
      { code: 'ase', name: 'American Sign Language', service_id: iop.id },
    ]);
  });

  it('splits the phone extension off the number', () => {
    expect(iop.phones).toEqual([{ id: expect.any(String), service_id: iop.id, number: '(212) 555-0142', extension: 12, type: 'voice' }]);
  });

  it('nests its service_at_location with the full location and address', () => {
    expect(iop.service_at_locations).toEqual([toHsdsServiceAtLocation(rich, 'iop', CTX)]);
    const { location } = iop.service_at_locations[0];
    expect(location).toMatchObject({
      id: hsdsLocationId(rich), location_type: 'physical', organization_id: rich.id, name: rich.name,
      latitude: 40.8103, longitude: -73.9527, external_identifier: 'NY-1234567', external_identifier_type: 'samhsa',
    });
    expect(location.addresses).toEqual([{
      id: expect.any(String), location_id: location.id, address_1: '410 W 125th St', address_2: 'Suite 3',
      city: 'New York', state_province: 'NY', postal_code: '10027', country: 'US', address_type: 'physical',
    }]);
  });

  it('tags the service with its level and the center-wide codes', () => {
    expect(iop.attributes[0]).toMatchObject({ link_type: 'levels_of_care', taxonomy_term_id: taxonomyTermId('levels_of_care', 'iop') });
    expect(iop.attributes.map((a) => a.taxonomy_term.code)).toEqual(expect.arrayContaining(['mat', 'buprenorphine', 'medicaid', 'aetna', 'veterans']));
  });

  it('gives every row a distinct id, the same on every call', () => {
    const all = toHsdsServices(rich, CTX);
    expect(toHsdsServices(buildRichCenter(), CTX)).toEqual(all);
    const ids = all.flatMap((s) => [s.id, s.service_at_locations[0].id, ...[s.schedules, s.cost_options, s.attributes, s.languages, s.phones].flat().map((r) => r.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(toHsdsService(minimal, 'outpatient', CTX).id).not.toBe(hsdsServiceId(rich, 'outpatient'));
  });

  it('keeps a price id when only its amount changes', () => {
    const repriced = buildRichCenter({ prices: rich.prices.map((p) => ({ ...p, amount: p.amount + 10 })) });
    expect(toHsdsService(repriced, 'iop', CTX).cost_options.map((c) => c.id)).toEqual(iop.cost_options.map((c) => c.id));
  });

  it('refuses a level the center does not offer', () => {
    expect(() => toHsdsService(rich, 'otp', CTX)).toThrow(RangeError);
  });
});

describe('status', () => {
  const status = (overrides: Parameters<typeof buildRichCenter>[0]) => toHsdsService(buildRichCenter(overrides), 'iop', CTX);

  it('maps closed to defunct and temporarily_closed to "temporarily closed"', () => {
    expect(status({ status: 'closed' }).status).toBe('defunct');
    expect(status({ status: 'temporarily_closed' }).status).toBe('temporarily closed');
  });

  it('keeps an active center that is full active, with an alert', () => {
    expect(status({ accepting_new_patients: false })).toMatchObject({ status: 'active', alert: 'Not accepting new patients at present.' });
  });
});

describe('minimal center', () => {
  const service = toHsdsService(minimal, 'outpatient', CTX);

  it('leaves out what the center does not have instead of sending null', () => {
    for (const key of ['url', 'email', 'alert', 'fees_description', 'accreditations', 'eligibility_description', 'assured_date']) {
      expect(service).not.toHaveProperty(key);
    }
    expect(service).toMatchObject({ schedules: [], cost_options: [], phones: [] });
    expect(service.attributes.filter((a) => a.link_type !== 'service_facts')).toEqual([expect.objectContaining({ link_type: 'levels_of_care' })]);
    expect(service.service_at_locations[0].location.addresses[0]).not.toHaveProperty('address_2');
    expect(service.service_at_locations[0].location).not.toHaveProperty('external_identifier');
  });

  it('writes an organization description, which HSDS requires', () => {
    expect(service.organization.description).toBe('Treatment center in Dayton, OH offering outpatient.');
  });
});

describe('organization, location and service_at_location', () => {
  it('builds a valid, fully nested organization', () => {
    const org = toHsdsOrganization(rich, CTX);
    expectHsds('organization.json', org);
    expectHsdsResponse('/organizations/{id}', org);
    expect(undeclaredFields('organization.json', org, ['services'])).toEqual([]);
    expect(org.id).toBe(rich.id);
    expect(org.phones).toEqual([expect.objectContaining({ organization_id: rich.id, number: '(212) 555-0142', extension: 12 })]);
    expect(org.organization_identifiers).toEqual([expect.objectContaining({ identifier_type: 'State license number', identifier: 'OASAS-1234-5678' })]);
    expect(org.locations).toEqual([toHsdsLocation(rich, CTX)]);
    expect(org.services.map((s) => s.id)).toEqual((rich.levels_of_care as LevelOfCare[]).map((l) => hsdsServiceId(rich, l)));
    expect(toHsdsOrganization(minimal, CTX)).toMatchObject({ phones: [], organization_identifiers: [] });
    expectHsds('organization.json', toHsdsOrganization(minimal, CTX));
  });

  it('builds valid locations and service_at_locations', () => {
    for (const center of [rich, minimal]) {
      expectHsds('location.json', toHsdsLocation(center, CTX));
      expectHsds('service_at_location.json', toHsdsServiceAtLocation(center, 'outpatient', CTX));
      expect(undeclaredFields('service_at_location.json', toHsdsServiceAtLocation(center, 'outpatient', CTX))).toEqual([]);
    }
    expect(toHsdsServiceAtLocation(rich, 'iop', CTX)).toMatchObject({
      service_id: hsdsServiceId(rich, 'iop'), location_id: hsdsLocationId(rich),
      description: 'Intensive outpatient at 410 W 125th St, New York, NY',
    });
  });

  it('builds list items with only one-to-one fields', () => {
    const item = toHsdsServiceListItem(rich, 'iop', CTX);
    expectHsds('service.json', item);
    expect(Object.values(item).filter(Array.isArray)).toEqual([]);
    const sal = toHsdsServiceAtLocationListItem(rich, 'iop');
    expectHsds('service_at_location.json', sal);
    expect(undeclaredFields('service_at_location.json', sal, ['service'])).toEqual([]);
    expect(sal.location).not.toHaveProperty('addresses');
    expect(sal.service.id).toBe(hsdsServiceId(rich, 'iop'));
  });
});
