import { csvRowToCenterInput, type CsvRowOptions } from '../../../src/imports/csv-columns';
import { formatDays, formatSchedules, parseDays } from '../../../src/imports/csv-schedules';
import { formatPrices } from '../../../src/imports/csv-prices';

const options = { importDate: '2026-06-01' };
const read = (column: 'schedules' | 'prices', cell: string, opts: CsvRowOptions = options) => csvRowToCenterInput({ [column]: cell }, opts);

describe('schedules cell', () => {
  it('reads the documented example', () => {
    const { input, errors } = read('schedules', 'iop:mon,wed,fri@18:00-21:00/hybrid; php:mon-fri@09:00-15:00');
    expect(errors).toEqual([]);
    expect(input.schedules).toStrictEqual([
      { level: 'iop', days: ['mon', 'wed', 'fri'], start: '18:00', end: '21:00', format: 'hybrid' },
      { level: 'php', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '15:00' },
    ]);
  });

  it('accepts ranges mixed with single days, one-digit hours, any case and spacing, and a trailing ";"', () => {
    const { input, errors } = read('schedules', ' IOP : Mon , wed-FRI , sun @ 9:00 - 12:30 / Telehealth ;');
    expect(errors).toEqual([]);
    expect(input.schedules).toStrictEqual([
      { level: 'iop', days: ['mon', 'wed', 'thu', 'fri', 'sun'], start: '09:00', end: '12:30', format: 'telehealth' },
    ]);
  });

  it.each([
    ['iop mon', 'expected level:days@start-end[/format]'],
    [':mon@18:00-21:00', 'level is missing'],
    ['iop:mon 18:00-21:00', 'days and times must be separated by "@"'],
    ['iop:@18:00-21:00', 'days are missing'],
    ['iop:mon,funday@18:00-21:00', 'unknown day "funday" (use mon, tue, wed, thu, fri, sat, sun)'],
    ['iop:mon,@18:00-21:00', 'unknown day "" (use mon, tue, wed, thu, fri, sat, sun)'],
    ['iop:mon-wed-fri@18:00-21:00', 'day range "mon-wed-fri" must be day-day'],
    ['iop:fri-mon@18:00-21:00', 'day range "fri-mon" must run forward from mon to sun'],
    ['iop:mon-mon@18:00-21:00', 'day range "mon-mon" must run forward from mon to sun'],
    ['iop:mon@18:00', 'times must be start-end, e.g. 18:00-21:00'],
    ['iop:mon@18:00-19:00-21:00', 'times must be start-end, e.g. 18:00-21:00'],
    ['iop:mon@18-21', 'time must be HH:MM'],
    ['iop:mon@18:00-24:00', 'time must be HH:MM'],
    ['iop:mon@18:60-21:00', 'time must be HH:MM'],
    ['iop:mon@6pm-9pm', 'time must be HH:MM'],
    ['iop:mon@18:00-21:00/', 'format is missing after "/"'],
    ['iop:mon@18:00-21:00/hybrid/in_person', 'only one "/format" may follow the times'],
  ])('rejects "%s": %s', (entry, message) => {
    const { input, errors } = read('schedules', `php:mon-fri@09:00-15:00; ${entry}`);
    expect(errors).toEqual([{ field: 'schedules', message: `entry 2 "${entry}": ${message}` }]);
    expect(input).not.toHaveProperty('schedules');
  });

  it('reports every bad entry, numbered from 1', () => {
    expect(read('schedules', 'iop:mon@18-21; iop:mon@18:00-21:00; iop:xyz@18:00-21:00').errors).toEqual([
      { field: 'schedules', message: 'entry 1 "iop:mon@18-21": time must be HH:MM' },
      { field: 'schedules', message: 'entry 3 "iop:xyz@18:00-21:00": unknown day "xyz" (use mon, tue, wed, thu, fri, sat, sun)' },
    ]);
  });

  it('writes runs of three or more days as ranges and keeps the order', () => {
    expect(formatDays(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('mon-fri');
    expect(formatDays(['mon', 'tue', 'thu', 'sat', 'sun'])).toBe('mon,tue,thu,sat,sun');
    expect(formatDays(['fri', 'sat', 'sun', 'mon'])).toBe('fri-sun,mon');
    expect(formatDays(['wed', 'mon', 'tue'])).toBe('wed,mon,tue');
    for (const days of [['mon', 'tue', 'wed', 'thu', 'fri'], ['fri', 'sat', 'sun', 'mon'], ['wed', 'mon', 'tue'], ['sun']]) {
      expect(parseDays(formatDays(days))).toEqual({ ok: true, value: days });
    }
  });

  it('writes the format only when the schedule has one', () => {
    expect(formatSchedules([
      { level: 'iop', days: ['mon', 'wed', 'fri'], start: '18:00', end: '21:00', format: 'hybrid' },
      { level: 'otp', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '06:00', end: '10:00' },
    ])).toBe('iop:mon,wed,fri@18:00-21:00/hybrid; otp:mon-sun@06:00-10:00');
  });
});

describe('prices cell', () => {
  it('reads the documented example, filling price_type, source and as_of defaults', () => {
    const { input, errors } = read('prices', 'iop:250/day:cash:days_per_week=3:weeks=8; '
      + 'residential:600/day:cash:days=30:room_and_board=yes:source=center website:as_of=2026-05-01');
    expect(errors).toEqual([]);
    expect(input.prices).toStrictEqual([
      { level: 'iop', amount: 250, unit: 'day', price_type: 'cash', days_per_week: 3, typical_length: { value: 8, unit: 'week' }, source: 'import', as_of: '2026-06-01' },
      { level: 'residential', amount: 600, unit: 'day', price_type: 'cash', typical_length: { value: 30, unit: 'day' }, includes_room_and_board: true, source: 'center website', as_of: '2026-05-01' },
    ]);
  });

  it('defaults price_type to cash and takes the default source from the options', () => {
    const { input } = read('prices', 'php:$450.50/day', { importDate: '2026-07-04', priceSource: 'county rate sheet' });
    expect(input.prices).toStrictEqual([
      { level: 'php', amount: 450.5, unit: 'day', price_type: 'cash', source: 'county rate sheet', as_of: '2026-07-04' },
    ]);
  });

  it('reads billed_charge, hours_per_week, room_and_board=no and keys in any order and case', () => {
    const { input, errors } = read('prices', 'IOP:1200/Week:Billed_Charge:Hours_Per_Week=9.5:room_and_board=0:AS_OF=2026-01-15');
    expect(errors).toEqual([]);
    expect(input.prices).toStrictEqual([
      { level: 'iop', amount: 1200, unit: 'week', price_type: 'billed_charge', hours_per_week: 9.5, includes_room_and_board: false, source: 'import', as_of: '2026-01-15' },
    ]);
  });

  it('reads backslash escapes in a value: ":" ";" "\\" and keeps "=" after the first', () => {
    const { input, errors } = read('prices', String.raw`iop:250/day:source=https\://example.org/rates?a=b\;c\\d; php:400/day`);
    expect(errors).toEqual([]);
    expect((input.prices as { source: string }[]).map((p) => p.source)).toEqual(['https://example.org/rates?a=b;c\\d', 'import']);
  });

  it.each([
    ['iop', 'expected level:amount/unit[:price_type][:key=value...]'],
    [':250/day', 'level is missing'],
    ['iop:250', 'price must be amount/unit, e.g. 250/day'],
    ['iop:250/day/week', 'price must be amount/unit, e.g. 250/day'],
    ['iop:abc/day', 'amount must be a number, got "abc"'],
    ['iop:1,200/day', 'amount must be a number, got "1,200"'],
    ['iop:250/', 'unit is missing'],
    ['iop:250/day:cash:billed_charge', 'expected key=value, got "billed_charge" (write ":" inside a value as "\\:")'],
    ['iop:250/day:source=https://example.org', 'expected key=value, got "//example.org" (write ":" inside a value as "\\:")'],
    ['iop:250/day:foo=1', 'unknown key "foo" (use days, weeks, days_per_week, hours_per_week, room_and_board, source, as_of)'],
    ['iop:250/day:source=a:source=b', 'key "source" is given twice'],
    ['iop:250/day:source=', 'source has no value'],
    ['iop:250/day:days=30:weeks=4', 'give days or weeks, not both'],
    ['iop:250/day:days=thirty', 'days must be a number, got "thirty"'],
    ['iop:250/day:days_per_week=three', 'days_per_week must be a number, got "three"'],
    ['iop:250/day:hours_per_week=9h', 'hours_per_week must be a number, got "9h"'],
    ['iop:250/day:room_and_board=maybe', 'room_and_board must be true/false, yes/no or 1/0, got "maybe"'],
  ])('rejects "%s": %s', (entry, message) => {
    const { input, errors } = read('prices', `php:400/day; ${entry}`);
    expect(errors).toEqual([{ field: 'prices', message: `entry 2 "${entry}": ${message}` }]);
    expect(input).not.toHaveProperty('prices');
  });

  it('writes every field, escaping ":", ";" and "\\" in the source', () => {
    expect(formatPrices([
      { level: 'residential', amount: 600, unit: 'day', price_type: 'cash', typical_length: { value: 30, unit: 'day' }, includes_room_and_board: true, source: 'center website', as_of: '2026-05-01' },
      { level: 'iop', amount: 250.5, unit: 'session', price_type: 'billed_charge', typical_length: { value: 8, unit: 'week' }, days_per_week: 3, hours_per_week: 9, includes_room_and_board: false, source: 'a:b;c\\d', as_of: '2026-05-02' },
    ])).toBe('residential:600/day:cash:days=30:room_and_board=yes:source=center website:as_of=2026-05-01; '
      + String.raw`iop:250.5/session:billed_charge:weeks=8:days_per_week=3:hours_per_week=9:room_and_board=no:source=a\:b\;c\\d:as_of=2026-05-02`);
  });
});
