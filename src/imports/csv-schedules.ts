import type { CenterInputRaw } from '../centers/center-schema';
import { DAYS, type Day } from '../taxonomy/codes';
import { fail, ok, type CellResult, type Parsed } from './csv-cells';

/**
 * The compact `schedules` cell: `;`-separated entries `level:days@start-end[/format]`, e.g.
 * `iop:mon,wed,fri@18:00-21:00/hybrid; php:mon-fri@09:00-15:00`. Days are listed with commas
 * and ranges (`mon-fri`, `mon,wed-fri`); times are 24-hour HH:MM (`9:00` reads as `09:00`);
 * the format is omitted for the default (in_person). Codes and days are case-insensitive.
 * Levels and formats are checked against the taxonomy by CenterInputSchema, not here.
 */
export type CsvSchedule = NonNullable<CenterInputRaw['schedules']>[number];

export const SCHEDULE_SYNTAX = 'level:days@start-end[/format]';
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function parseTime(text: string): Parsed<string> {
  const m = TIME.exec(text.trim());
  return m ? ok(`${m[1].padStart(2, '0')}:${m[2]}`) : fail('time must be HH:MM');
}

function parseDay(text: string): Parsed<Day> {
  const day = text.trim().toLowerCase();
  return (DAYS as readonly string[]).includes(day)
    ? ok(day as Day)
    : fail(`unknown day "${text.trim()}" (use ${DAYS.join(', ')})`);
}

/** `mon,wed-fri` → ['mon', 'wed', 'thu', 'fri'], in the order written. */
export function parseDays(text: string): Parsed<Day[]> {
  if (text.trim() === '') return fail('days are missing');
  const days: Day[] = [];
  for (const token of text.split(',')) {
    const [from, to, ...rest] = token.split('-');
    if (rest.length > 0) return fail(`day range "${token.trim()}" must be day-day`);
    const first = parseDay(from);
    if (!first.ok) return first;
    if (to === undefined) {
      days.push(first.value);
      continue;
    }
    const last = parseDay(to);
    if (!last.ok) return last;
    const [i, j] = [DAYS.indexOf(first.value), DAYS.indexOf(last.value)];
    if (j <= i) return fail(`day range "${token.trim()}" must run forward from mon to sun`);
    days.push(...DAYS.slice(i, j + 1));
  }
  return ok(days);
}

/** Writes runs of three or more consecutive days as ranges; keeps the order given. */
export function formatDays(days: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && DAYS.indexOf(days[j + 1] as Day) === DAYS.indexOf(days[j] as Day) + 1
      && DAYS.indexOf(days[j] as Day) >= 0) j++;
    out.push(j - i >= 2 ? `${days[i]}-${days[j]}` : days.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return out.join(',');
}

function parseEntry(entry: string): Parsed<CsvSchedule> {
  const colon = entry.indexOf(':');
  if (colon < 0) return fail(`expected ${SCHEDULE_SYNTAX}`);
  const level = entry.slice(0, colon).trim().toLowerCase();
  if (level === '') return fail('level is missing');
  const rest = entry.slice(colon + 1);
  const at = rest.indexOf('@');
  if (at < 0) return fail('days and times must be separated by "@"');
  const days = parseDays(rest.slice(0, at));
  if (!days.ok) return days;
  const [times, format, ...extra] = rest.slice(at + 1).split('/');
  if (extra.length > 0) return fail('only one "/format" may follow the times');
  const [startText, endText, ...more] = times.split('-');
  if (endText === undefined || more.length > 0) return fail('times must be start-end, e.g. 18:00-21:00');
  const start = parseTime(startText);
  if (!start.ok) return start;
  const end = parseTime(endText);
  if (!end.ok) return end;
  const schedule: CsvSchedule = { level: level as CsvSchedule['level'], days: days.value, start: start.value, end: end.value };
  if (format !== undefined) {
    if (format.trim() === '') return fail('format is missing after "/"');
    schedule.format = format.trim().toLowerCase() as CsvSchedule['format'];
  }
  return ok(schedule);
}

/** Parses the whole cell; each bad entry gives one error with its 1-based number and text. */
export function parseSchedules(cell: string): CellResult<CsvSchedule[]> {
  const entries = cell.split(';').map((e) => e.trim()).filter((e) => e !== '');
  const value: CsvSchedule[] = [];
  const errors: string[] = [];
  entries.forEach((entry, i) => {
    const parsed = parseEntry(entry);
    if (parsed.ok) value.push(parsed.value);
    else errors.push(`entry ${i + 1} "${entry}": ${parsed.message}`);
  });
  return { value, errors };
}

export const formatSchedules = (schedules: readonly CsvSchedule[]) => schedules
  .map((s) => `${s.level}:${formatDays(s.days)}@${s.start}-${s.end}${s.format !== undefined ? `/${s.format}` : ''}`)
  .join('; ');
