import { randomUUID } from 'node:crypto';
import { uuidV5 } from '../hsds/hsds-ids';
import type { Prisma } from '../generated/prisma/client';

/**
 * Namespace of the ids of centers that come from an external source. Never change it: every
 * center id, and every HSDS id derived from one, would change with it.
 */
export const CENTER_ID_NAMESPACE = 'd7ad7151-6d38-405a-b3ba-63f569fcc35a';

/**
 * The id a new center gets. A center with `source` + `source_id` gets a UUID v5 of
 * "source:source_id" (unambiguous: `source` cannot contain ":"), so rebuilding the database
 * from the same data gives every center, and every HSDS organization, service and location id
 * derived from it (src/hsds/hsds-ids.ts), the same id again. Others get a random UUID.
 */
export function centerIdFor(c: { source?: string | null; source_id?: string | null }): string {
  return c.source && c.source_id ? uuidV5(`${c.source}:${c.source_id}`, CENTER_ID_NAMESPACE) : randomUUID();
}

/**
 * The derived ids among `ids` that a stored center already holds. That happens only when a
 * center's source or source_id was changed after it was created (its id stays), and a new
 * center then arrives with the old key: that one gets a random id instead.
 */
export async function takenCenterIds(tx: Prisma.TransactionClient, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.center.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** centerIdFor, unless a stored center holds that id already (see takenCenterIds). */
export async function freeCenterId(tx: Prisma.TransactionClient, c: { source?: string | null; source_id?: string | null }): Promise<string> {
  const id = centerIdFor(c);
  if (!(c.source && c.source_id)) return id;
  return (await takenCenterIds(tx, [id])).has(id) ? randomUUID() : id;
}
