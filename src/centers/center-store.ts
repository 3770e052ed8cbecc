import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../errors';
import type { Db } from '../db/prisma';
import { validationError } from '../http/define-route';
import type { Caller } from '../http/auth';
import type { Prisma } from '../generated/prisma/client';
import { storeServiceIds } from '../hsds/store-service-ids';
import { freeCenterId } from './center-id';
import { availabilityRows, CENTER_INCLUDE, centerColumns, childRows, presentCenter, type CenterRow } from './center-record';
import { CenterInputSchema, type Center, type CenterInput, type CenterPatch, type Reporter } from './center-schema';
import { placeCenter } from './geocode-center';

type Tx = Prisma.TransactionClient;
export const etagOf = (row: { id: string; version: number }) => `"${row.id.slice(0, 8)}-${row.version}"`;

/** Fields that are bookkeeping, not content: left out of audit diffs. */
const NOT_AUDITED = new Set(['created_at', 'updated_at']);

/** Who an availability entry written by this caller and action is reported by. */
export function reporterOf(caller: Caller, action: string): Reporter {
  if (action === 'import' || action === 'seed') return 'import';
  return caller.role === 'center' || caller.role === 'staff' ? caller.role : 'admin';
}

/** Inserts a validated center, its outbox row and its audit entry in one transaction. */
export async function insertCenter(tx: Tx, input: CenterInput, caller: Caller, action = 'create'): Promise<CenterRow> {
  const placed = placeCenter(input);
  const { schedules, prices } = childRows(placed);
  const availability = availabilityRows([], placed.availability, reporterOf(caller, action), new Date());
  const row = await tx.center.create({
    data: { id: await freeCenterId(tx, placed), ...centerColumns(placed), schedules: { create: schedules }, prices: { create: prices }, availability: { create: availability } },
    include: CENTER_INCLUDE,
  });
  await afterWrite(tx, row.id, 'upsert', caller, action, null, presentCenter(row));
  return row;
}

export async function createCenter(db: Db, input: CenterInput, caller: Caller) {
  const row = await db.$transaction((tx) => insertCenter(tx, input, caller));
  return { center: presentCenter(row), etag: etagOf(row) };
}

/**
 * Applies a partial update: merged with the stored center, re-validated as a whole, written
 * only if nobody else wrote in between (version check), so a stale If-Match is a 412.
 */
export async function updateCenter(db: Db, id: string, patch: CenterPatch, ifMatch: string | undefined, caller: Caller, action = 'update', note?: string) {
  return db.$transaction(async (tx) => {
    const current = await tx.center.findUnique({ where: { id }, include: CENTER_INCLUDE });
    if (!current) throw new AppError('not_found', `No center with id ${id}`);
    checkIfMatch(ifMatch, current);
    const before = presentCenter(current);
    const merged = mergePatch(before, patch);
    const row = await replaceCenter(tx, current, merged, reporterOf(caller, action));
    await afterWrite(tx, id, 'upsert', caller, action, before, presentCenter(row), note);
    return { center: presentCenter(row), etag: etagOf(row) };
  });
}

/** Overwrites a stored center with a validated input; used by PATCH and by imports. */
export async function replaceCenter(tx: Tx, current: CenterRow, input: CenterInput, reporter: Reporter = 'import'): Promise<CenterRow> {
  const placed = placeCenter(keepGeocodedLocation(current, input));
  const { schedules, prices } = childRows(placed);
  const { count } = await tx.center.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...centerColumns(placed), version: { increment: 1 } },
  });
  if (count === 0) throw new AppError('precondition_failed', 'The center was changed by someone else while you were writing; read it again and retry');
  await tx.centerSchedule.deleteMany({ where: { centerId: current.id } });
  await tx.centerPrice.deleteMany({ where: { centerId: current.id } });
  if (schedules.length) await tx.centerSchedule.createMany({ data: schedules.map((s) => ({ ...s, centerId: current.id })) });
  if (prices.length) await tx.centerPrice.createMany({ data: prices.map((p) => ({ ...p, centerId: current.id })) });
  // Left out of the input = keep the stored availability (an import without it must not wipe openings).
  if (placed.availability !== undefined) await writeAvailability(tx, current.id, availabilityRows(current.availability, placed.availability, reporter, new Date()));
  else if (current.availability.some((a) => !placed.levels_of_care.includes(a.level as never))) {
    // A level that is no longer offered takes its openings with it.
    await writeAvailability(tx, current.id, availabilityRows(current.availability.filter((a) => placed.levels_of_care.includes(a.level as never)), undefined, reporter, new Date()));
  }
  return tx.center.findUniqueOrThrow({ where: { id: current.id }, include: CENTER_INCLUDE });
}

