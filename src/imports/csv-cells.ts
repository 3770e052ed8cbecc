/**
 * The cell-level syntax shared by the CSV columns: `;`-separated lists with backslash escapes,
 * booleans and numbers. Every parser returns either a value or a message naming the problem,
 * so the row codec can attach it to the column.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (message: string): Parsed<never> => ({ ok: false, message });
/** A whole cell: what parsed, and one message per problem (the row omits the field if any). */
export interface CellResult<T> { value: T; errors: string[] }

/**
 * Splits on `separator` where it is not escaped by a backslash. The escapes stay in the parts
 * (a part may be split again on another separator); `unescape` removes them at the end.
 */
export function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** Index of the first `char` not escaped by a backslash, or -1. */
export function indexOfUnescaped(text: string, char: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}

/** `\x` → `x`; a trailing lone backslash is kept. */
export const unescape = (text: string) => text.replace(/\\(.)/gs, '$1');

/** Backslash-escapes `\` and each of `specials`, so `splitEscaped` will not split there. */
export const escape = (text: string, specials: string) =>
  [...text].map((ch) => (ch === '\\' || specials.includes(ch) ? `\\${ch}` : ch)).join('');

/** The items of a `;`-separated cell: unescaped, trimmed, empty items dropped. */
export const parseList = (cell: string): string[] =>
  splitEscaped(cell, ';').map((item) => unescape(item).trim()).filter((item) => item !== '');

export const formatList = (items: readonly string[]) => items.map((item) => escape(item, ';')).join('; ');

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

export function parseBoolean(text: string): Parsed<boolean> {
  const word = text.trim().toLowerCase();
  if (TRUE.has(word)) return ok(true);
  if (FALSE.has(word)) return ok(false);
  return fail(`must be true/false, yes/no or 1/0, got "${text}"`);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseNumber(text: string): Parsed<number> {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? ok(Number(trimmed)) : fail(`must be a number, got "${text}"`);
}
