import { AppError } from '../../../src/errors';
import { countBytes, jsonFieldErrors, lines, readRecords, type ImportRecord } from '../../../src/imports/read-records';
import { JsonArrayError, splitJsonArray } from '../../../src/imports/split-json-array';

async function* chunksOf<T>(...chunks: T[]) { for (const c of chunks) yield c; }
const collect = async <T>(items: AsyncIterable<T>) => { const out: T[] = []; for await (const i of items) out.push(i); return out; };
/** The text cut into pieces of `size` characters, to cross every boundary. */
const pieces = (text: string, size: number) => chunksOf(...Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size)));
const bytes = (text: string, size = 7) => chunksOf(...Array.from({ length: Math.ceil(text.length / size) }, (_, i) => Buffer.from(text.slice(i * size, (i + 1) * size))));
const read = (text: string, body: 'csv' | 'ndjson' | 'json', format: 'center' | 'findtreatment' = 'center') =>
  collect(readRecords(bytes(text), { body, format, importDate: '2026-06-01' }).records);
const errorOf = async (p: Promise<unknown>) => p.then(() => { throw new Error('did not throw'); }, (e: unknown) => e as AppError);

describe('splitJsonArray', () => {
  const text = ' \uFEFF[ {"a": "x,]}\\"{["}, [1, [2]] ,3, "s\\\\" ,{"b": {"c": [ ]}} ]\n ';
  it.each([1, 2, 3, 5, 100])('cuts the elements whatever the chunk size (%i)', async (size) => {
    expect(await collect(splitJsonArray(pieces(text, size)))).toEqual([
      { text: '{"a": "x,]}\\"{["}' }, { text: '[1, [2]]' }, { text: '3' }, { text: '"s\\\\"' }, { text: '{"b": {"c": [ ]}}' },
    ]);
  });

  it('reads [] and forgives a trailing comma; reports an empty element and carries on', async () => {
    expect(await collect(splitJsonArray(chunksOf('[ ]')))).toEqual([]);
    expect(await collect(splitJsonArray(chunksOf('[1,]')))).toEqual([{ text: '1' }]);
    expect(await collect(splitJsonArray(chunksOf('[1,,{x}]')))).toEqual([{ text: '1' }, { error: expect.stringContaining('empty') }, { text: '{x}' }]);
  });

  it.each([
    ['{"a": 1}', /must be a JSON array/],
    ['', /empty/],
    ['[{"a": 1}', /ends early/],
    ['[1] 2', /after the end/],
  ])('stops on a body that is not one array: %j', async (body, message) => {
    const err = await errorOf(collect(splitJsonArray(chunksOf(body))));
    expect(err).toBeInstanceOf(JsonArrayError);
    expect(err.message).toMatch(message);
  });
});

describe('lines', () => {
  it('splits on \\n and \\r\\n across chunks, numbering from 1', async () => {
    expect(await collect(lines(chunksOf('a\r', '\nb', 'c\n\nd')))).toEqual([
      { line: 1, content: 'a' }, { line: 2, content: 'bc' }, { line: 3, content: '' }, { line: 4, content: 'd' },
    ]);
  });
});

