import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS } from './csv-columns';

/**
 * CSV text ↔ rows keyed by header name. Reading is csv-parse (RFC 4180, quoted newlines, a
 * UTF-8 BOM from Excel; blank lines and rows of empty cells, as spreadsheets leave at the end,
 * are skipped); writing quotes only the cells that need it.
 */
export interface CsvRecord {
  /** Line of the file the record ends on (the header is line 1). */
  line: number;
  row: Record<string, string>;
}

/** Throws csv-parse's CsvError (its message names the line) when the text is not valid CSV. */
export function readCsv(text: string): { header: string[]; records: CsvRecord[] } {
  const parsed = parse(text, { bom: true, info: true, skip_empty_lines: true, skip_records_with_empty_values: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const [first, ...rest] = parsed;
  const header = first ? first.record : [];
  const records = rest.map(({ record, info }) => ({
    line: info.lines,
    row: Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])),
  }));
  return { header, records };
}

const needsQuotes = /[",\r\n]|^\s|\s$/;
const quote = (cell: string) => (needsQuotes.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** A CSV file with a header line; `columns` defaults to every documented column, in order. */
export function writeCsv(rows: readonly Record<string, string>[], columns: readonly string[] = CSV_COLUMNS.map((c) => c.name)): string {
  const lines = [columns, ...rows.map((row) => columns.map((c) => row[c] ?? ''))];
  return lines.map((cells) => cells.map(quote).join(',')).join('\n') + '\n';
}
