import { CenterInputSchema, type CenterInputRaw } from '../../../src/centers/center-schema';
import {
  CSV_COLUMNS, centerToCsvRow, checkCsvHeader, csvColumnForPath, csvColumnsMarkdown, csvErrorsFromIssues, csvRowToCenterInput,
} from '../../../src/imports/csv-columns';
import { readCsv, writeCsv } from '../../../src/imports/csv-text';

const options = { importDate: '2026-06-01' };
const NAMES = CSV_COLUMNS.map((c) => c.name);
const REQUIRED = { name: 'Harbor Light', address_line1: '125 W 125th St', city: 'New York', state: 'NY', postal_code: '10027', levels_of_care: 'iop' };

/** A valid center using every field, with the strings that need escaping or quoting. */
const rich: CenterInputRaw = {
  source: 'county_sheet', source_id: 'A-1042',
  name: 'Harbor Light "Recovery", Inc.',
  description: 'Evening IOP; weekends too.\nLine two, with a comma and a \\ backslash',
  status: 'temporarily_closed', phone: '(212) 555-0142 ext. 12', website: 'https://harborlight.example.org/iop?x=1',
  email: 'intake@harborlight.example.org',
  address: { line1: '125 W 125th St', line2: 'Suite 4', city: 'New York', state: 'NY', postal_code: '10027-1234' },
  location: { lat: 40.8094, lng: -73.948 }, timezone: 'America/New_York',
  levels_of_care: ['iop', 'php', 'residential', 'otp'], modalities: ['cbt', 'mi', 'group'], medications: ['buprenorphine', 'methadone'],
  payers: ['medicaid', 'private', 'self_pay'], insurers: ['aetna', 'cigna'], populations: ['adults', 'young_adults'],
  languages: ['es', 'en'], telehealth: true, accepting_new_patients: false,
  schedules: [
    { level: 'iop', days: ['mon', 'wed', 'fri'], start: '18:00', end: '21:00', format: 'hybrid' },
    { level: 'iop', days: ['sat', 'sun'], start: '09:30', end: '12:30', format: 'in_person' },
    { level: 'php', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '15:00' },
    { level: 'otp', days: ['fri', 'sat', 'sun', 'mon'], start: '06:00', end: '10:00', format: 'in_person' },
  ],
  prices: [
    { level: 'iop', amount: 250, unit: 'day', price_type: 'cash', days_per_week: 3, hours_per_week: 9, typical_length: { value: 8, unit: 'week' }, includes_room_and_board: false, source: 'https://harborlight.example.org/rates; p=2 \\ x', as_of: '2026-05-01' },
    { level: 'residential', amount: 612.5, unit: 'day', price_type: 'billed_charge', typical_length: { value: 30, unit: 'day' }, includes_room_and_board: true, source: 'phone call', as_of: '2026-04-15' },
    { level: 'php', amount: 9000, unit: 'episode', price_type: 'cash', source: 'import', as_of: '2026-06-01' },
  ],
  accreditations: ['joint_commission', 'carf; behavioral health'], license_number: 'OASAS-1234', verified_at: '2026-05-01T14:30:00-04:00',
};

describe('CSV_COLUMNS', () => {
  it('lists the documented columns in order, each with a description and an example', () => {
    expect(NAMES).toEqual(['source', 'source_id', 'name', 'description', 'status', 'phone', 'website', 'email',
      'address_line1', 'address_line2', 'city', 'state', 'postal_code', 'lat', 'lng', 'timezone', 'levels_of_care',
      'modalities', 'medications', 'payers', 'insurers', 'populations', 'languages', 'telehealth', 'accepting_new_patients',
      'schedules', 'prices', 'accreditations', 'license_number', 'verified_at',
      'conditions', 'accessibility', 'intake_phone', 'intake_hours', 'walk_in', 'same_day_assessment', 'referral_required', 'intake_note', 'availability']);
    for (const c of CSV_COLUMNS) expect([c.description.length > 10, c.example.length > 0]).toEqual([true, true]);
  });

  it('has examples that together make a row CenterInputSchema accepts', () => {
    const { input, errors } = csvRowToCenterInput(Object.fromEntries(CSV_COLUMNS.map((c) => [c.name, c.example])), options);
    expect(errors).toEqual([]);
    expect(CenterInputSchema.safeParse(input).success).toBe(true);
  });

  it('renders a Markdown table with one line per column', () => {
    const lines = csvColumnsMarkdown().split('\n');
    expect(lines).toHaveLength(2 + CSV_COLUMNS.length);
    expect(lines[2]).toBe('| `source` |  | External data source (lowercase letters, digits, ".", "_", "-"); with source_id, the key a re-import updates on | `county_sheet` |');
  });
});

