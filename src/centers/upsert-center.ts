import type { Caller } from '../http/auth';
import type { Prisma } from '../generated/prisma/client';
import { CENTER_INCLUDE, presentCenter, storesSame, type CenterRow } from './center-record';
import { placeCenter } from './geocode-center';
import type { CenterInput } from './center-schema';
import { afterWrite, insertCenter, replaceCenter, reporterOf } from './center-store';

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
  const row = await replaceCenter(tx, current, input, reporterOf(caller, action));
  await afterWrite(tx, row.id, 'upsert', caller, action, before, presentCenter(row));
  return 'updated';
}

/** True when writing the input would change nothing (a bad new ZIP is left to the write to report). */
export function sameContent(row: CenterRow, input: CenterInput): boolean {
  try {
    return storesSame(row, placeCenter(input));
  } catch {
    return false;
  }
}
