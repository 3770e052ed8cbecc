import type { Db } from '../db/prisma';
import { AppError } from '../errors';
import type { Caller } from '../http/auth';
import { isRetryableConflict, isUniqueViolation } from '../db/db-errors';
import { CenterInputSchema } from '../centers/center-schema';
import { findUnstorableText } from '../http/unstorable-text';
import { placeCenter } from '../centers/geocode-center';
import { importSlotsOf } from './import-slots';
import { keyOf, lockKeys, planBatch, writePlan, type Candidate, type Refused } from './import-batch';
import type { FieldProblem, ImportRecord, RecordSource } from './read-records';
import { ImportTally, type ImportMode, type ImportSummary } from './import-summary';

export interface ImportOptions {
  dryRun: boolean;
  mode: ImportMode;
  caller: Caller;
  /** Audit action of the writes. */
  action?: string;
  batchSize?: number;
  /** After each committed transaction (to nudge the index sync). */
  onCommit?: () => void;
  /** After each batch, with the counts so far. */
  onProgress?: (counts: ImportSummary['counts']) => void;
}

const BATCH_SIZE = 500;
const BATCH_TIMEOUT_MS = 120_000;
/** all_or_nothing holds one transaction for the whole upload. */
const WHOLE_IMPORT_TIMEOUT_MS = 60 * 60_000;
class Rejected extends Error {}

/**
 * Upserts centers keyed by source + source_id from a stream of records, a batch at a time so
 * that memory stays bounded. `valid_rows` commits each batch's valid records and reports the
 * rest; `all_or_nothing` writes in one transaction that is rolled back when any record fails
 * (records after the first failure are still checked, so every failure is reported);
 * `dryRun` only reads, and its counts say what an import would do.
 */
export async function importCenters(db: Db, source: RecordSource, opts: ImportOptions): Promise<ImportSummary> {
  const tally = new ImportTally(opts.dryRun, opts.mode);
  const seen = new Map<string, number>();
  const action = opts.action ?? 'import';
  const asProblems = (refused: Refused[]) => refused.map(({ candidate, message }) =>
    ({ candidate, problems: source.fieldErrors([{ code: 'custom', path: ['address', 'postal_code'], message }], candidate.input) }));

  const eachBatch = async (handle: (candidates: Candidate[]) => Promise<void>) => {
    for await (const records of inBatches(source.records, opts.batchSize ?? BATCH_SIZE)) {
      const candidates: Candidate[] = [];
      for (const record of records) {
        tally.received(record);
        const checked = toCandidate(record, source, seen);
        if (Array.isArray(checked)) tally.failed(record, checked);
        else candidates.push(checked);
      }
      await handle(candidates);
      opts.onProgress?.(tally.counts);
    }
  };

  try {
    if (opts.dryRun) {
      await eachBatch(async (candidates) => tally.planned(await planBatch(db, candidates), []));
    } else if (opts.mode === 'valid_rows') {
      await eachBatch(async (candidates) => {
        if (candidates.length === 0) return;
        const { plan, refused } = await writeBatch(db, candidates, opts.caller, action);
        tally.planned(plan, asProblems(refused));
        opts.onCommit?.();
      });
    } else {
      await importSlotsOf(db).run(() => db.$transaction(async (tx) => {
        await eachBatch(async (candidates) => {
          await lockKeys(tx, candidates);
          const plan = await planBatch(tx, candidates);
          // After a failure nothing will be kept: only check the rest.
          tally.planned(plan, tally.counts.failed === 0 ? asProblems(await writePlan(tx, plan, opts.caller, action)) : []);
        });
        if (tally.counts.failed > 0) throw new Rejected();
      }, { timeout: WHOLE_IMPORT_TIMEOUT_MS, maxWait: 30_000 }));
      opts.onCommit?.();
    }
  } catch (err) {
    if (!(err instanceof Rejected)) throw stoppedEarly(err, tally, opts);
    return tally.summary(false);
  }
  await refreshStatistics(db, tally.counts.created + tally.counts.updated);
  return tally.summary(!opts.dryRun);
}

