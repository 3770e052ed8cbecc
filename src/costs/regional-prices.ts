import type { Pool } from 'pg';
import { haversineMilesSql, MILES_PER_DEGREE_LAT } from '../geo/radius-sql';
import type { PriceType, PriceUnit } from '../taxonomy/codes';
import type { CenterCache } from '../centers/center-cache';

/**
 * Units pooled for a regional median, most preferred first. Only prices in the same unit are
 * pooled (like with like); per-day prices win whenever there are any. Inpatient prices per
 * hour or session cannot price a stay, and per-episode prices cover stays of unknown length.
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
  oldest: string | null;
  newest: string | null;
  cash_count: number;
  rab_true: number;
  rab_false: number;
}

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * The medians as one JSON array (a row per option, plus a grand-total row with kind null),
 * around a point given as SQL expressions: statement parameters for GET
 * /v1/cost-comparison?near=…, or the columns of the center being read (centers/read-center.ts),
 * so a center-basis comparison is one statement. Each price carries its center's location and
 * whether it is active (kept by PostgreSQL: migration price_locations), so the bounding box (the
 * `boundingBox` of geo/radius-sql.ts, in SQL) is a range of the (level, lat, lng) index of the
 * prices, with no join to the centers; the haversine distance makes it a circle.
 */
export function regionalPricesSql(p: { lat: string; lng: string; miles: string; inpatientLevel: string }): string {
  const best = 'unit_rank = best_rank';
  return `(
    WITH box AS (
      SELECT lat0, lng0, lat0 - d AS min_lat, lat0 + d AS max_lat, lng0 - dl AS min_lng, lng0 + dl AS max_lng, dl >= 180 AS all_lng
      FROM (SELECT lat0, lng0, d, CASE WHEN cos(radians(least(90, abs(lat0) + d))) < 1e-6 THEN 180
                                       ELSE least(180, d / cos(radians(least(90, abs(lat0) + d)))) END AS dl
            FROM (SELECT (${p.lat})::float8 AS lat0, (${p.lng})::float8 AS lng0, (${p.miles})::float8 / ${MILES_PER_DEGREE_LAT} * 1.001 AS d) q) q
    ), priced AS (
      SELECT p.center_id, ${haversineMilesSql({ lat: 'b.lat0', lng: 'b.lng0' }, { lat: 'p.lat', lng: 'p.lng' })} AS miles,
             p.level, p.amount, p.unit, p.price_type, p.as_of, p.includes_room_and_board,
             CASE WHEN p.level = 'iop' THEN 'iop' ELSE 'inpatient' END AS kind,
             CASE WHEN p.level = 'iop' THEN array_position(ARRAY['${REGIONAL_UNITS.iop.join("', '")}'], p.unit)
                  ELSE array_position(ARRAY['${REGIONAL_UNITS.inpatient.join("', '")}'], p.unit) END AS unit_rank
      FROM box b JOIN center_prices p ON p.level IN ('iop', ${p.inpatientLevel}) AND p.lat BETWEEN b.min_lat AND b.max_lat
        AND (b.all_lng OR p.lng BETWEEN b.min_lng AND b.max_lng OR p.lng >= b.min_lng + 360 OR p.lng <= b.max_lng - 360)
      WHERE p.center_active
    ), ranked AS (
      SELECT *, min(unit_rank) OVER (PARTITION BY kind) AS best_rank FROM priced WHERE miles <= (${p.miles})::float8
    ), medians AS (
      SELECT kind,
             min(level) AS level,
             min(unit) FILTER (WHERE ${best}) AS unit,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FILTER (WHERE ${best}) AS median,
             count(*) FILTER (WHERE ${best})::int AS prices_count,
             count(DISTINCT center_id) FILTER (WHERE ${best})::int AS centers_count,
             count(*) FILTER (WHERE unit_rank IS DISTINCT FROM best_rank)::int AS other_units_count,
             max(miles) FILTER (WHERE ${best}) AS farthest_miles,
             to_char(min(as_of) FILTER (WHERE ${best}), 'YYYY-MM-DD') AS oldest,
             to_char(max(as_of) FILTER (WHERE ${best}), 'YYYY-MM-DD') AS newest,
             count(*) FILTER (WHERE ${best} AND price_type = 'cash')::int AS cash_count,
             count(*) FILTER (WHERE ${best} AND includes_room_and_board IS TRUE)::int AS rab_true,
             count(*) FILTER (WHERE ${best} AND includes_room_and_board IS FALSE)::int AS rab_false
      FROM ranked
      GROUP BY GROUPING SETS ((kind), ())
    )
    SELECT coalesce(json_agg(medians), '[]') FROM medians)`;
}

const REGIONAL_SQL = `SELECT ${regionalPricesSql({ lat: '$1', lng: '$2', miles: '$3', inpatientLevel: '$4' })}::text AS regional`;

/** The statement of `findRegionalPrices`, for EXPLAIN in tests. */
export const regionalPricesQuery = (point: { lat: number; lng: number }, miles: number, inpatientLevel: string) =>
  ({ text: REGIONAL_SQL, values: [point.lat, point.lng, miles, inpatientLevel] });

/**
 * Median published prices of active centers within `miles` of a point, for IOP and for the
 * given inpatient level, with how many centers, how far and how old. A named statement:
 * PostgreSQL plans it once per connection. With `cache`, the answer is kept until any center
 * changes (centers/center-cache.ts).
 */
export async function findRegionalPrices(
  pool: Pool, point: { lat: number; lng: number }, miles: number, inpatientLevel: string, cache?: CenterCache,
): Promise<RegionalPrices> {
  const key = `${point.lat},${point.lng},${miles},${inpatientLevel}`;
  const kept = cache?.getMedians(key);
  if (kept) return kept;
  const ticket = cache?.ticket() ?? 0;
  const { rows } = await pool.query<{ regional: string }>({ name: 'regional-prices', ...regionalPricesQuery(point, miles, inpatientLevel) });
  const found = regionalPricesFrom(rows[0].regional, inpatientLevel);
  cache?.setMedians(key, ticket, found);
  return found;
}

/** The JSON of `regionalPricesSql` → RegionalPrices. */
export function regionalPricesFrom(json: string, inpatientLevel: string): RegionalPrices {
  const rows = JSON.parse(json) as Row[];
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
      oldest_as_of: r.oldest!,
      newest_as_of: r.newest!,
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
    oldest_as_of: total?.oldest ?? null,
    newest_as_of: total?.newest ?? null,
  };
}
