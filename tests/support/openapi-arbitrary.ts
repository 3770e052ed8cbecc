import { fc } from '@fast-check/jest';

/**
 * fast-check values from the JSON Schemas of an OpenAPI 3.1 document: `fromSchema` draws what
 * the document says is valid (enums, formats, patterns, bounds, required fields), `hostile`
 * what a careless or malicious client sends (NUL, lone surrogates, huge, out of range, wrong
 * types). The fuzz mixes both, so it reaches the handlers and also tries their edges.
 */
export type Schema = Record<string, unknown>;
export interface Doc { components?: { schemas?: Record<string, Schema> } }

const MAX_DEPTH = 6;

export const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '', ' ', '-1', '0', '-0', '1e309', '-1e309', 'NaN', 'Infinity',
    '99999999999999999999999', '0x10', '1.5', 'true', 'null', '[]', '{}', '%', '%00', '../../etc/passwd',
    "' OR 1=1 --", '<script>alert(1)</script>', '0000-12-31T23:00:00Z', '2026-13-45', '9999-12-31T23:59:59Z',
    '00000000-0000-0000-0000-000000000000', 'ÿ', '🧪', ',,,', 'iop,,iop', ' IOP ', '\t\n', 'a'.repeat(300),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  // Huge, yet within Node's 16 KB header limit when sent in a URL (beyond it Node answers 431 itself).
  fc.constant('x'.repeat(5_000)),
);

export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(null, true, false, 0, -1, 1.5, -1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { '\u0000': 1 }, { __proto__: 1 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.constant(Array.from({ length: 300 }, () => 'x')),
  fc.constant('x'.repeat(200_000)),
);

export function resolve(doc: Doc, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) {
    const name = (s.$ref as string).replace('#/components/schemas/', '');
    s = { ...doc.components!.schemas![name], ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) };
  }
  return s;
}

function stringOf(s: Schema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'date-time') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) },
      // Valid as text, out of range for the database or for Date.
      { weight: 2, arbitrary: fc.constantFrom('0000-12-31T23:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00Z', '2026-02-30T00:00:00Z') },
    );
  }
  if (s.format === 'date') return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri' || s.format === 'url') return fc.webUrl();
  if (typeof s.pattern === 'string') {
    try { return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= ((s.maxLength as number) ?? 500)); } catch { /* a pattern JS cannot compile: fall through */ }
  }
  const minLength = (s.minLength as number) ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min((s.maxLength as number) ?? 30, 60)) });
}

function numberOf(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const exMin = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const exMax = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  const min = (s.minimum as number | undefined) ?? (exMin !== undefined ? exMin + (integer ? 1 : 1e-6) : -1e6);
  const max = (s.maximum as number | undefined) ?? (exMax !== undefined ? exMax - (integer ? 1 : 1e-6) : 1e6);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });

  return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

/** Just past a number's documented bounds, and on them. */
export function edgesOf(doc: Doc, schema: Schema): fc.Arbitrary<unknown> | null {
  const s = resolve(doc, schema);
  const values = [s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum].filter((v): v is number => typeof v === 'number')
    .flatMap((v) => [v - 1, v, v + 1, v - 0.5, v + 0.5]);
  return values.length ? fc.constantFrom(...values) : null;
}

/** A value the schema describes as valid (as far as a JSON Schema can say). */
export function fromSchema(doc: Doc, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[key])) return fc.oneof(...(s[key] as Schema[]).map((sub) => fromSchema(doc, sub, depth + 1)));
  }
  if (Array.isArray(s.allOf)) {
    const parts = (s.allOf as Schema[]).map((sub) => fromSchema(doc, sub, depth + 1));
    return fc.tuple(...parts).map((values) => Object.assign({}, ...values.filter((v) => typeof v === 'object')));
  }
  if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((type) => fromSchema(doc, { ...s, type }, depth + 1)));
  switch (s.type) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer': return numberOf(s, true);
    case 'number': return numberOf(s, false);
    case 'string': return stringOf(s);
    case 'array': {
      if (depth > MAX_DEPTH) return fc.constant([]);
      const items = s.items ? fromSchema(doc, s.items as Schema, depth + 1) : fc.string();
      const minLength = (s.minItems as number) ?? 0;
      const maxLength = Math.max(minLength, Math.min((s.maxItems as number) ?? 4, 4));
      return s.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength });
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      if (depth > MAX_DEPTH) return fc.constant({});
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(doc, v, depth + 1)]));
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A valid value, or one with a hostile field, or with NUL / a lone surrogate inside one of its strings. */
export function withFaults(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 2, arbitrary: fc.tuple(valid, hostileJson, fc.nat()).map(([value, bad, pick]) => corrupt(value, bad, pick)) },
    { weight: 2, arbitrary: fc.tuple(valid, fc.constantFrom('\u0000', '\u0000', '\ud800', '\udc00'), fc.nat()).map(([value, bad, pick]) => injectIntoString(value, bad, pick)) },
  );
}

/** Puts `bad` in the middle of the `pick`-th string of a JSON value (keeps its type: passes type checks). */
export function injectIntoString(value: unknown, bad: string, pick: number): unknown {
  const copy = JSON.parse(JSON.stringify(value ?? null)) as unknown;
  const slots: { parent: Record<string | number, unknown>; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (typeof item === 'string') slots.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
        else walk(item);
      }
    }
  };
  walk(copy);
  if (typeof copy === 'string') return copy + bad;
  if (slots.length === 0) return copy;
  const { parent, key } = slots[pick % slots.length];
  const text = parent[key] as string;
  parent[key] = text.slice(0, text.length >> 1) + bad + text.slice(text.length >> 1);
  return copy;
}

/** A schema's valid value with, now and then, one field anywhere in it replaced by a hostile one. */
export function mostlyValid(doc: Doc, schema: Schema): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: withFaults(fromSchema(doc, schema)) },
    { weight: 1, arbitrary: hostileJson },
  );
}

/** Replaces the `pick`-th node (depth first) of a JSON value, or adds an unknown field. */
export function corrupt(value: unknown, bad: unknown, pick: number): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((item, i) => { nodes.push({ parent: v, key: i }); walk(item); });
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) { nodes.push({ parent: v as Record<string, unknown>, key: k }); walk(item); }
  };
  const copy = JSON.parse(JSON.stringify(value ?? null)) as unknown;
  walk(copy);
  if (nodes.length === 0 || pick % (nodes.length + 1) === nodes.length) {
    return copy && typeof copy === 'object' && !Array.isArray(copy) ? { ...copy, fuzz_unknown_field: bad } : bad;
  }
  const { parent, key } = nodes[pick % (nodes.length + 1)];
  (parent as Record<string | number, unknown>)[key] = bad;
  return copy;
}
