import type { CenterInputRaw } from '../centers/center-schema';
import {
  escape, fail, indexOfUnescaped, ok, parseBoolean, parseNumber, splitEscaped, unescape,
  type CellResult, type Parsed,
} from './csv-cells';

/**
 * The compact `prices` cell: `;`-separated entries `level:amount/unit[:price_type][:key=value...]`,
 * e.g. `iop:250/day:cash:days_per_week=3:weeks=8`. The price type (cash | billed_charge)
 * may only come third; everything after it is key=value. A backslash makes the next character
 * literal, so a source may hold ":" or ";" (`source=https\://example.org/rates`).
 * Defaults: price_type cash, source "import" (or options.priceSource), as_of the import date.
 * Levels, units and price types are checked against the taxonomy by CenterInputSchema.
 */
export type CsvPrice = NonNullable<CenterInputRaw['prices']>[number];

export interface PriceDefaults {
  /** as_of of an entry that gives none: the import date, YYYY-MM-DD. */
  importDate: string;
  /** source of an entry that gives none; "import" when not set. */
  priceSource?: string;
}

export const PRICE_SYNTAX = 'level:amount/unit[:price_type][:key=value...]';
export const PRICE_KEYS = {
  days: 'typical length in days (days=30)',
  weeks: 'typical length in weeks (weeks=8); give days or weeks, not both',
  days_per_week: 'attendance days per week (outpatient levels)',
  hours_per_week: 'program hours per week (outpatient levels)',
  room_and_board: 'room and board included: yes/no',
  source: 'where the price came from (default "import")',
  as_of: 'date the price was published or confirmed, YYYY-MM-DD (default: the import date)',
} as const;
type PriceKey = keyof typeof PRICE_KEYS;
/** An entry while its keys are read: source and as_of are filled from the defaults at the end. */
type DraftPrice = Omit<CsvPrice, 'source' | 'as_of'> & Partial<Pick<CsvPrice, 'source' | 'as_of'>>;
const isPriceKey = (key: string): key is PriceKey => Object.hasOwn(PRICE_KEYS, key);

const numberFor = (key: string, text: string): Parsed<number> => {
  const n = parseNumber(text);
  return n.ok ? n : fail(`${key} must be a number, got "${text}"`);
};

function applyKey(price: DraftPrice, key: PriceKey, value: string): Parsed<true> {
  switch (key) {
    case 'days':
    case 'weeks': {
      if (price.typical_length) return fail('give days or weeks, not both');
      const n = numberFor(key, value);
      if (!n.ok) return n;
      price.typical_length = { value: n.value, unit: key === 'days' ? 'day' : 'week' };
      return ok(true);
    }
    case 'days_per_week':
    case 'hours_per_week': {
      const n = numberFor(key, value);
      if (!n.ok) return n;
      price[key] = n.value;
      return ok(true);
    }
    case 'room_and_board': {
      const b = parseBoolean(value);
      if (!b.ok) return fail(`room_and_board ${b.message}`);
      price.includes_room_and_board = b.value;
      return ok(true);
    }
    case 'source':
    case 'as_of':
      price[key] = value;
      return ok(true);
  }
}

function parseEntry(entry: string, defaults: PriceDefaults): Parsed<CsvPrice> {
  const [levelPart, amountPart, ...rest] = splitEscaped(entry, ':');
  if (amountPart === undefined) return fail(`expected ${PRICE_SYNTAX}`);
  const level = unescape(levelPart).trim().toLowerCase();
  if (level === '') return fail('level is missing');
  const [amountText, unitText, ...extra] = unescape(amountPart).split('/');
  if (unitText === undefined || extra.length > 0) return fail('price must be amount/unit, e.g. 250/day');
  const amount = parseNumber(amountText.trim().replace(/^\$/, ''));
  if (!amount.ok) return fail(`amount must be a number, got "${amountText.trim()}"`);
  if (unitText.trim() === '') return fail('unit is missing');
  const unit = unitText.trim().toLowerCase() as CsvPrice['unit'];
  const price: DraftPrice = { level: level as CsvPrice['level'], amount: amount.value, unit, price_type: 'cash' };
  const seen = new Set<string>();
  for (const [i, part] of rest.entries()) {
    const eq = indexOfUnescaped(part, '=');
    if (eq < 0) {
      if (i === 0 && part.trim() !== '') {
        price.price_type = unescape(part).trim().toLowerCase() as CsvPrice['price_type'];
        continue;
      }
      return fail(`expected key=value, got "${part.trim()}" (write ":" inside a value as "\\:")`);
    }
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = unescape(part.slice(eq + 1)).trim();
    if (!isPriceKey(key)) return fail(`unknown key "${key}" (use ${Object.keys(PRICE_KEYS).join(', ')})`);
    if (seen.has(key)) return fail(`key "${key}" is given twice`);
    seen.add(key);
    if (value === '') return fail(`${key} has no value`);
    const applied = applyKey(price, key, value);
    if (!applied.ok) return applied;
  }
  return ok({ ...price, source: price.source ?? defaults.priceSource ?? 'import', as_of: price.as_of ?? defaults.importDate });
}

/** Parses the whole cell; each bad entry gives one error with its 1-based number and text. */
export function parsePrices(cell: string, defaults: PriceDefaults): CellResult<CsvPrice[]> {
  const entries = splitEscaped(cell, ';').map((e) => e.trim()).filter((e) => e !== '');
  const value: CsvPrice[] = [];
  const errors: string[] = [];
  entries.forEach((entry, i) => {
    const parsed = parseEntry(entry, defaults);
    if (parsed.ok) value.push(parsed.value);
    else errors.push(`entry ${i + 1} "${entry}": ${parsed.message}`);
  });
  return { value, errors };
}

function formatEntry(p: CsvPrice): string {
  const parts = [p.level, `${p.amount}/${p.unit}`];
  if (p.price_type != null) parts.push(p.price_type);
  if (p.typical_length != null) parts.push(`${p.typical_length.unit === 'day' ? 'days' : 'weeks'}=${p.typical_length.value}`);
  if (p.days_per_week != null) parts.push(`days_per_week=${p.days_per_week}`);
  if (p.hours_per_week != null) parts.push(`hours_per_week=${p.hours_per_week}`);
  if (p.includes_room_and_board != null) parts.push(`room_and_board=${p.includes_room_and_board ? 'yes' : 'no'}`);
  if (p.source != null) parts.push(`source=${escape(p.source, ':;')}`);
  if (p.as_of != null) parts.push(`as_of=${p.as_of}`);
  return parts.join(':');
}

export const formatPrices = (prices: readonly CsvPrice[]) => prices.map(formatEntry).join('; ');
