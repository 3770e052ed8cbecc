import { Readable, pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../errors';
import { checkCsvHeader, csvErrorsFromIssues, csvRowToCenterInput } from './csv-columns';
import { mapFindTreatmentRow, type FindTreatmentRow } from './findtreatment';
import { JsonArrayError, splitJsonArray } from './split-json-array';

/**
 * Request bodies (or files) → one ImportRecord per center, read as the bytes arrive so that
 * memory does not grow with the size of the upload. Problems of one record (bad JSON on a
 * line, a bad CSV cell) travel with the record; problems of the whole body (not CSV, not an
 * array, unknown CSV columns) throw an AppError.
 */
export type BodyFormat = 'csv' | 'ndjson' | 'json';
/** `center`: this API's center shape (CSV columns or CenterInput JSON); `findtreatment`: locator export rows. */
export type RecordFormat = 'center' | 'findtreatment';

export interface FieldProblem { field: string; message: string }
export interface ImportRecord {
  /** 1-based number of the record in the body (CSV: the data row, the header not counted). */
  row: number;
  /** Line of the body the record ends on (CSV and NDJSON; the CSV header is line 1). */
  line?: number;
  /** The center input before validation; undefined when the record could not be read. */
  input: unknown;
  errors: FieldProblem[];
  warnings: string[];
}
/** Validation issues (zod's shape) of a record's input. */
export interface Issue { code?: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] }

export interface RecordSource {
  records: AsyncIterable<ImportRecord>;
  /** Issues of CenterInputSchema named the way this body names fields (CSV column, or JSON path). */
  fieldErrors(issues: readonly Issue[], input: unknown): FieldProblem[];
}

export interface ReadOptions { body: BodyFormat; format: RecordFormat; importDate: string }

/** Records from a streamed body, read as they arrive. */
export function readRecords(bytes: AsyncIterable<Buffer>, opts: ReadOptions): RecordSource {
  if (opts.body === 'csv') return { records: csvRecords(bytes, opts.importDate), fieldErrors: csvErrorsFromIssues };
  const values = opts.body === 'ndjson' ? ndjsonValues(decode(bytes)) : jsonArrayValues(decode(bytes));
  return { records: asRecords(values, opts.format), fieldErrors: jsonFieldErrors };
}

/** Passes the bytes on, counting them; throws 413 past `maxBytes`. */
export async function* countBytes(bytes: AsyncIterable<Buffer>, opts: { maxBytes?: number; onBytes?: (total: number) => void }) {
  let total = 0;
  for await (const chunk of bytes) {
    total += chunk.length;
    if (opts.maxBytes !== undefined && total > opts.maxBytes) {
      throw new AppError('payload_too_large', `The upload is larger than the import limit of ${formatMb(opts.maxBytes)}; split the file`);
    }
    opts.onBytes?.(total);
    yield chunk;
  }
}
export const formatMb = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;

async function* csvRecords(bytes: AsyncIterable<Buffer>, importDate: string): AsyncGenerator<ImportRecord> {
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, skip_records_with_empty_values: true, relax_column_count: true });
  pipeline(Readable.from(bytes), parser, () => {}); // errors reach the loop below through the parser
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record;
        const problems = checkCsvHeader(header);
        if (problems.length) throw new AppError('validation_failed', `CSV header: ${problems.join('; ')}`, { errors: problems.map((message) => ({ path: 'header', message })) });
        continue;
      }
      const cells = Object.fromEntries(header.map((name, i) => [name, record[i] ?? '']));
      const { input, errors } = csvRowToCenterInput(cells, { importDate });
      if (record.length > header.length) errors.unshift({ field: '', message: `has ${record.length} cells but the header has ${header.length} columns` });
      yield { row: ++row, line: info.lines, input, errors, warnings: [] };
    }
  } catch (err) {
    if (err instanceof CsvError) throw new AppError('validation_failed', `The body is not valid CSV: ${err.message}`);
    throw err;
  }
  if (!header) throw new AppError('validation_failed', 'The CSV is empty: send a header line and one line per center');
}

type Value = { row: number; line?: number } & ({ value: unknown } | { error: string });

async function* decode(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of bytes) yield decoder.write(chunk);
  yield decoder.end();
}

const parseJson = (text: string): { value: unknown } | { error: string } => {
  try { return { value: JSON.parse(text) }; } catch (err) { return { error: `is not valid JSON: ${(err as Error).message}` }; }
};

async function* ndjsonValues(text: AsyncIterable<string>): AsyncGenerator<Value> {
  let row = 0;
  for await (const { line, content } of lines(text)) {
    if (content.trim() === '') continue;
    yield { row: ++row, line, ...parseJson(content) };
  }
}

/** Lines of a text, without their \n or \r\n. */
export async function* lines(text: AsyncIterable<string>): AsyncGenerator<{ line: number; content: string }> {
  let pending = '';
  let line = 0;
  for await (const chunk of text) {
    if (!chunk.includes('\n')) { pending += chunk; continue; }
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    for (const part of parts) yield { line: ++line, content: part.replace(/\r$/, '') };
  }
  if (pending !== '') yield { line: ++line, content: pending.replace(/\r$/, '') };
}

async function* jsonArrayValues(text: AsyncIterable<string>): AsyncGenerator<Value> {
  let row = 0;
  try {
    for await (const element of splitJsonArray(text)) {
      yield { row: ++row, ...('text' in element ? parseJson(element.text) : element) };
    }
  } catch (err) {
    if (err instanceof JsonArrayError) throw new AppError('malformed_json', `The body is not a valid JSON array: ${err.message}`);
    throw err;
  }
}

async function* asRecords(values: AsyncIterable<Value>, format: RecordFormat): AsyncGenerator<ImportRecord> {
  for await (const v of values) {
    const where = { row: v.row, ...(v.line !== undefined && { line: v.line }) };
    const isObject = 'value' in v && typeof v.value === 'object' && v.value !== null && !Array.isArray(v.value);
    if (!isObject) {
      yield { ...where, input: undefined, errors: [{ field: '', message: 'error' in v ? v.error : 'must be a JSON object (one record)' }], warnings: [] };
    } else if (format === 'center') {
      yield { ...where, input: v.value, errors: [], warnings: [] };
    } else {
      yield { ...where, ...fromFindTreatment(v.value as FindTreatmentRow) };
    }
  }
}

function fromFindTreatment(row: FindTreatmentRow): Omit<ImportRecord, 'row' | 'line'> {
  try {
    const { input, unmapped, warnings } = mapFindTreatmentRow(row);
    return { input, errors: [], warnings: unmapped.length ? [...warnings, `service codes not in the crosswalk: ${unmapped.join(', ')}`] : warnings };
  } catch (err) {
    return { input: undefined, errors: [{ field: '', message: `is not a FindTreatment.gov locator row: ${(err as Error).message}` }], warnings: [] };
  }
}

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, key) => (v == null ? undefined : (v as Record<PropertyKey, unknown>)[key]), input);

/** Issues as dotted JSON paths (`address.postal_code`, `schedules.1.start`). */
export function jsonFieldErrors(issues: readonly Issue[], input: unknown): FieldProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return (issue.keys ?? []).map((k) => ({ field: [...path, k].join('.'), message: 'is not a known field' }));
    const absent = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    return [{ field: path.join('.'), message: absent ? 'is required' : issue.message }];
  });
}