describe('readRecords', () => {
  it('NDJSON: one record per non-blank line, with its line; unreadable lines are record errors', async () => {
    const records = await read('{"name":"A"}\n\n[1]\n{oops\n', 'ndjson');
    expect(records).toEqual<ImportRecord[]>([
      { row: 1, line: 1, input: { name: 'A' }, errors: [], warnings: [] },
      { row: 2, line: 3, input: undefined, errors: [{ field: '', message: 'must be a JSON object (one record)' }], warnings: [] },
      { row: 3, line: 4, input: undefined, errors: [{ field: '', message: expect.stringMatching(/^is not valid JSON: /) }], warnings: [] },
    ]);
  });

  it('JSON array streamed in small chunks; a bad element does not stop the rest; a non-array is a 400', async () => {
    expect((await read('[{"name":"A"}, {"name":}, {"name":"ü"}]', 'json')).map((r) => [r.row, r.input, r.errors.length]))
      .toEqual([[1, { name: 'A' }, 0], [2, undefined, 1], [3, { name: 'ü' }, 0]]);
    const err = await errorOf(read('{"name":"A"}', 'json'));
    expect(err).toMatchObject({ status: 400, code: 'malformed_json' });
  });

  it('CSV: data rows numbered from 1 with their line; extra cells and bad cells are record errors', async () => {
    const csv = 'name,address_line1,city,state,postal_code,levels_of_care,telehealth\nA,"1 Main\nSt",Troy,ny,12180,IOP,maybe\n\nB,2 Elm,Troy,NY,12180,iop,no,extra\n';
    const records = await read(csv, 'csv');
    expect(records.map(({ row, line, errors }) => ({ row, line, errors }))).toEqual([
      { row: 1, line: 3, errors: [{ field: 'telehealth', message: 'must be true/false, yes/no or 1/0, got "maybe"' }] },
      { row: 2, line: 5, errors: [{ field: '', message: 'has 8 cells but the header has 7 columns' }] },
    ]);
    expect(records[0].input).toMatchObject({ name: 'A', address: { line1: '1 Main\nSt', state: 'NY' }, levels_of_care: ['iop'] });
  });

  it('CSV: an unknown column, an empty body or broken quoting is a 400 for the whole body', async () => {
    expect(await errorOf(read('name,zipcode\n', 'csv'))).toMatchObject({ status: 400, detail: expect.stringMatching(/"zipcode" \(did you mean "postal_code"\?\)/) });
    expect(await errorOf(read('', 'csv'))).toMatchObject({ status: 400, detail: expect.stringMatching(/empty/) });
    const broken = 'name,address_line1,city,state,postal_code,levels_of_care\n"A,1,b,NY,12180,iop\n';
    expect(await errorOf(read(broken, 'csv'))).toMatchObject({ status: 400, detail: expect.stringMatching(/not valid CSV/) });
  });

  it('findtreatment: rows mapped through the crosswalk, unmapped codes as warnings', async () => {
    const row = { name1: 'A Place', street1: '1 Main St', city: 'Troy', state: 'NY', zip: '12180', latitude: '42.7', longitude: '-73.7',
      services: [{ f1: 'Service Setting', f2: 'OIT ZZZ', f3: 'Intensive outpatient treatment; Something new' }] };
    const [record] = await read(JSON.stringify(row), 'ndjson', 'findtreatment');
    expect(record.input).toMatchObject({ levels_of_care: ['iop'], source: 'findtreatment', source_id: expect.stringMatching(/^h-/) });
    expect(record.warnings).toEqual(['service codes not in the crosswalk: ZZZ (Something new)']);
  });
});

describe('countBytes', () => {
  it('passes chunks on and throws 413 past the limit', async () => {
    const seen: number[] = [];
    expect(await collect(countBytes(bytes('abcdefghij', 4), { maxBytes: 10, onBytes: (n) => seen.push(n) }))).toHaveLength(3);
    expect(seen).toEqual([4, 8, 10]);
    expect(await errorOf(collect(countBytes(bytes('abcdefghijk', 4), { maxBytes: 10 })))).toMatchObject({ status: 413 });
  });
});

describe('jsonFieldErrors', () => {
  it('names fields by dotted path, unknown keys one by one, and absent required fields as required', () => {
    expect(jsonFieldErrors([
      { code: 'invalid_type', path: ['address', 'city'], message: 'Invalid input: expected string, received undefined' },
      { code: 'unrecognized_keys', path: [], keys: ['colour', 'size'], message: 'Unrecognized keys' },
      { code: 'invalid_format', path: ['schedules', 1, 'start'], message: 'must be HH:MM (24-hour)' },
    ], { address: {} })).toEqual([
      { field: 'address.city', message: 'is required' },
      { field: 'colour', message: 'is not a known field' },
      { field: 'size', message: 'is not a known field' },
      { field: 'schedules.1.start', message: 'must be HH:MM (24-hour)' },
    ]);
  });
});
