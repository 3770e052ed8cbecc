import { z } from 'zod';
import type { BatchPlan, Candidate } from './import-batch';
import type { FieldProblem, ImportRecord } from './read-records';

export const IMPORT_MODES = ['valid_rows', 'all_or_nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** At most this many failures and warnings are listed; the counts stay exact. */
export const MAX_LISTED = 1000;

const where = {
  row: z.number().int().describe('1-based number of the record in the upload; for CSV the data row (the header is not counted: data row 1 is line 2 of a simple file)'),
  line: z.number().int().optional().describe('Line of the upload the record ends on (CSV, where the header is line 1, and NDJSON)'),
  source_id: z.string().optional().describe('The record\'s source_id, when it has one'),
};

export const ImportSummarySchema = z.object({
  dry_run: z.boolean(),
  mode: z.enum(IMPORT_MODES),
  committed: z.boolean().describe('Whether the writes were kept: false for a dry run and for a rejected all_or_nothing import, whose counts then say what the import would have done'),
  counts: z.object({
    received: z.number().int().describe('Records read'),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int().describe('Records equal to the stored center: nothing written'),
    failed: z.number().int().describe('Records not imported; each is listed in failures'),
  }),
  failures: z.array(z.object({
    ...where,
    field: z.string().describe('CSV column, or dotted JSON path (address.postal_code, schedules.1.start); empty when the whole record is unreadable'),
    message: z.string(),
  })).describe(`One entry per problem (a record may have several); at most ${MAX_LISTED}`),
  warnings: z.array(z.object({ ...where, row: where.row.optional(), message: z.string() }))
    .describe(`Imported with a caveat: FindTreatment.gov service codes not in the crosswalk, data that was fixed up or dropped; at most ${MAX_LISTED}`),
  took_ms: z.number().int(),
}).meta({ id: 'ImportSummary' });

export type ImportSummary = z.output<typeof ImportSummarySchema>;
type Failure = ImportSummary['failures'][number];
type Warning = ImportSummary['warnings'][number];

/** The running counts, failures and warnings of one import. */
export class ImportTally {
  readonly counts: ImportSummary['counts'] = { received: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
  private failures: Failure[] = [];
  private warnings: Warning[] = [];
  private unlisted = { failures: 0, warnings: 0 };
  private started = Date.now();

  constructor(private dryRun: boolean, private mode: ImportMode) {}

  received(record: ImportRecord) {
    this.counts.received++;
    for (const message of record.warnings) this.warn({ ...whereOf(record), message });
  }

  failed(record: Pick<ImportRecord, 'row' | 'line' | 'input'>, problems: readonly FieldProblem[]) {
    this.counts.failed++;
    for (const p of problems) {
      if (this.failures.length < MAX_LISTED) this.failures.push({ ...whereOf(record), field: p.field, message: p.message });
      else this.unlisted.failures++;
    }
  }

  /** A batch written (or, in a dry run, planned); `refused` are updates that failed as they were written. */
  planned(plan: BatchPlan, refused: readonly { candidate: Candidate; problems: FieldProblem[] }[]) {
    this.counts.created += plan.create.length;
    this.counts.unchanged += plan.unchanged.length;
    this.counts.updated += plan.update.length - refused.length;
    for (const { candidate, problems } of refused) this.failed(candidate, problems);
  }

  summary(committed: boolean): ImportSummary {
    const more = (n: number, what: string) => (n ? [{ message: `${n} more ${what} are not listed (only the first ${MAX_LISTED} are)` }] : []);
    return {
      dry_run: this.dryRun, mode: this.mode, committed, counts: { ...this.counts },
      failures: this.failures,
      warnings: [...this.warnings, ...more(this.unlisted.failures, 'failures'), ...more(this.unlisted.warnings, 'warnings')],
      took_ms: Date.now() - this.started,
    };
  }

  private warn(w: Warning) {
    if (this.warnings.length < MAX_LISTED) this.warnings.push(w);
    else this.unlisted.warnings++;
  }
}

function whereOf(record: Pick<ImportRecord, 'row' | 'line' | 'input'>) {
  const sourceId = (record.input as { source_id?: unknown } | undefined)?.source_id;
  return {
    row: record.row,
    ...(record.line !== undefined && { line: record.line }),
    ...(typeof sourceId === 'string' && sourceId.trim() !== '' && { source_id: sourceId.trim() }),
  };
}