describe('csvRowToCenterInput cells', () => {
  it.each([['true', true], ['TRUE', true], ['yes', true], [' Yes ', true], ['1', true], ['false', false], ['no', false], ['NO', false], ['0', false]])(
    'reads boolean %j as %j', (cell, value) => {
      expect(csvRowToCenterInput({ telehealth: cell, accepting_new_patients: cell }, options))
        .toStrictEqual({ input: { address: {}, telehealth: value, accepting_new_patients: value }, errors: [] });
    });

  it('rejects other booleans, naming the column', () => {
    expect(csvRowToCenterInput({ telehealth: 'maybe', accepting_new_patients: 'y' }, options).errors).toEqual([
      { field: 'telehealth', message: 'must be true/false, yes/no or 1/0, got "maybe"' },
      { field: 'accepting_new_patients', message: 'must be true/false, yes/no or 1/0, got "y"' },
    ]);
  });

  it.each([['40.5', '-73', 40.5, -73], ['+1.25', '-0.5', 1.25, -0.5], ['.5', '1e-3', 0.5, 0.001]])('reads numbers %s, %s', (lat, lng, a, b) => {
    expect(csvRowToCenterInput({ lat, lng }, options).input).toStrictEqual({ address: {}, location: { lat: a, lng: b } });
  });

  it('rejects bad numbers and a lat without lng', () => {
    expect(csvRowToCenterInput({ lat: '40,5', lng: 'west' }, options).errors).toEqual([
      { field: 'lat', message: 'must be a number, got "40,5"' },
      { field: 'lng', message: 'must be a number, got "west"' },
    ]);
    const { input, errors } = csvRowToCenterInput({ lat: '40.5', lng: ' ' }, options);
    expect(errors).toEqual([{ field: 'lng', message: 'is empty but lat is given: give both, or neither to geocode from postal_code' }]);
    expect(input).toStrictEqual({ address: {} });
  });

  it('leaves empty and blank cells out, trims, splits lists, and normalizes case of codes and state', () => {
    const { input, errors } = csvRowToCenterInput({
      ...REQUIRED, state: 'ny', description: '   ', phone: '', modalities: ' CBT ; mi;; ', languages: ';', status: 'Active',
      accreditations: 'Joint Commission\\; BH; CARF', verified_at: '2026-05-01',
    }, options);
    expect(errors).toEqual([]);
    expect(input).toStrictEqual({
      name: 'Harbor Light', address: { line1: '125 W 125th St', city: 'New York', state: 'NY', postal_code: '10027' },
      levels_of_care: ['iop'], modalities: ['cbt', 'mi'], status: 'active',
      accreditations: ['Joint Commission; BH', 'CARF'], verified_at: '2026-05-01T00:00:00Z',
    });
  });

  it('reports columns it does not know', () => {
    expect(csvRowToCenterInput({ ...REQUIRED, zip: '10027' }, options).errors).toEqual([{ field: 'zip', message: 'is not a known column' }]);
  });
});

describe('checkCsvHeader', () => {
  it('accepts every column, or only the required ones, in any order', () => {
    expect(checkCsvHeader(NAMES)).toEqual([]);
    expect(checkCsvHeader(['levels_of_care', 'postal_code', 'state', 'city', 'address_line1', 'name'])).toEqual([]);
  });

  it('lists unknown columns with hints, duplicates, unnamed and missing required columns', () => {
    expect(checkCsvHeader(['name', 'Zip', 'foo', 'Levels Of Care', '\uFEFFsource', 'name', '', 'city'])).toEqual([
      'column 7 has no name',
      'duplicate columns: "name"',
      `unknown columns: "Zip" (did you mean "postal_code"?), "foo", "Levels Of Care" (did you mean "levels_of_care"?), "\uFEFFsource" (did you mean "source"?); the columns are: ${NAMES.join(', ')}`,
      'missing required columns: address_line1, state, postal_code, levels_of_care',
    ]);
  });
});

