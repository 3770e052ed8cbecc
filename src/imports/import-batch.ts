import { randomUUID } from 'node:crypto';
import type { Db } from '../db/prisma';
import { centerIdFor, takenCenterIds } from '../centers/center-id';
import { serviceIdRows } from '../hsds/store-service-ids';
import { AppError } from '../errors';
import type { Caller } from '../http/auth';
import { Prisma } from '../generated/prisma/client';
import { CENTER_INCLUDE, newCenterRow, presentCenter, storesSame, type CenterRow } from '../centers/center-record';
import type { CenterInput } from '../centers/center-schema';
import { afterWrite, changedFields, replaceCenter } from '../centers/center-store';
import type { placeCenter } from '../centers/geocode-center';

/**
 * The write path of imports, a batch at a time: one query finds the stored centers of the
 * batch by (source, source_id); new centers go in with one INSERT per table (centers, their
 * schedules and prices, outbox rows, HSDS service ids and audit entries: what insertCenter + afterWrite write
 * for one); changed centers go through replaceCenter + afterWrite like any update.
 */
type Tx = Prisma.TransactionClient;
export interface Candidate {
  row: number;
  line?: number;
  input: CenterInput & { source: string; source_id: string };
  /** The input with its location and time zone filled in (placeCenter). */
  placed: ReturnType<typeof placeCenter<CenterInput>>;
}
export interface BatchPlan {
  create: Candidate[];
  update: { candidate: Candidate; current: CenterRow }[];
  unchanged: Candidate[];
}

export async function planBatch(db: Db | Tx, candidates: readonly Candidate[]): Promise<BatchPlan> {
  const plan: BatchPlan = { create: [], update: [], unchanged: [] };
  if (candidates.length === 0) return plan;
  const bySource = new Map<string, string[]>();
  for (const { input } of candidates) {
    if (!bySource.has(input.source)) bySource.set(input.source, []);
    bySource.get(input.source)!.push(input.source_id);
  }
  const stored = await db.center.findMany({
    where: { OR: [...bySource].map(([source, ids]) => ({ source, sourceId: { in: ids } })) },
    include: CENTER_INCLUDE,
  });
  const byKey = new Map(stored.map((row) => [keyOf(row.source!, row.sourceId!), row]));
  for (const candidate of candidates) {
    const current = byKey.get(keyOf(candidate.input.source, candidate.input.source_id));
    if (!current) plan.create.push(candidate);
    else if (storesSame(current, candidate.placed)) plan.unchanged.push(candidate);
    else plan.update.push({ candidate, current });
  }
  return plan;
}

/**
 * Holds the batch's keys until the transaction ends, so that concurrent imports of the same
 * records take turns: the later one then plans against the earlier one's committed rows
 * (updates or unchanged) instead of inserting them again. Taken in key order, so two imports
 * of one file cannot deadlock.
 */
export async function lockKeys(tx: Tx, candidates: readonly Candidate[]) {
  if (candidates.length === 0) return;
  const keys = candidates.map((c) => JSON.stringify([c.input.source, c.input.source_id])); // text cannot hold keyOf's NUL
  await tx.$queryRawUnsafe(
    'SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS s',
    keys,
  );
}

export const keyOf = (source: string, sourceId: string) => `${source}\u0000${sourceId}`;

/** An update that could not be written: its new ZIP code could not be geocoded. */
export interface Refused { candidate: Candidate; message: string }

/** Writes a plan; returns the updates it refused. */
export async function writePlan(tx: Tx, plan: BatchPlan, caller: Caller, action: string): Promise<Refused[]> {
  await createCenters(tx, plan.create, caller, action);
  const refused: Refused[] = [];
  for (const { candidate, current } of plan.update) {
    let row: CenterRow;
    try {
      row = await replaceCenter(tx, current, candidate.input, 'import');
    } catch (err) {
      // placeCenter runs before replaceCenter's first query, so the transaction is still usable.
      if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
      refused.push({ candidate, message: err.extra.errors?.[0]?.message ?? err.message });
      continue;
    }
    await afterWrite(tx, row.id, 'upsert', caller, action, presentCenter(current), presentCenter(row));
  }
  return refused;
}

async function createCenters(tx: Tx, candidates: readonly Candidate[], caller: Caller, action: string) {
  if (candidates.length === 0) return;
  const now = new Date();
  const taken = await takenCenterIds(tx, candidates.map((c) => centerIdFor(c.placed)));
  const rows = candidates.map((c) => newCenterRow(c.placed, now, 'import', [], taken.has(centerIdFor(c.placed)) ? randomUUID() : undefined));
  await insertRows(tx, 'centers', rows.map(({ schedules: _s, prices: _p, availability: _a, ...center }) => center));
  await insertRows(tx, 'center_schedules', rows.flatMap((r) => r.schedules));
  await insertRows(tx, 'center_prices', rows.flatMap((r) => r.prices));
  await insertRows(tx, 'center_availability', rows.flatMap((r) => r.availability));
  await insertRows(tx, 'search_outbox', rows.map((r) => ({ centerId: r.id, op: 'upsert' })));
  await insertRows(tx, 'hsds_service_ids', rows.flatMap((r) => serviceIdRows(r.id, r.levelsOfCare)));
  await insertRows(tx, 'audit_entries', rows.map((r) => {
    const after = presentCenter(r);
    return { centerId: r.id, action, actorKey: caller.keyId, actorName: caller.name, changed: changedFields(null, after), after };
  }));
}

/**
 * Inserts rows (keyed by Prisma field names) into a table with one statement. Prisma's
 * createMany spends about 1 s of CPU on 500 centers, jsonb_populate_recordset 65 ms, and the
 * import's speed hangs on this. Field names map to columns as the schema's @map does
 * (addressLine1 → address_line1); a column that does not exist fails loudly, and columns
 * left out get their defaults.
 */
async function insertRows(tx: Tx, table: string, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const fields = Object.keys(rows[0]);
  const columns = fields.map((f) => `"${columnOf(f)}"`).join(', ');
  const records = rows.map((row) => Object.fromEntries(fields.map((f) => [columnOf(f), row[f]])));
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`,
    JSON.stringify(records),
  );
}
