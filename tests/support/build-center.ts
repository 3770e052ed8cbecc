import type { CenterInputRaw } from '../../src/centers/center-schema';

let n = 0;
/** A valid center input; override what the test is about. */
export function buildCenter(overrides: Partial<CenterInputRaw> = {}): CenterInputRaw {
  n++;
  return {
    name: `Test Recovery Center ${n}`,
    description: 'Outpatient and intensive outpatient treatment for substance use.',
    phone: '(212) 555-0100',
    website: 'https://example.org/test',
    address: { line1: `${100 + n} Test Ave`, city: 'New York', state: 'NY', postal_code: '10027' },
    levels_of_care: ['iop', 'outpatient'],
    modalities: ['cbt', 'group'],
    medications: ['buprenorphine'],
    payers: ['medicaid', 'private'],
    insurers: ['aetna'],
    populations: ['adults'],
    languages: ['en'],
    schedules: [{ level: 'iop', days: ['mon', 'wed', 'fri'], start: '18:00', end: '21:00', format: 'in_person' }],
    prices: [{ level: 'iop', amount: 250, unit: 'day', price_type: 'cash', source: 'center website', as_of: '2026-06-01', days_per_week: 3 }],
    ...overrides,
  };
}
