/**
 * Validates objects against the published HSDS 3.0 JSON schemas, vendored unmodified in
 * vendor/hsds-3.0/ (see its README). Reusable by integration tests:
 *   expectHsds('service.json', body)                   one object
 *   expectHsdsResponse('/services/{id}', body)         a response, as openapi.json defines it
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const HSDS_SCHEMA_DIR = path.join(__dirname, '../../../vendor/hsds-3.0');

/** Where the specification publishes the files; openapi.json refers to them by these URLs. */
const PUBLISHED = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

/** Frictionless data-package keywords the HSDS files carry next to JSON Schema. */
const HSDS_KEYWORDS = ['name', 'path', 'datapackage_metadata', 'constraints', 'example', 'core', 'datapackage_type', 'tabular_required'];

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(HSDS_SCHEMA_DIR, file), 'utf8'));

/** The official openapi.json of HSDS 3.0. */
export const hsdsOpenapi = () => readJson('openapi.json');

export const schemaFiles = () => fs.readdirSync(HSDS_SCHEMA_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json');

let ajv: Ajv2020 | undefined;

/**
 * One Ajv for all the files: draft 2020-12 (openapi.json's jsonSchemaDialect; the files declare
 * no $schema), strict mode on with the data-package keywords registered as a vocabulary, each
 * file given its published URL as $id so both "phone.json" and the openapi URLs resolve.
 */
export function hsdsAjv(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addVocabulary(HSDS_KEYWORDS);
  for (const file of schemaFiles()) ajv.addSchema({ ...readJson(file), $id: PUBLISHED + file });
  return ajv;
}

export function hsdsValidator(file: string): ValidateFunction {
  const validate = hsdsAjv().getSchema(PUBLISHED + file);
  if (!validate) throw new Error(`no HSDS schema ${file} in ${HSDS_SCHEMA_DIR}`);
  return validate;
}

/**
 * The 200 response schema of a GET path in openapi.json. `compiled/*.json` (not vendored)
 * are the base files with their $refs inlined, and `*_list.json` their one-to-one subset, so
 * both resolve to the base file: the same fields and rules, only less strict about nesting.
 */
export function hsdsResponseValidator(apiPath: string): ValidateFunction {
  const openapi = readJson('openapi.json');
  const op = openapi.paths[apiPath]?.get;
  if (!op) throw new Error(`openapi.json has no GET ${apiPath}`);
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && v === '#/components/schemas/Page') return rewrite(openapi.components.schemas.Page);
      out[k] = k === '$ref' && typeof v === 'string'
        ? PUBLISHED + path.basename(v).replace(/_list\.json$/, '.json')
        : rewrite(v);
    }
    return out;
  };
  const schema = rewrite(op.responses['200'].content['application/json'].schema) as AnySchemaObject;
  // The list responses put `properties` beside `allOf: [Page]` with the object type only inside
  // Page; stating it at the top too changes nothing and satisfies Ajv's strictTypes.
  return hsdsAjv().compile(schema.properties && !schema.type ? { type: 'object', ...schema } : schema);
}

/** Paths (like "services[0].schedules[1].opens_at") that the HSDS schema does not declare. */
export function undeclaredFields(file: string, data: unknown, allowed: string[] = []): string[] {
  const schemas = new Map(schemaFiles().map((f) => [f, readJson(f)]));
  const found: string[] = [];
  const walk = (schema: AnySchemaObject, value: unknown, at: string) => {
    if (schema.$ref) return walk(schemas.get(path.basename(schema.$ref))!, value, at);
    if (Array.isArray(value) && schema.items) return value.forEach((v, i) => walk(schema.items, v, `${at}[${i}]`));
    if (!value || typeof value !== 'object' || !schema.properties) return;
    for (const [k, v] of Object.entries(value)) {
      const where = at ? `${at}.${k}` : k;
      if (schema.properties[k]) walk(schema.properties[k], v, where);
      else if (!allowed.includes(where.replace(/\[\d+\]/g, '[]'))) found.push(where);
    }
  };
  walk(schemas.get(file)!, data, '');
  return found;
}

const explain = (validate: ValidateFunction) =>
  (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');

/** Fails with every schema error listed. */
export function expectHsds(file: string, data: unknown) {
  const validate = hsdsValidator(file);
  if (!validate(data)) throw new Error(`not a valid HSDS ${file}:\n${explain(validate)}`);
}

export function expectHsdsResponse(apiPath: string, data: unknown) {
  const validate = hsdsResponseValidator(apiPath);
  if (!validate(data)) throw new Error(`not a valid HSDS response to GET ${apiPath}:\n${explain(validate)}`);
}
