/**
 * Text PostgreSQL cannot store: NUL (text and jsonb refuse it) and unpaired UTF-16 surrogates
 * (jsonb refuses the `\udXXX` escape JSON.stringify writes for them). Either one reached the
 * database as a 500, or failed a whole import batch; found here, it is a 400 naming the field.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 64;

export interface UnstorableText { path: PropertyKey[]; message: string }

/** Every string (value or object key) in a parsed JSON value or query that cannot be stored. */
export function findUnstorableText(value: unknown, path: PropertyKey[] = [], found: UnstorableText[] = [], depth = 0): UnstorableText[] {
  if (found.length >= 20) return found;
  // No input of this API nests this deep; unchecked, it could hide a NUL.
  if (depth > MAX_DEPTH) { found.push({ path, message: 'is nested too deeply' }); return found; }
  if (typeof value === 'string') {
    const hit = UNSTORABLE.exec(value);
    if (hit) found.push({ path, message: hit[0] === '\u0000' ? 'must not contain the NUL character (\\u0000)' : 'must be valid Unicode text (it has an unpaired surrogate)' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findUnstorableText(v, [...path, i], found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (UNSTORABLE.test(k)) found.push({ path: [...path, k.replace(/\u0000/g, '\\u0000')], message: 'is a field name with a NUL character or invalid Unicode' });
      else findUnstorableText(v, [...path, k], found, depth + 1);
    }
  }
  return found;
}
