import type { CenterInputRaw } from '../centers/center-schema';
import { formatList, parseBoolean, parseList, parseNumber, type CellResult } from './csv-cells';
import { formatPrices, parsePrices, PRICE_KEYS, PRICE_SYNTAX, type PriceDefaults } from './csv-prices';
import { formatSchedules, parseSchedules, SCHEDULE_SYNTAX } from './csv-schedules';
import {
  AVAILABILITY_SYNTAX, formatAvailability, formatIntakeHours, INTAKE_HOURS_SYNTAX, parseAvailability, parseIntakeHours,
} from './csv-facts';

/**
 * The flat CSV of centers, one row per center. The column list below is the documentation:
 * the README / OpenAPI text is generated from it (`csvColumnsMarkdown`), and the row codec
 * reads and writes cells by each column's kind. An empty cell means the field is absent
 * (its default applies). Values are checked afterwards by CenterInputSchema; its error paths
 * map back to columns with `csvColumnForPath` / `csvErrorsFromIssues`.
 */
type CellKind = 'text' | 'code' | 'state' | 'codes' | 'texts' | 'number' | 'boolean' | 'datetime' | 'schedules' | 'prices'
  | 'intake_hours' | 'availability';

export interface CsvColumnSpec<N extends string = string> {
  name: N;
  /** Where the cell goes in CenterInputRaw. */
  path: readonly string[];
  kind: CellKind;
  required: boolean;
  description: string;
  example: string;
}

const col = <const N extends string>(name: N, kind: CellKind, description: string, example: string,
  extra: { path?: readonly string[]; required?: boolean } = {}): CsvColumnSpec<N> =>
  ({ name, path: extra.path ?? [name], kind, required: extra.required ?? false, description, example });
const LIST = '`;`-separated codes from GET /v1/taxonomy, any case';
const BOOL = 'true/false, yes/no or 1/0';