describe('csvColumnForPath and csvErrorsFromIssues', () => {
  it.each([
    [['address', 'postal_code'], 'postal_code'], [['address', 'line1'], 'address_line1'], [['address', 'line2'], 'address_line2'],
    [['address'], 'address_line1'], [['schedules', 1, 'start'], 'schedules'], [['prices', 0], 'prices'],
    [['location', 'lat'], 'lat'], [['location', 'lng'], 'lng'], [['location'], 'lat'], [['modalities', 2], 'modalities'],
    [['source_id'], 'source_id'], [['verified_at'], 'verified_at'], [['mystery'], 'mystery'], [[], ''],
  ])('%j → %s', (path, column) => {
    expect(csvColumnForPath(path as (string | number)[])).toBe(column);
  });

  it('maps the schema errors of a row to its columns, numbering list entries', () => {
    const { input } = csvRowToCenterInput({
      name: 'Harbor', address_line1: '1 Main St', state: 'NY', postal_code: '1234', lat: '95', lng: '10',
      levels_of_care: 'iop', modalities: 'cbt;hypnosis', schedules: 'iop:mon@18:00-21:00; iop:tue@18:00-21:00/zoom', prices: 'iop:-5/day',
    }, options);
    const result = CenterInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(csvErrorsFromIssues(result.error!.issues, input)).toEqual([
      { field: 'city', message: 'is required' },
      { field: 'postal_code', message: 'must be a 5-digit ZIP code (or ZIP+4)' },
      { field: 'lat', message: expect.stringMatching(/<=90/) },
      { field: 'modalities', message: expect.stringMatching(/^item 2: Invalid option/) },
      { field: 'schedules', message: expect.stringMatching(/^entry 2 format: Invalid option/) },
      { field: 'prices', message: expect.stringMatching(/^entry 1 amount: Too small/) },
    ]);
  });

  it('maps cross-field errors (schedule level not offered, source without source_id)', () => {
    const { input } = csvRowToCenterInput({ ...REQUIRED, source: 'sheet', schedules: 'iop:mon@18:00-21:00; php:mon-fri@09:00-15:00' }, options);
    const result = CenterInputSchema.safeParse(input);
    expect(csvErrorsFromIssues(result.error!.issues, input)).toEqual([
      { field: 'schedules', message: 'entry 2 level: "php" is not one of the center\'s levels_of_care' },
      { field: 'source_id', message: 'source and source_id go together' },
    ]);
  });
});

describe('round trip', () => {
  it('the rich center is valid', () => {
    expect(CenterInputSchema.safeParse(rich).error).toBeUndefined();
  });

  it('csvRowToCenterInput(centerToCsvRow(x)) deep-equals x', () => {
    const row = centerToCsvRow(rich);
    expect(Object.keys(row)).toEqual(NAMES);
    expect(csvRowToCenterInput(row, { importDate: '1999-01-01' })).toStrictEqual({ input: rich, errors: [] });
  });

  it('survives CSV text: writeCsv then readCsv', () => {
    const minimal: CenterInputRaw = { name: 'Tiny Clinic', address: { line1: '1 Elm St', city: 'Troy', state: 'NY', postal_code: '12180' }, levels_of_care: ['outpatient'] };
    const text = writeCsv([centerToCsvRow(rich), centerToCsvRow(minimal)]);
    const { header, records } = readCsv(`\uFEFF${text}`);
    expect(checkCsvHeader(header)).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([3, 4]); // the description of the first holds a line break
    expect(records.map((r) => csvRowToCenterInput(r.row, options))).toStrictEqual([
      { input: rich, errors: [] }, { input: { ...minimal }, errors: [] },
    ]);
  });

  it('writes null and empty lists as empty cells, which read back as absent', () => {
    const withNulls: CenterInputRaw = {
      name: 'Tiny Clinic', description: null, website: null, location: null, modalities: [], schedules: [],
      address: { line1: '1 Elm St', line2: null, city: 'Troy', state: 'NY', postal_code: '12180' }, levels_of_care: ['outpatient'],
      prices: [{ level: 'outpatient', amount: 90, unit: 'session', price_type: 'cash', typical_length: null, days_per_week: null, source: 'web', as_of: '2026-01-01' }],
    };
    const row = centerToCsvRow(withNulls);
    expect([row.description, row.lat, row.modalities, row.schedules, row.address_line2]).toEqual(['', '', '', '', '']);
    expect(csvRowToCenterInput(row, options).input).toStrictEqual({
      name: 'Tiny Clinic', address: { line1: '1 Elm St', city: 'Troy', state: 'NY', postal_code: '12180' }, levels_of_care: ['outpatient'],
      prices: [{ level: 'outpatient', amount: 90, unit: 'session', price_type: 'cash', source: 'web', as_of: '2026-01-01' }],
    });
  });
});

describe('readCsv', () => {
  it('throws on malformed CSV, naming the line', () => {
    expect(() => readCsv('name,city\n"Harbor,Troy\n')).toThrow(/line/i);
    expect(() => readCsv('name,city\nHarbor,Troy,extra\n')).toThrow(/line 2/i);
  });

  it('skips blank lines and rows of empty cells', () => {
    expect(readCsv('name,city\n\nHarbor,Troy\n,\n , \n')).toEqual({ header: ['name', 'city'], records: [{ line: 3, row: { name: 'Harbor', city: 'Troy' } }] });
  });

  it('reads a header-only file as no records', () => {
    expect(readCsv('name,city\n')).toEqual({ header: ['name', 'city'], records: [] });
    expect(readCsv('')).toEqual({ header: [], records: [] });
  });
});
