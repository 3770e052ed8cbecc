import type { Db } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import type { PriceType, PriceUnit } from '../taxonomy/codes';
import { boundingBoxSql, distanceMilesSql } from '../geo/radius-sql';


/**
 * Units pooled for a regional median, most preferred first. Only prices in the same unit are
 * pooled (like with like); per-day prices win whenever there are any. Inpatient prices per
 * hour or session cannot price a stay, and per-episode prices cover stays of unknown length.
 * Keep in step with the CASE in the query below.
 */
export const REGIONAL_UNITS = { iop: ['day', 'week', 'session', 'hour'], inpatient: ['day', 'week'] } as const;

export interface RegionalMedian {
  level: string;
  unit: PriceUnit;
  /** Median amount in USD, rounded to cents. */
  amount: number;
  prices_count: number;
  centers_count: number;
  /** Prices of this level nearby in another unit, left out of the median. */
  other_units_count: number;
  farthest_miles: number;
  oldest_as_of: string;
  newest_as_of: string;
  /** Set when every pooled price has the same type / says the same about room and board. */
  price_type: PriceType | null;
  includes_room_and_board: boolean | null;
}

export interface RegionalPrices {
  iop: RegionalMedian | null;
  inpatient: RegionalMedian | null;
  /** Distinct centers whose prices went into either median. */
  centers_count: number;
  farthest_miles: number | null;
  oldest_as_of: string | null;
  newest_as_of: string | null;
}

interface Row {
  kind: 'iop' | 'inpatient' | null;
  level: string | null;
  unit: PriceUnit | null;
  median: number | null;
  prices_count: number;
  centers_count: number;
  other_units_count: number;
  farthest_miles: number | null;
  oldest: Date | null;
  newest: Date | null;
  cash_count: number;
  rab_true: number;
  rab_false: number;
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * The one query: the bounding box uses the (lat, lng) index, the haversine distance makes it
 * a circle, and Postgres computes the medians per option, plus a grand-total row (kind null).
 */
export function regionalPricesQuery(point: { lat: number; lng: number }, miles: number, inpatientLevel: string): Prisma.Sql {
  const best = Prisma.sql`unit_rank = best_rank`;
  return Prisma.sql`
    WITH nearby AS (
      SELECT c.id, ${distanceMilesSql(point)} AS miles
      FROM centers c
      WHERE c.status = 'active' AND ${boundingBoxSql(point, miles)}
    ), priced AS (
      SELECT p.center_id, n.miles, p.level, p.amount, p.unit, p.price_type, p.as_of, p.includes_room_and_board,
             CASE WHEN p.level = 'iop' THEN 'iop' ELSE 'inpatient' END AS kind,
             CASE WHEN p.level = 'iop' THEN array_position(ARRAY['day', 'week', 'session', 'hour'], p.unit)
                  ELSE array_position(ARRAY['day', 'week'], p.unit) END AS unit_rank
      FROM nearby n JOIN center_prices p ON p.center_id = n.id
      WHERE n.miles <= ${miles}::float8 AND p.level IN ('iop', ${inpatientLevel})
    ), ranked AS (
      SELECT *, min(unit_rank) OVER (PARTITION BY kind) AS best_rank FROM priced
    )
    SELECT kind,
           min(level) AS level,
           min(unit) FILTER (WHERE ${best}) AS unit,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FILTER (WHERE ${best}) AS median,
           count(*) FILTER (WHERE ${best})::int AS prices_count,
           count(DISTINCT center_id) FILTER (WHERE ${best})::int AS centers_count,
           count(*) FILTER (WHERE unit_rank IS DISTINCT FROM best_rank)::int AS other_units_count,
           max(miles) FILTER (WHERE ${best}) AS farthest_miles,
           min(as_of) FILTER (WHERE ${best}) AS oldest,
           max(as_of) FILTER (WHERE ${best}) AS newest,
           count(*) FILTER (WHERE ${best} AND price_type = 'cash')::int AS cash_count,
           count(*) FILTER (WHERE ${best} AND includes_room_and_board IS TRUE)::int AS rab_true,
           count(*) FILTER (WHERE ${best} AND includes_room_and_board IS FALSE)::int AS rab_false
    FROM ranked
    GROUP BY GROUPING SETS ((kind), ())`;
}

/**
 * Median published prices of active centers within `miles` of a point, for IOP and for the
 * given inpatient level, with how many centers, how far and how old.
 */
export async function findRegionalPrices(
  db: Db, point: { lat: number; lng: number }, miles: number, inpatientLevel: string,
): Promise<RegionalPrices> {
  const rows = await db.$queryRaw<Row[]>(regionalPricesQuery(point, miles, inpatientLevel));

  const median = (kind: 'iop' | 'inpatient'): RegionalMedian | null => {
    const r = rows.find((x) => x.kind === kind);
    if (!r || r.median == null || !r.unit || r.prices_count === 0) return null;
    const n = r.prices_count;
    return {
      level: r.level ?? (kind === 'iop' ? 'iop' : inpatientLevel),
      unit: r.unit,
      amount: cents(r.median),
      prices_count: n,
      centers_count: r.centers_count,
      other_units_count: r.other_units_count,
      farthest_miles: cents(r.farthest_miles ?? 0),
      oldest_as_of: isoDate(r.oldest)!,
      newest_as_of: isoDate(r.newest)!,
      price_type: r.cash_count === n ? 'cash' : r.cash_count === 0 ? 'billed_charge' : null,
      includes_room_and_board: r.rab_true === n ? true : r.rab_false === n ? false : null,
    };
  };
  const total = rows.find((x) => x.kind == null);
  return {
    iop: median('iop'),
    inpatient: median('inpatient'),
    centers_count: total?.centers_count ?? 0,
    farthest_miles: total?.farthest_miles == null ? null : cents(total.farthest_miles),
    oldest_as_of: isoDate(total?.oldest ?? null),
    newest_as_of: isoDate(total?.newest ?? null),
  };
}