/**
 * After a bulk load the planner's statistics still describe the old tables until autovacuum
 * gets to them (about a minute later); until then the regional-price and feed queries ran
 * 30–50× slower in the benchmark. VACUUM also marks the pages all-visible, so the covering
 * location index answers without reading the rows. Done at once when an import changed many rows.
 */
async function refreshStatistics(db: Db, changed: number) {
  if (changed < 1000) return;
  // The import is committed: a VACUUM cut short by the API's statement timeout is left to autovacuum.
  await db.$executeRawUnsafe('VACUUM (ANALYZE) centers, center_prices, center_schedules').catch(() => {});
}

/** One batch in its own transaction, retried when a concurrent write took the same keys. */
async function writeBatch(db: Db, candidates: Candidate[], caller: Caller, action: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await lockKeys(tx, candidates);
        const plan = await planBatch(tx, candidates);
        return { plan, refused: await writePlan(tx, plan, caller, action) };
      }, { timeout: BATCH_TIMEOUT_MS, maxWait: 30_000 });
    } catch (err) {
      if (attempt < 3 && isConflict(err)) continue;
      throw err;
    }
  }
}

const isConflict = (err: unknown) =>
  isUniqueViolation(err) || isRetryableConflict(err) || (err instanceof AppError && err.code === 'precondition_failed');

/** A validated, geocoded record with its upsert key, or what is wrong with it. */
function toCandidate(record: ImportRecord, source: RecordSource, seen: Map<string, number>): Candidate | FieldProblem[] {
  // Text the database cannot store fails this record alone (and in a dry run too), not its batch.
  const unstorable = findUnstorableText(record.input).map(({ path, message }) => ({ code: 'custom', path, message }));
  if (unstorable.length) return [...record.errors, ...source.fieldErrors(unstorable, record.input)];
  const parsed = CenterInputSchema.safeParse(record.input);
  const schemaErrors = parsed.success ? [] : source.fieldErrors(parsed.error.issues, record.input);
  if (record.errors.length || !parsed.success) {
    // A cell that could not be read is left out of the input; do not also call it missing.
    const named = new Set(record.errors.map((e) => e.field));
    return [...record.errors, ...schemaErrors.filter((e) => !named.has(e.field))];
  }
  const input = parsed.data;
  if (!input.source || !input.source_id) {
    return source.fieldErrors([{ code: 'custom', path: ['source'], message: 'is required (with source_id): imports match records to stored centers on source + source_id' }], record.input);
  }
  let placed;
  try {
    placed = placeCenter(input);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
    return source.fieldErrors([{ code: 'custom', path: ['address', 'postal_code'], message: err.extra.errors?.[0]?.message ?? err.message }], record.input);
  }
  const key = keyOf(input.source, input.source_id);
  const first = seen.get(key);
  if (first !== undefined) {
    return source.fieldErrors([{ code: 'custom', path: ['source_id'], message: `repeats record ${first} (same source and source_id); only the first one is imported` }], record.input);
  }
  seen.set(key, record.row);
  return { row: record.row, line: record.line, input: { ...input, source: input.source, source_id: input.source_id }, placed };
}

/** A body-level error (too large, not CSV) with what had been committed before it. */
function stoppedEarly(err: unknown, tally: ImportTally, opts: ImportOptions): unknown {
  if (!(err instanceof AppError) || err.status >= 500) return err;
  const { received, created, updated, unchanged, failed } = tally.counts;
  const kept = !opts.dryRun && opts.mode === 'valid_rows' && created + updated > 0;
  const note = kept
    ? `By then ${received} records had been read and the batches completed before this were committed (${created} created, ${updated} updated, ${unchanged} unchanged, ${failed} failed); sending the whole corrected file again is safe, as records are matched on source + source_id.`
    : 'Nothing was written.';
  return new AppError(err.code, `${err.detail ?? err.message} ${note}`, err.extra);
}

async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

