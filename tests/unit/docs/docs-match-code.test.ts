import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import * as codes from '../../../src/taxonomy/codes';
import { CSV_COLUMNS, csvColumnsMarkdown } from '../../../src/imports/csv-columns';
import { PRICE_KEYS } from '../../../src/imports/csv-prices';
import { REFERENCE_FIGURES } from '../../../src/costs/reference-figures';
import { formatPercent, formatUsd } from '../../../src/costs/money';
import * as reportReasons from '../../../src/listing-trust/report-reasons';

/**
 * docs/ is written by hand from the code; these checks make it fail loudly when the code
 * publishes something the docs do not mention, so the two cannot drift silently.
 */
const DOCS = path.join(__dirname, '../../../docs');
const read = (name: string) => readFileSync(path.join(DOCS, name), 'utf8');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every code of every list codes.ts exports, found generically so that lists added later are
 * checked too: an exported array of strings gives its items; an exported object gives its keys,
 * and any string arrays one level inside it (CODE_FIELDS' lists, each level's SAMHSA codes).
 */
function publishedCodes(mod: Record<string, unknown>): Map<string, Set<string>> {
  const byList = new Map<string, Set<string>>();
  const add = (list: string, code: string) => {
    if (!byList.has(list)) byList.set(list, new Set());
    byList.get(list)!.add(code);
  };
  const strings = (v: unknown): string[] => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : []);
  for (const [name, value] of Object.entries(mod)) {
    if (Array.isArray(value)) { for (const code of strings(value)) add(name, code); continue; }
    if (value === null || typeof value !== 'object') continue;
    for (const [key, inner] of Object.entries(value)) {
      add(name, key);
      for (const code of strings(inner)) add(name, code);
      if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
        for (const nested of Object.values(inner)) for (const code of strings(nested)) add(`${name}.${key}`, code);
      }
    }
  }
  return byList;
}

describe('docs/domain.md lists every published code', () => {
  const doc = read('domain.md');
  const lists = publishedCodes(codes as unknown as Record<string, unknown>);

  test('the code lists are found (the generic walk sees CODE_FIELDS and the fixed lists)', () => {
    for (const field of Object.keys(codes.CODE_FIELDS)) expect(lists.get('CODE_FIELDS')).toContain(field);
    expect(lists.get('LEVELS_OF_CARE')).toContain('iop');
    expect(lists.get('LEVELS_OF_CARE.iop')).toContain('OIT');
    expect(lists.get('STATUSES')).toContain('temporarily_closed');
    expect(lists.get('LANGUAGES')?.size).toBeGreaterThan(5);
  });

  test.each([...lists.entries()].map(([list, set]) => [list, [...set]] as const))('%s', (_list, listCodes) => {
    const missing = listCodes.filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  test('the report reasons and statuses are listed under "Trust in listings"', () => {
    const trust = doc.slice(doc.indexOf('## Trust in listings'));
    const listed = publishedCodes(reportReasons as unknown as Record<string, unknown>);
    const missing = [...listed.values()].flatMap((set) => [...set]).filter((code) => !trust.includes(`\`${code}\``));
    expect(listed.size).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  test('each code field has a section named after it', () => {
    const missing = Object.keys(codes.CODE_FIELDS).filter((field) => !new RegExp(`^###? .*\\(\`${field}\`\\)`, 'm').test(doc));
    expect(missing).toEqual([]);
  });
});

describe('docs/csv-format.md documents every CSV column', () => {
  const doc = read('csv-format.md');

  test('each column of CSV_COLUMNS has a row in the column table, with its required flag', () => {
    const problems = CSV_COLUMNS.flatMap((c) => {
      const row = new RegExp(`^\\| \`${escapeRe(c.name)}\` \\| ${c.required ? 'yes' : ''} \\|`, 'm');
      return row.test(doc) ? [] : [c.name];
    });
    expect(problems).toEqual([]);
  });

  test('the column table is the one the code generates (descriptions included; see the page for the command)', () => {
    expect(doc.includes(csvColumnsMarkdown())).toBe(true);
  });

  test('each key of the prices syntax is documented', () => {
    const missing = Object.keys(PRICE_KEYS).filter((key) => !new RegExp(`^\\| \`${key}\` \\|`, 'm').test(doc));
    expect(missing).toEqual([]);
  });
});

describe('docs/cost-model.md gives every reference figure with its year', () => {
  const lines = read('cost-model.md').split('\n').filter((l) => l.startsWith('|'));

  test.each(Object.entries(REFERENCE_FIGURES))('%s', (_name, figure) => {
    const value = 'cents' in figure ? formatUsd(figure.cents) : formatPercent(figure.fraction);
    const year = figure.year === null ? 'historical' : String(figure.year);
    // "$4" must not match inside "$434": the value ends where a number would end.
    const valueRe = new RegExp(`${escapeRe(value)}(?![\\d,.]\\d)`);
    expect(lines.some((l) => valueRe.test(l) && l.includes(year))).toBe(true);
  });
});

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

describe('links between the docs resolve', () => {
  const pages = ['README.md', 'domain.md', 'cost-model.md', 'csv-format.md', 'api-conventions.md'];
  const links = pages.flatMap((page) => [...read(page).matchAll(/\]\(([\w-]+\.md)(?:#([^)]+))?\)/g)]
    .map((m) => [page, m[1], m[2] ?? ''] as const));

  test('there are links to check', () => expect(links.length).toBeGreaterThan(5));

  test.each(links)('%s → %s#%s', (_from, target, anchor) => {
    expect(existsSync(path.join(DOCS, target))).toBe(true);
    if (!anchor) return;
    const anchors = read(target).split('\n').filter((l) => /^#+ /.test(l)).map((l) => slug(l.replace(/^#+ /, '')));
    expect(anchors).toContain(anchor);
  });
});