export async function writeAvailability(tx: Tx, centerId: string, rows: ReturnType<typeof availabilityRows>) {
  await tx.centerAvailability.deleteMany({ where: { centerId } });
  if (rows.length) await tx.centerAvailability.createMany({ data: rows.map((a) => ({ ...a, centerId })) });
}

export async function deleteCenter(db: Db, id: string, ifMatch: string | undefined, caller: Caller) {
  await db.$transaction(async (tx) => {
    const current = await tx.center.findUnique({ where: { id }, include: CENTER_INCLUDE });
    if (!current) throw new AppError('not_found', `No center with id ${id}`);
    checkIfMatch(ifMatch, current);
    const { count } = await tx.center.deleteMany({ where: { id, version: current.version } });
    if (count === 0) throw new AppError('precondition_failed', 'The center was changed by someone else; read it again and retry');
    await afterWrite(tx, id, 'delete', caller, 'delete', presentCenter(current), null);
  });
}

/** Every committed write leaves an outbox row (for the search index) and an audit entry. */
export async function afterWrite(tx: Tx, centerId: string, op: 'upsert' | 'delete', caller: Caller, action: string, before: Center | null, after: Center | null, note?: string) {
  await tx.searchOutbox.create({ data: { centerId, op } });
  await storeServiceIds(tx, centerId, before?.levels_of_care, after?.levels_of_care);
  const changed = changedFields(before, after);
  if (before && after && changed.length === 0) return;
  await tx.auditEntry.create({
    data: {
      centerId, action, actorKey: caller.keyId, actorName: caller.name, changed, note: note ?? null,
      before: before ? (before as unknown as Prisma.InputJsonValue) : undefined,
      after: after ? (after as unknown as Prisma.InputJsonValue) : undefined,
    },
  });
}

export function changedFields(before: Center | null, after: Center | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => !NOT_AUDITED.has(k)
    && !isDeepStrictEqual((before as Record<string, unknown> | null)?.[k], (after as Record<string, unknown> | null)?.[k]));
}

function checkIfMatch(ifMatch: string | undefined, row: { id: string; version: number }) {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const tags = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!tags.includes(etagOf(row))) {
    throw new AppError('precondition_failed', `If-Match ${ifMatch} does not match the current ETag ${etagOf(row)}; read the center again and retry`);
  }
}

/** The stored center with the patch applied, validated as a whole (e.g. schedule levels). */
function mergePatch(current: Center, patch: CenterPatch): CenterInput {
  // Stored availability carries server-set fields; a PATCH without availability keeps it as is.
  const { id: _id, created_at: _c, updated_at: _u, availability: _a, ...stored } = current;
  const merged: Record<string, unknown> = { ...stored };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) merged[k] = v;
  // A new address without a new location must be geocoded again.
  if (patch.address && !patch.location && current.address.postal_code !== patch.address.postal_code) merged.location = null;
  const parsed = CenterInputSchema.safeParse(stripNulls(merged));
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return parsed.data;
}

function keepGeocodedLocation(current: CenterRow, input: CenterInput): CenterInput {
  let kept = input;
  // A location the server geocoded is re-derived from the ZIP, not kept as if given.
  if (current.geocoded && input.location && input.location.lat === current.lat && input.location.lng === current.lng) {
    kept = { ...kept, location: null };
  }
  // Likewise a derived time zone follows the (new) location; one the caller gave stays.
  if (current.timezoneDerived && input.timezone === current.timezone) kept = { ...kept, timezone: null };
  return kept;
}

function stripNulls(o: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
}