export const CSV_COLUMNS = [
  col('source', 'text', 'External data source (lowercase letters, digits, ".", "_", "-"); with source_id, the key a re-import updates on', 'county_sheet'),
  col('source_id', 'text', 'The record id in that source; give both source and source_id or neither', 'A-1042'),
  col('name', 'text', 'Center name as shown to callers', 'Harbor Light Recovery Center', { required: true }),
  col('description', 'text', 'Free text about the center', 'Evening IOP for working adults'),
  col('status', 'code', 'active (default), temporarily_closed or closed', 'active'),
  col('phone', 'text', 'Main phone number; an extension may follow as "x123" or "ext. 123"', '(212) 555-0142'),
  col('website', 'text', 'http(s) URL', 'https://harborlight.example.org'),
  col('email', 'text', 'Intake e-mail address', 'intake@harborlight.example.org'),
  col('address_line1', 'text', 'Street address', '125 W 125th St', { path: ['address', 'line1'], required: true }),
  col('address_line2', 'text', 'Suite, floor, building', 'Suite 4', { path: ['address', 'line2'] }),
  col('city', 'text', 'City or town of the postal address', 'New York', { path: ['address', 'city'], required: true }),
  col('state', 'state', 'Two-letter USPS state code', 'NY', { path: ['address', 'state'], required: true }),
  col('postal_code', 'text', '5-digit ZIP code (or ZIP+4); used to geocode when lat/lng are empty', '10027', { path: ['address', 'postal_code'], required: true }),
  col('lat', 'number', 'Latitude in degrees; give lat and lng together, or neither to geocode from postal_code', '40.8094', { path: ['location', 'lat'] }),
  col('lng', 'number', 'Longitude in degrees', '-73.948', { path: ['location', 'lng'] }),
  col('timezone', 'text', 'IANA time zone; derived from the location when empty', 'America/New_York'),
  col('levels_of_care', 'codes', `Levels of care offered (${LIST}); at least one`, 'iop;php;residential', { required: true }),
  col('modalities', 'codes', `Therapy modalities (${LIST})`, 'cbt;mi;group'),
  col('medications', 'codes', `Medications prescribed or dispensed (${LIST})`, 'buprenorphine;naltrexone'),
  col('payers', 'codes', `Payment types accepted (${LIST})`, 'medicaid;private;self_pay'),
  col('insurers', 'codes', `Commercial insurers in network (${LIST})`, 'aetna;cigna'),
  col('populations', 'codes', `Populations served (${LIST})`, 'adults;young_adults'),
  col('languages', 'codes', `Languages of treatment, ISO 639-1 (${LIST}); en when empty`, 'en;es'),
  col('telehealth', 'boolean', `Offers telehealth: ${BOOL}; false when empty`, 'yes'),
  col('accepting_new_patients', 'boolean', `Accepting new patients: ${BOOL}; true when empty`, 'true'),
  col('schedules', 'schedules', `Weekly sessions: \`;\`-separated \`${SCHEDULE_SYNTAX}\`; days as mon,wed,fri or ranges mon-fri; `
    + 'times HH:MM (24-hour, the center\'s time zone); format in_person (default), telehealth or hybrid',
  'iop:mon,wed,fri@18:00-21:00/hybrid; php:mon-fri@09:00-15:00'),
  col('prices', 'prices', `Published prices: \`;\`-separated \`${PRICE_SYNTAX}\`; unit day, week, session, hour or episode; `
    + `price_type cash (default) or billed_charge; keys: ${Object.entries(PRICE_KEYS).map(([k, v]) => `${k} = ${v}`).join('; ')}. `
    + 'Inside a value, write ":" as "\\:" and ";" as "\\;"',
  'iop:250/day:cash:days_per_week=3:weeks=8; residential:600/day:cash:days=30:room_and_board=yes:source=center website:as_of=2026-05-01'),
  col('accreditations', 'texts', '`;`-separated accreditations (write ";" inside one as "\\;")', 'joint_commission;carf'),
  col('license_number', 'text', 'State license number', 'OASAS-1234'),
  col('verified_at', 'datetime', 'When a person last confirmed the listing: ISO 8601 date-time, or a date (read as 00:00 UTC)', '2026-05-01T14:30:00Z'),
  col('conditions', 'codes', `Conditions treated (${LIST})`, 'alcohol;opioids;trauma_ptsd'),
  col('accessibility', 'codes', `Access (${LIST})`, 'wheelchair;near_transit'),
  col('intake_phone', 'text', 'Intake / assessment line, when it is not the main phone', '(212) 555-0143', { path: ['intake', 'phone'] }),
  col('intake_hours', 'intake_hours', `When the intake line is staffed: \`;\`-separated \`${INTAKE_HOURS_SYNTAX}\`; days as for schedules; `
    + 'times HH:MM in the center\'s time zone, 24:00 = midnight', 'mon-fri@08:00-20:00; sat@10:00-14:00', { path: ['intake', 'hours'] }),
  col('walk_in', 'boolean', `Walk-in assessments: ${BOOL}; unknown when empty`, 'yes', { path: ['intake', 'walk_in'] }),
  col('same_day_assessment', 'boolean', `Same-day assessment: ${BOOL}; unknown when empty`, 'yes', { path: ['intake', 'same_day_assessment'] }),
  col('referral_required', 'boolean', `Admission needs a referral: ${BOOL}; unknown when empty`, 'no', { path: ['intake', 'referral_required'] }),
  col('intake_note', 'text', 'What a caller should know about getting in', 'Bring photo ID if you have one', { path: ['intake', 'note'] }),
  col('availability', 'availability', `Openings per level: \`;\`-separated \`${AVAILABILITY_SYNTAX}\`; status open, waitlist or full; `
    + 'slots = open beds/slots (open), wait = waitlist days (waitlist), next = next intake date. Reported as of the import (reported_by import); '
    + 'an empty cell keeps the stored availability, and an entry equal to the stored one keeps its report time',
  'iop:open:slots=3; residential:waitlist:wait=14:next=2026-12-15; php:full'),
] as const;

export type CsvColumnName = (typeof CSV_COLUMNS)[number]['name'];
export type CsvRow = Record<CsvColumnName, string>;
export interface CsvFieldError { field: string; message: string }
export type CsvRowOptions = PriceDefaults;

