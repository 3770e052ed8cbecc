import type { Pool } from 'pg';
import { CENTER_JSON, type FreshCenter } from '../centers/read-center';
import { AppError } from '../errors';
import { regionalPricesFrom, regionalPricesSql, type RegionalPrices } from './regional-prices';

/**
 * The center of a center-basis cost comparison, and — only when it publishes no IOP price or
 * none for the inpatient levels that could price the comparison — the regional medians around
 * it to fill in: one statement either way. $4 = radius in miles, $5 = the inpatient level of the
 * medians, $6 = the inpatient levels the center's own prices may come from.
 */
const READ_CENTER_FOR_COSTS_SQL = `SELECT c.version, ${CENTER_JSON} AS json,
  CASE WHEN NOT EXISTS (SELECT 1 FROM center_prices x WHERE x.center_id = c.id AND x.level = 'iop')
         OR NOT EXISTS (SELECT 1 FROM center_prices x WHERE x.center_id = c.id AND x.level = ANY($6::text[]))
       THEN ${regionalPricesSql({ lat: 'c.lat', lng: 'c.lng', miles: '$4', inpatientLevel: '$5' })}::text END AS regional
FROM centers c WHERE c.id = $1`;

export async function readCenterForCosts(pool: Pool, id: string, nowMs: number, staleHours: number,
  around: { miles: number; inpatientLevel: string; ownInpatientLevels: string[] }): Promise<{ center: FreshCenter; version: number; regional: RegionalPrices | undefined }> {
  const { rows } = await pool.query<{ version: number; json: string; regional: string | null }>({
    name: 'read-center-for-costs', text: READ_CENTER_FOR_COSTS_SQL,
    values: [id, String(nowMs), String(staleHours), around.miles, around.inpatientLevel, around.ownInpatientLevels],
  });
  if (rows.length === 0) throw new AppError('not_found', `No center with id ${id}`);
  const { version, json, regional } = rows[0];
  return { center: JSON.parse(json) as FreshCenter, version, regional: regional == null ? undefined : regionalPricesFrom(regional, around.inpatientLevel) };
}
