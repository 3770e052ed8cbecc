import type { Center } from '../../../src/centers/center-schema';
import { compareCenters, scheduleSummary } from '../../../src/compare/compare-centers';

const NOW = new Date('2026-11-22T12:00:00Z');
let n = 0;
function center(overrides: Partial<Center> = {}): Center {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `Center ${n}`, description: null, status: 'active',
    phone: null, website: null, email: null,
    address: { line1: '1 Main St', line2: null, city: 'New York', state: 'NY', postal_code: '10027' },
    location: { lat: 40.81, lng: -73.95 }, timezone: 'America/New_York',
    levels_of_care: ['iop', 'outpatient'], modalities: ['cbt', 'group'], medications: [], payers: ['private'],
    insurers: [], populations: ['adults'], languages: ['en'], telehealth: false, accepting_new_patients: true,
    schedules: [{ level: 'iop', days: ['mon', 'wed'], start: '18:00', end: '21:00', format: 'in_person' }],
    prices: [{ level: 'iop', amount: 250, unit: 'day', price_type: 'cash', typical_length: null, days_per_week: 3, hours_per_week: null, includes_room_and_board: null, source: 'site', as_of: '2026-06-01' }],
    accreditations: [], license_number: null, verified_at: '2026-11-01T10:00:00Z', source: null, source_id: null,
    conditions: [], accessibility: [], intake: null, availability: [],
    created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  } as Center;
}

describe('compareCenters', () => {
  test('treatment facts: conditions as sets, intake, availability per level with stale shown as stale', () => {
    const fresh = { updated_at: '2026-11-22T10:00:00Z', reported_by: 'center' as const, stale: false, age_hours: 2, next_intake_date: null };
    const a = center({ conditions: ['opioids', 'alcohol'], availability: [{ ...fresh, level: 'iop', status: 'open', open_slots: 3, waitlist_days: null }] });
    const b = center({ conditions: ['opioids'], intake: { hours: [{ days: ['mon'], start: '09:00', end: '17:00' }], walk_in: true },
      availability: [{ ...fresh, level: 'iop', status: 'open', open_slots: 3, waitlist_days: null, stale: true, age_hours: 90 }] });
    const diffs = compareCenters([a, b], NOW);
    expect(diffs.find((d) => d.field === 'conditions')).toEqual({ field: 'conditions', values: { [a.id]: ['alcohol', 'opioids'], [b.id]: ['opioids'] }, common: ['opioids'] });
    expect(diffs.find((d) => d.field === 'availability')!.values).toEqual({ [a.id]: ['iop: open (3 slots)'], [b.id]: ['iop: stale'] });
    expect(diffs.find((d) => d.field === 'intake')!.values[b.id]).toMatchObject({ hours: ['mon 09:00-17:00'], walk_in: true });
    expect(diffs.find((d) => d.field === 'intake')!.values[a.id]).toBeNull();
  });

  test('identical centers have no differences', () => {
    expect(compareCenters([center(), center({ name: 'Other name', phone: '212 555 0100' })], NOW)).toEqual([]);
  });

  test('lists compare as sets, with the codes they share', () => {
    const a = center({ modalities: ['group', 'cbt', 'dbt'] });
    const b = center({ modalities: ['cbt', 'group'] });
    const c = center({ modalities: ['dbt', 'cbt', 'group'] });
    expect(compareCenters([a, c], NOW)).toEqual([]); // order does not matter
    expect(compareCenters([a, b], NOW)).toEqual([
      { field: 'modalities', values: { [a.id]: ['cbt', 'dbt', 'group'], [b.id]: ['cbt', 'group'] }, common: ['cbt', 'group'] },
    ]);
  });

  test('schedules compare by their tags per level, not by exact times', () => {
    const evening = center({ schedules: [{ level: 'iop', days: ['tue'], start: '17:30', end: '20:30', format: 'in_person' }] });
    const weekend = center({
      schedules: [
        { level: 'iop', days: ['sat'], start: '09:00', end: '12:00', format: 'in_person' },
        { level: 'iop', days: ['mon'], start: '18:00', end: '21:00', format: 'telehealth' },
        { level: 'outpatient', days: ['fri'], start: '13:00', end: '14:00', format: 'in_person' },
      ],
    });
    expect(compareCenters([center(), evening], NOW)).toEqual([]);
    expect(compareCenters([evening, weekend], NOW)).toEqual([{
      field: 'schedules',
      values: { [evening.id]: ['iop: evening'], [weekend.id]: ['iop: morning, evening, weekend', 'outpatient: afternoon'] },
      common: [],
    }]);
  });

  test('scalars, verification age in days, prices and distances', () => {
    const a = center({ telehealth: true, accepting_new_patients: false, status: 'temporarily_closed', verified_at: '2026-11-21T08:00:00Z' });
    const b = { ...center({ verified_at: null, prices: [] }), distance_miles: 1.5 };
    const diffs = compareCenters([{ ...a, distance_miles: 3.25 }, b], NOW);
    expect(diffs.map((d) => d.field)).toEqual(['telehealth', 'accepting_new_patients', 'status', 'verified_at', 'prices', 'distance_miles']);
    const byField = Object.fromEntries(diffs.map((d) => [d.field, d]));
    expect(byField.verified_at.values).toEqual({
      [a.id]: { verified_at: '2026-11-21T08:00:00Z', age_days: 1 },
      [b.id]: { verified_at: null, age_days: null },
    });
    expect(byField.prices.values).toEqual({ [a.id]: [{ level: 'iop', amount: 250, unit: 'day', price_type: 'cash' }], [b.id]: [] });
    expect(byField.distance_miles.values).toEqual({ [a.id]: 3.25, [b.id]: 1.5 });
    expect(byField.telehealth).not.toHaveProperty('common');
  });

  test('verifications on the same day do not differ; prices differ by amount, not by source', () => {
    const a = center({ verified_at: '2026-11-20T08:00:00Z' });
    const b = center({ verified_at: '2026-11-20T18:00:00Z', prices: [{ ...center().prices[0], source: 'phone call', as_of: '2026-01-01' }] });
    expect(compareCenters([a, b], NOW)).toEqual([]);
    const c = center({ verified_at: a.verified_at, prices: [{ ...center().prices[0], amount: 300 }] });
    expect(compareCenters([a, c], NOW).map((d) => d.field)).toEqual(['prices']);
  });

  test('three centers: a field differs when any one does', () => {
    const [a, b, c] = [center(), center(), center({ languages: ['en', 'es'] })];
    expect(compareCenters([a, b, c], NOW)).toEqual([
      { field: 'languages', values: { [a.id]: ['en'], [b.id]: ['en'], [c.id]: ['en', 'es'] }, common: ['en'] },
    ]);
  });
});

test('scheduleSummary lists levels alphabetically and tags in the published order', () => {
  expect(scheduleSummary([
    { level: 'outpatient', days: ['sun'], start: '19:00', end: '20:00', format: 'in_person' },
    { level: 'iop', days: ['mon'], start: '12:00', end: '15:00', format: 'in_person' },
    { level: 'iop', days: ['tue'], start: '08:00', end: '11:00', format: 'in_person' },
  ])).toEqual(['iop: morning, afternoon', 'outpatient: evening, weekend']);
  expect(scheduleSummary([])).toEqual([]);
});
