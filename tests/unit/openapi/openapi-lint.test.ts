import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { openApiYaml } from '../../../src/http/openapi-document';

const root = path.join(__dirname, '../../..');
const yamlText = openApiYaml();
const doc = parse(yamlText) as { info: { license?: { name: string } }; paths: Record<string, Record<string, Operation>> };
interface Param { name: string; in: string; schema: Record<string, unknown>; style?: string; explode?: boolean }
interface Operation { operationId?: string; parameters?: Param[]; requestBody?: unknown; security?: Record<string, unknown>[]; responses: Record<string, unknown> }
const isPlainText = (s: Record<string, unknown>) => s.type === 'string' && !s.enum && !s.pattern && !s.format && !s.maxLength;
const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method} ${p}`, op })));

describe('the OpenAPI document', () => {
  it('passes `redocly lint` with no error or warning (rules tuned in redocly.yaml, with reasons)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-lint-'));
    const file = path.join(dir, 'openapi.yaml');
    fs.writeFileSync(file, yamlText);
    let out: string;
    try {
      out = execFileSync(path.join(root, 'node_modules/.bin/redocly'), ['lint', file, '--format', 'json', '--config', path.join(root, 'redocly.yaml')],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
    } catch (err) {
      out = (err as { stdout: string }).stdout; // exit 1 when there are errors; the JSON is still printed
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const { problems } = JSON.parse(out) as { problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
    expect(problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  }, 60_000);

  it('names every operation, uniquely, and carries a licence', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.info.license?.name).toBeTruthy();
  });

  it('documents every query parameter by what it accepts, not as free text or a string|array union', () => {
    const vague = operations.flatMap(({ key, op }) => (op.parameters ?? [])
      .filter((p) => p.in === 'query' && (isPlainText(p.schema) || ((p.schema.anyOf as Record<string, unknown>[] | undefined) ?? []).some((s) => s.type === 'array' || isPlainText(s))))
      .map((p) => `${key} ?${p.name}`));
    // Free text and opaque HSDS ids are plain strings on purpose.
    const freeText = ['?taxonomy_term_id', '?taxonomy_id', '?proximity', '?dry_run'];
    expect(vague.filter((v) => !freeText.some((f) => v.endsWith(f)))).toEqual([]);
  });

  it('documents code lists as comma lists of their codes, booleans as true/false, numbers with bounds', () => {
    const search = doc.paths['/v1/centers'].get.parameters!;
    const byName = (name: string) => search.find((p) => p.name === name)!;
    expect(byName('level')).toMatchObject({ style: 'form', explode: false, schema: { type: 'array', minItems: 1, maxItems: 30, items: { enum: expect.arrayContaining(['iop', 'detox']) } } });
    expect(byName('telehealth').schema).toMatchObject({ type: 'string', enum: ['true', 'false'] });
    expect(byName('per_page').schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
    expect(byName('radius').schema).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: 500 });
    const ids = doc.paths['/v1/compare'].get.parameters!.find((p) => p.name === 'ids')!;
    expect(ids).toMatchObject({ required: true, style: 'form', explode: false, schema: { type: 'array', minItems: 2, maxItems: 5, uniqueItems: true, items: { pattern: expect.any(String) } } });
  });

  it('lists 401 and 429 on every operation, 403 where a role is needed, 413 where a JSON body is read', () => {
    for (const { key, op } of operations) {
      expect([key, Object.keys(op.responses)]).toEqual([key, expect.arrayContaining(['401', '429'])]);
      if (op.requestBody) expect([key, Object.keys(op.responses)]).toEqual([key, expect.arrayContaining(['413', '415'])]);
    }
    expect(Object.keys(doc.paths['/v1/api-keys'].get.responses)).toEqual(expect.arrayContaining(['403']));
  });
});
