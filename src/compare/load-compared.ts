import { CENTER_INCLUDE, presentCenter } from '../centers/center-record';
import type { Db } from '../db/prisma';
import { AppError } from '../errors';
import { distanceMiles } from '../geo/zip-codes';
import type { ComparedCenter } from './compare-centers';

/** The centers in the order asked, each with its distance from `point`; an unknown id is a 404 naming it. */
export async function loadCompared(db: Db, ids: string[], point: { lat: number; lng: number } | null): Promise<ComparedCenter[]> {
  const rows = await db.center.findMany({ where: { id: { in: ids } }, include: CENTER_INCLUDE });
  const byId = new Map(rows.map((r) => [r.id, presentCenter(r)]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) {
    throw new AppError('not_found', `No center with id ${missing.join(', ')} (ids)`, {
      errors: missing.map((id) => ({ path: 'ids', message: `no center with id ${id}` })),
    });
  }
  return ids.map((id) => {
    const center = byId.get(id)!;
    return point ? { ...center, distance_miles: Math.round(distanceMiles(point, center.location) * 100) / 100 } : center;
  });
}
