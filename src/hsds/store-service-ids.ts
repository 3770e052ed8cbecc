import type { Db } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { CENTER_INCLUDE, presentCenter } from '../centers/center-record';
import type { Center } from '../centers/center-schema';
import type { LevelOfCare } from '../taxonomy/codes';
import { centerScopedId } from './hsds-ids';

/**
 * The hsds_service_ids table: for each service (center, level of care) its HSDS service id and
 * service_at_location id. The ids are UUID v5 hashes and cannot be decoded, so the feed looks
 * them up here, one primary-key or unique-index read. Every center write keeps the table
 * current: `afterWrite` (center-store.ts) and the import's bulk insert (import-batch.ts);
 * deleting a center deletes its rows (ON DELETE CASCADE).
 */

/** Rows keyed by Prisma field names, as the import's insertRows takes them. */
export function serviceIdRows(centerId: string, levels: readonly string[]) {
  return [...new Set(levels)].map((level) => ({
    id: centerScopedId(centerId, 'service', level),
    serviceAtLocationId: centerScopedId(centerId, 'service_at_location', level),
    centerId,
    level,
  }));
}

/** After a center write: the rows of its current levels, and no others. */
export async function storeServiceIds(tx: Prisma.TransactionClient, centerId: string, before: readonly string[] | undefined, after: readonly string[] | undefined) {
  if (!after) return; // deleted: the rows went with the center
  if (before && before.length === after.length && before.every((l, i) => l === after[i])) return;
  const rows = serviceIdRows(centerId, after);
  await tx.$executeRaw`DELETE FROM hsds_service_ids WHERE center_id = ${centerId}::uuid AND NOT (level = ANY(${after as string[]}::text[]))`;
  if (rows.length) await tx.hsdsServiceId.createMany({ data: rows, skipDuplicates: true });
}

export interface FoundService { center: Center; level: LevelOfCare }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The service behind an HSDS service id or service_at_location id, or null. */
export async function findServiceById(db: Db, kind: 'service' | 'service_at_location', id: string): Promise<FoundService | null> {
  if (!UUID.test(id)) return null;
  const key = id.toLowerCase();
  const row = await db.hsdsServiceId.findUnique({
    where: kind === 'service' ? { id: key } : { serviceAtLocationId: key },
    include: { center: { include: CENTER_INCLUDE } },
  });
  if (!row) return null;
  const center = presentCenter(row.center);
  // A write that dropped the level removes the row in the same transaction; checked anyway.
  return center.levels_of_care.includes(row.level as LevelOfCare) ? { center, level: row.level as LevelOfCare } : null;
}