const COLUMN_NAMES: ReadonlySet<string> = new Set(CSV_COLUMNS.map((c) => c.name));
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parseCell(column: CsvColumnSpec, cell: string, options: CsvRowOptions): CellResult<unknown> {
  const single = (r: ReturnType<typeof parseNumber> | ReturnType<typeof parseBoolean>) =>
    (r.ok ? { value: r.value, errors: [] } : { value: undefined, errors: [r.message] });
  switch (column.kind) {
    case 'text': return { value: cell, errors: [] };
    case 'code': return { value: cell.toLowerCase(), errors: [] };
    case 'state': return { value: cell.toUpperCase(), errors: [] };
    case 'codes': return { value: parseList(cell).map((c) => c.toLowerCase()), errors: [] };
    case 'texts': return { value: parseList(cell), errors: [] };
    case 'number': return single(parseNumber(cell));
    case 'boolean': return single(parseBoolean(cell));
    case 'datetime': return { value: DATE_ONLY.test(cell) ? `${cell}T00:00:00Z` : cell, errors: [] };
    case 'schedules': return parseSchedules(cell);
    case 'prices': return parsePrices(cell, options);
    case 'intake_hours': return parseIntakeHours(cell);
    case 'availability': return parseAvailability(cell);
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown) {
  const [head, ...rest] = path;
  if (rest.length === 0) target[head] = value;
  else setPath((target[head] ??= {}) as Record<string, unknown>, rest, value);
}

/**
 * One CSV row (header name → cell) to the CenterInputRaw shape, without validating values.
 * Empty cells leave the field out; a cell with bad syntax gives an error naming its column
 * and is left out too. `address` is always present so that each missing address cell is
 * reported by the schema under its own column.
 */
export function csvRowToCenterInput(row: Record<string, string | undefined>, options: CsvRowOptions):
  { input: Record<string, unknown>; errors: CsvFieldError[] } {
  const input: Record<string, unknown> = { address: {} };
  const errors: CsvFieldError[] = Object.keys(row).filter((k) => !COLUMN_NAMES.has(k))
    .map((field) => ({ field, message: 'is not a known column' }));
  for (const column of CSV_COLUMNS) {
    const cell = row[column.name]?.trim() ?? '';
    if (cell === '') continue;
    const { value, errors: problems } = parseCell(column, cell, options);
    if (problems.length > 0) errors.push(...problems.map((message) => ({ field: column.name, message })));
    else if (!Array.isArray(value) || value.length > 0) setPath(input, column.path, value);
  }
  const given = (name: 'lat' | 'lng') => (row[name]?.trim() ?? '') !== '';
  if (given('lat') !== given('lng')) {
    const [missing, other] = given('lat') ? ['lng', 'lat'] : ['lat', 'lng'];
    errors.push({ field: missing, message: `is empty but ${other} is given: give both, or neither to geocode from postal_code` });
    delete input.location;
  }
  return { input, errors };
}

const getPath = (source: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((v, key) => (v == null ? undefined : (v as Record<string, unknown>)[key]), source);

function formatCell(column: CsvColumnSpec, value: unknown): string {
  if (value == null) return '';
  switch (column.kind) {
    case 'boolean': return value ? 'true' : 'false';
    case 'codes':
    case 'texts': return formatList(value as string[]);
    case 'schedules': return formatSchedules(value as Parameters<typeof formatSchedules>[0]);
    case 'prices': return formatPrices(value as Parameters<typeof formatPrices>[0]);
    case 'intake_hours': return formatIntakeHours(value as Parameters<typeof formatIntakeHours>[0]);
    case 'availability': return formatAvailability(value as Parameters<typeof formatAvailability>[0]);
    default: return String(value);
  }
}

/**
 * The inverse of csvRowToCenterInput, for export and generated CSV files: every column, ''
 * for absent, null and empty lists. Round trip: csvRowToCenterInput(centerToCsvRow(x)).input
 * deep-equals x for every valid x whose optional fields are absent rather than null, whose
 * lists are non-empty and whose strings are trimmed (other inputs come back in that form).
 */
export function centerToCsvRow(center: CenterInputRaw): CsvRow {
  return Object.fromEntries(CSV_COLUMNS.map((c) => [c.name, formatCell(c, getPath(center, c.path))])) as CsvRow;
}

/** Names people often use for a column, for "did you mean" hints. */
const ALIASES: Record<string, CsvColumnName> = {
  zip: 'postal_code', zip_code: 'postal_code', zipcode: 'postal_code', postcode: 'postal_code',
  address: 'address_line1', street: 'address_line1', address1: 'address_line1', address2: 'address_line2',
  latitude: 'lat', longitude: 'lng', lon: 'lng', long: 'lng', url: 'website', web: 'website',
  phone_number: 'phone', telephone: 'phone', levels: 'levels_of_care', level_of_care: 'levels_of_care',
  level: 'levels_of_care', insurance: 'insurers', condition: 'conditions', substances: 'conditions', intake: 'intake_phone', payment: 'payers', language: 'languages', id: 'source_id',
};
const normalized = (name: string) => name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Problems with a CSV header (unknown, duplicate, unnamed or missing required columns); [] when fine. */
export function checkCsvHeader(header: readonly string[]): string[] {
  const problems: string[] = [];
  header.forEach((name, i) => { if (name.trim() === '') problems.push(`column ${i + 1} has no name`); });
  const duplicates = [...new Set(header.filter((name, i) => name.trim() !== '' && header.indexOf(name) !== i))];
  if (duplicates.length) problems.push(`duplicate columns: ${duplicates.map((d) => `"${d}"`).join(', ')}`);
  const unknown = [...new Set(header.filter((name) => name.trim() !== '' && !COLUMN_NAMES.has(name)))];
  if (unknown.length) {
    const hint = (name: string) => {
      const guess = COLUMN_NAMES.has(normalized(name)) ? normalized(name) : ALIASES[normalized(name)];
      return guess ? `"${name}" (did you mean "${guess}"?)` : `"${name}"`;
    };
    problems.push(`unknown columns: ${unknown.map(hint).join(', ')}; the columns are: ${[...COLUMN_NAMES].join(', ')}`);
  }
  const missing = CSV_COLUMNS.filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
  if (missing.length) problems.push(`missing required columns: ${missing.join(', ')}`);
  return problems;
}

/**
 * The CSV column a CenterInputSchema error path belongs to: ['address', 'postal_code'] →
 * 'postal_code', ['schedules', 1, 'start'] → 'schedules', ['location', 'lat'] → 'lat'.
 * A path that stops at an object ('address', 'location') names its first column.
 */
export function csvColumnForPath(path: readonly (string | number)[]): string {
  const exact = CSV_COLUMNS.find((c) => c.path.every((key, i) => path[i] === key));
  const parent = CSV_COLUMNS.find((c) => c.path[0] === path[0]);
  return (exact ?? parent)?.name ?? (path.length ? String(path[0]) : '');
}

/**
 * Zod issues of CenterInputSchema as CSV errors: the column, and for a list entry its
 * 1-based number (`entry 2 start: must be HH:MM (24-hour)`, `item 3: Invalid option ...`).
 * Given the input that was parsed, a required field that is absent reads "is required".
 */
export function csvErrorsFromIssues(issues: readonly { code?: string; path: readonly PropertyKey[]; message: string }[],
  input?: unknown): CsvFieldError[] {
  return issues.map(({ code, path, message: zodMessage }) => {
    const keys = path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    const field = csvColumnForPath(keys);
    const absent = code === 'invalid_type' && input !== undefined && getPath(input, keys.map(String)) === undefined;
    const message = absent ? 'is required' : zodMessage;
    const [head, index, ...rest] = keys;
    if (typeof index !== 'number' || head !== field) return { field, message };
    const kind = CSV_COLUMNS.find((c) => c.name === field)?.kind;
    const label = kind === 'schedules' || kind === 'prices' || kind === 'availability' ? 'entry' : 'item';
    return { field, message: `${label} ${index + 1}${rest.length ? ` ${rest.join('.')}` : ''}: ${message}` };
  });
}

/** The column list as a Markdown table, for the README and the OpenAPI description. */
export function csvColumnsMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return ['| column | required | description | example |', '|---|---|---|---|',
    ...CSV_COLUMNS.map((c) => `| \`${c.name}\` | ${c.required ? 'yes' : ''} | ${cell(c.description)} | \`${cell(c.example)}\` |`)].join('\n');
}
