import { isDeepStrictEqual } from 'node:util';
import type { Caller } from '../http/auth';
import type { Prisma } from '../generated/prisma/client';
import { CENTER_INCLUDE, presentCenter, type CenterRow } from './center-record';
import { CenterInputSchema, type CenterInput } from './center-schema';
import { afterWrite, insertCenter, replaceCenter } from './center-store';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Creates or updates the center keyed by (source, source_id); a record equal to what is stored
 * changes nothing, so loading the same file twice is a no-op.
 */
export async function upsertBySource(tx: Prisma.TransactionClient, input: CenterInput, caller: Caller, action = 'import'): Promise<UpsertOutcome> {
  if (!input.source || !input.source_id) throw new Error('upsertBySource needs source and source_id');
  const current = await tx.center.findUnique({
    where: { source_sourceId: { source: input.source, sourceId: input.source_id } }, include: CENTER_INCLUDE,
  });
  if (!current) {
    await insertCenter(tx, input, caller, action);
    return 'created';
  }
  if (sameContent(current, input)) return 'unchanged';
  const before = presentCenter(current);
  const row = await replaceCenter(tx, current, input);
  await afterWrite(tx, row.id, 'upsert', caller, action, before, presentCenter(row));
  return 'updated';
}

/** The stored center, normalised the way an input is, compared with the input. */
export function sameContent(row: CenterRow, input: CenterInput): boolean {
  const { id: _i, created_at: _c, updated_at: _u, ...stored } = presentCenter(row);
  const a = withoutNulls(CenterInputSchema.parse(withoutNulls(stored))) as Record<string, unknown>;
  const b = withoutNulls(input) as Record<string, unknown>;
  // What the server derived (location from the ZIP, time zone) is not compared unless given.
  if (!b.location && row.geocoded) delete a.location;
  if (!b.timezone) delete a.timezone;
  return isDeepStrictEqual(a, b);
}

/** A stored null and an absent input field mean the same, at any depth. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}
