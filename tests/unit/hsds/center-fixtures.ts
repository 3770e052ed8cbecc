import type { Center } from '../../../src/centers/center-schema';

export const CTX = { baseUrl: 'https://directory.example.org/' };

/** A listing with every field filled: four levels, sessions, prices, three languages. */
export function buildRichCenter(overrides: Partial<Center> = {}): Center {
  return {
    id: '3f0c2a5e-8d1b-4c7e-9a6f-2b1d4e5f6a7b',
    name: 'Harbor Light Recovery Center',
    description: 'Substance use treatment for adults in Harlem, with evening IOP for people who work days.',
    status: 'active',
    phone: '(212) 555-0142 ext. 12',
    website: 'https://harborlight.example.org/programs',
    email: 'intake@harborlight.example.org',
    address: { line1: '410 W 125th St', line2: 'Suite 3', city: 'New York', state: 'NY', postal_code: '10027' },
    location: { lat: 40.8103, lng: -73.9527 },
    timezone: 'America/New_York',
    levels_of_care: ['detox', 'residential', 'iop', 'outpatient'],
    modalities: ['cbt', 'dbt', 'mat', 'group'],
    medications: ['buprenorphine', 'naltrexone'],
    payers: ['medicaid', 'private', 'self_pay'],
    insurers: ['aetna', 'cigna'],
    populations: ['adults', 'veterans', 'co_occurring'],
    languages: ['en', 'es', 'asl'],
    telehealth: true,
    accepting_new_patients: true,
    schedules: [
      { level: 'iop', days: ['mon', 'wed', 'fri'], start: '18:00', end: '21:00', format: 'in_person' },
      { level: 'iop', days: ['thu', 'tue'], start: '09:00', end: '12:00', format: 'hybrid' },
      { level: 'outpatient', days: ['sat'], start: '10:00', end: '11:30', format: 'telehealth' },
    ],
    prices: [
      {
        level: 'iop', amount: 250, unit: 'day', price_type: 'cash', typical_length: { value: 8, unit: 'week' },
        days_per_week: 3, hours_per_week: 9, includes_room_and_board: null, source: 'center website', as_of: '2025-04-15',
      },
      {
        level: 'iop', amount: 475.5, unit: 'day', price_type: 'billed_charge', typical_length: null,
        days_per_week: null, hours_per_week: null, includes_room_and_board: null, source: 'phone call', as_of: '2025-03-01',
      },
      {
        level: 'residential', amount: 600, unit: 'day', price_type: 'cash', typical_length: { value: 30, unit: 'day' },
        days_per_week: null, hours_per_week: null, includes_room_and_board: true, source: 'center website', as_of: '2025-04-15',
      },
    ],
    accreditations: ['joint_commission', 'carf'],
    conditions: [], accessibility: [], intake: null, availability: [],
    license_number: 'OASAS-1234-5678',
    verified_at: '2025-05-02T14:30:00.000Z',
    source: 'samhsa',
    source_id: 'NY-1234567',
    created_at: '2024-11-20T09:00:00.000Z',
    updated_at: '2025-05-02T14:31:07Z',
    ...overrides,
  };
}

/** Only what the center schema requires; everything optional is null or empty. */
export function buildMinimalCenter(overrides: Partial<Center> = {}): Center {
  return {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    name: 'Eastside Clinic',
    description: null,
    status: 'active',
    phone: null,
    website: null,
    email: null,
    address: { line1: '1 Main St', line2: null, city: 'Dayton', state: 'OH', postal_code: '45402' },
    location: { lat: 39.7589, lng: -84.1916 },
    timezone: 'America/New_York',
    levels_of_care: ['outpatient'],
    modalities: [],
    medications: [],
    payers: [],
    insurers: [],
    populations: [],
    languages: ['en'],
    telehealth: false,
    accepting_new_patients: true,
    schedules: [],
    prices: [],
    accreditations: [],
    conditions: [], accessibility: [], intake: null, availability: [],
    license_number: null,
    verified_at: null,
    source: null,
    source_id: null,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}
