import type { CenterInputRaw } from '../centers/center-schema';
import { fail, ok, parseNumber, type CellResult, type Parsed } from './csv-cells';
import { formatDays, parseDays } from './csv-schedules';

/**
 * The compact cells of the treatment facts:
 * - `intake_hours`: `;`-separated `days@start-end`, e.g. `mon-fri@08:00-17:00; sat@10:00-14:00`
 *   (24:00 = midnight; `mon-sun@00:00-24:00` = around the clock).
 * - `availability`: `;`-separated `level:status[:slots=N][:wait=N][:next=YYYY-MM-DD]`, e.g.
 *   `iop:open:slots=3; residential:waitlist:wait=14:next=2026-12-15; detox:full`.
 * Values are checked by CenterInputSchema afterwards (levels, statuses, ranges).
 */
export type CsvIntakeHours = NonNullable<NonNullable<CenterInputRaw['intake']>['hours']>[number];
export type CsvAvailability = NonNullable<CenterInputRaw['availability']>[number];

export const INTAKE_HOURS_SYNTAX = 'days@start-end';
export const AVAILABILITY_SYNTAX = 'level:status[:slots=N][:wait=N][:next=YYYY-MM-DD]';
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$|^(24):(00)$/;

function parseTime(text: string): Parsed<string> {
  const m = TIME.exec(text.trim());
  if (!m) return fail('time must be HH:MM');
  const [h, min] = m[1] !== undefined ? [m[1], m[2]] : [m[3], m[4]];
  return ok(`${h.padStart(2, '0')}:${min}`);
}

function parseHoursEntry(entry: string): Parsed<CsvIntakeHours> {
  const at = entry.indexOf('@');
  if (at < 0) return fail(`expected ${INTAKE_HOURS_SYNTAX}, e.g. mon-fri@08:00-17:00`);
  const days = parseDays(entry.slice(0, at));
  if (!days.ok) return days;
  const [startText, endText, ...more] = entry.slice(at + 1).split('-');
  if (endText === undefined || more.length > 0) return fail('times must be start-end, e.g. 08:00-17:00');
  const start = parseTime(startText);
  if (!start.ok) return start;
  const end = parseTime(endText);
  if (!end.ok) return end;
  return ok({ days: days.value, start: start.value, end: end.value });
}

function parseAvailabilityEntry(entry: string): Parsed<CsvAvailability> {
  const [level, status, ...keys] = entry.split(':').map((p) => p.trim());
  if (!level || !status) return fail(`expected ${AVAILABILITY_SYNTAX}`);
  const a: CsvAvailability = { level: level.toLowerCase() as CsvAvailability['level'], status: status.toLowerCase() as CsvAvailability['status'] };
  for (const kv of keys) {
    const [key, value, ...rest] = kv.split('=').map((p) => p.trim());
    if (value === undefined || rest.length) return fail(`"${kv}" must be key=value`);
    if (key === 'next') { a.next_intake_date = value; continue; }
    if (key !== 'slots' && key !== 'wait') return fail(`unknown key "${key}" (use slots, wait or next)`);
    const n = parseNumber(value);
    if (!n.ok) return fail(`${key}: ${n.message}`);
    if (key === 'slots') a.open_slots = n.value; else a.waitlist_days = n.value;
  }
  return ok(a);
}

function parseEntries<T>(cell: string, parse: (e: string) => Parsed<T>): CellResult<T[]> {
  const value: T[] = [];
  const errors: string[] = [];
  cell.split(';').map((e) => e.trim()).filter((e) => e !== '').forEach((entry, i) => {
    const parsed = parse(entry);
    if (parsed.ok) value.push(parsed.value);
    else errors.push(`entry ${i + 1} "${entry}": ${parsed.message}`);
  });
  return { value, errors };
}

export const parseIntakeHours = (cell: string) => parseEntries(cell, parseHoursEntry);
export const parseAvailability = (cell: string) => parseEntries(cell, parseAvailabilityEntry);

export const formatIntakeHours = (hours: readonly CsvIntakeHours[]) =>
  hours.map((h) => `${formatDays(h.days)}@${h.start}-${h.end}`).join('; ');

export const formatAvailability = (entries: readonly CsvAvailability[]) => entries.map((a) => [
  a.level, a.status,
  ...(a.open_slots != null ? [`slots=${a.open_slots}`] : []),
  ...(a.waitlist_days != null ? [`wait=${a.waitlist_days}`] : []),
  ...(a.next_intake_date ? [`next=${a.next_intake_date}`] : []),
].join(':')).join('; ');
