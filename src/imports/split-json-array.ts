/**
 * Splits a JSON array arriving in chunks into the text of its elements, so a large import is
 * parsed one record at a time (JSON.parse per element) instead of as one document. Only the
 * array's structure is tracked here (nesting, strings, escapes): an element that is not valid
 * JSON is still cut out and reported on its own, and the elements after it are read. Only a
 * body that is not an array, or that ends early, stops the reading.
 */
export type ArrayElement = { text: string } | { error: string };

export class JsonArrayError extends Error {}

type State = 'before' | 'open' | 'value' | 'next' | 'after';
const EMPTY: ArrayElement = { error: 'is empty (two commas in a row?)' };

export async function* splitJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<ArrayElement> {
  let state = 'before' as State;
  let pending = '';
  let depth = 0;
  let inString = false;
  let escaped = false;

  for await (const chunk of chunks) {
    const found: ArrayElement[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (state === 'value') {
        if (inString) {
          if (escaped) escaped = false;
          else if (ch === '\\') escaped = true;
          else if (ch === '"') inString = false;
        } else if (ch === '"') inString = true;
        else if (ch === '{' || ch === '[') depth++;
        else if ((ch === '}' || ch === ']') && depth > 0) depth--;
        else if (depth === 0 && (ch === ',' || ch === ']')) {
          found.push({ text: (pending + chunk.slice(start, i)).trim() });
          pending = '';
          state = ch === ',' ? 'next' : 'after';
        }
      } else if (isSpace(ch)) {
        continue;
      } else if (state === 'before') {
        if (ch !== '[') throw new JsonArrayError(`the body must be a JSON array of records (it starts with "${ch}"); send one record per line as application/x-ndjson otherwise`);
        state = 'open';
      } else if (state === 'after') {
        throw new JsonArrayError(`unexpected "${ch}" after the end of the array`);
      } else if (ch === ']') {
        state = 'after'; // "[]", or a trailing comma, which is forgiven
      } else if (ch === ',') {
        found.push(EMPTY);
        state = 'next';
      } else {
        state = 'value';
        start = i;
        i--; // read this character again as the first of the value
      }
    }
    if (state === 'value') pending += chunk.slice(start);
    yield* found;
  }
  if (state === 'before') throw new JsonArrayError('the body is empty; send a JSON array of records');
  if (state !== 'after') throw new JsonArrayError('the JSON array ends early (no closing "]"): the body was cut off or a bracket is unbalanced');
}

const isSpace = (ch: string) => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\uFEFF';
