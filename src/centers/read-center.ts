import type { Pool } from 'pg';
import { AppError } from '../errors';
import { withFreshness } from '../availability/freshness';
import { centerJson, hitParts } from '../search/search-hit';
import type { CenterCache } from './center-cache';
import type { Center, StoredAvailability } from './center-schema';
import { etagOf } from './center-store';

/** A center as GET /v1/centers/{id} shows it: each availability entry says whether it is stale. */
export type FreshCenter = Omit<Center, 'availability'> & { availability: (StoredAvailability & { stale: boolean; age_hours: number })[] };

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const list = (table: string, alias: string, fields: string) =>
  `(SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY ${alias}.position), '[]') FROM ${table} ${alias} WHERE ${alias}.center_id = c.id)`;

/**
 * The public Center, built by PostgreSQL as JSON in one statement. It is the same shape as
 * presentCenter (center-record.ts) followed by withFreshness (availability/freshness.ts), key
 * for key and in the same order; tests/integration/read-center.test.ts holds the two equal on
 * every center it can make. With `fresh`: $2 = now (epoch ms), $3 = hours after which a report
 * is stale; without, the availability entries are as stored (presentCenter alone).
 */
function centerJsonSql(fresh: boolean) {
  const freshness = fresh ? `,
      'stale', $2::numeric - extract(epoch FROM a.updated_at) * 1000 > $3::numeric * 3600000,
      'age_hours', (round(greatest(0, $2::numeric - extract(epoch FROM a.updated_at) * 1000) / 360000) / 10)::float8` : '';
  return `json_build_object(
  'id', c.id, 'name', c.name, 'description', c.description, 'status', c.status,
  'phone', c.phone, 'website', c.website, 'email', c.email,
  'address', json_build_object('line1', c.address_line1, 'line2', c.address_line2, 'city', c.city, 'state', c.state, 'postal_code', c.postal_code),
  'location', json_build_object('lat', c.lat, 'lng', c.lng),
  'timezone', c.timezone,
  'levels_of_care', c.levels_of_care, 'modalities', c.modalities, 'medications', c.medications, 'payers', c.payers,
  'insurers', c.insurers, 'populations', c.populations, 'languages', c.languages,
  'telehealth', c.telehealth, 'accepting_new_patients', c.accepting_new_patients,
  'schedules', ${list('center_schedules', 's', `'level', s.level, 'days', s.days, 'start', s.start, 'end', s."end", 'format', s.format`)},
  'prices', ${list('center_prices', 'p', `'level', p.level, 'amount', p.amount::float8, 'unit', p.unit, 'price_type', p.price_type,
      'typical_length', CASE WHEN p.typical_length_value IS NULL THEN NULL ELSE json_build_object('value', p.typical_length_value, 'unit', p.typical_length_unit) END,
      'days_per_week', p.days_per_week, 'hours_per_week', p.hours_per_week, 'includes_room_and_board', p.includes_room_and_board,
      'source', p.source, 'as_of', ${day('p.as_of')}`)},
  'accreditations', c.accreditations, 'conditions', c.conditions, 'accessibility', c.accessibility, 'intake', c.intake,
  'availability', ${list('center_availability', 'a', `'level', a.level, 'status', a.status, 'open_slots', a.open_slots, 'waitlist_days', a.waitlist_days,
      'next_intake_date', ${day('a.next_intake_date')}, 'updated_at', ${iso('a.updated_at')}, 'reported_by', a.reported_by${freshness}`)},
  'license_number', c.license_number, 'verified_at', ${iso('c.verified_at')},
  'source', c.source, 'source_id', c.source_id,
  'created_at', ${iso('c.created_at')}, 'updated_at', ${iso('c.updated_at')}
)::text`;
}
export const CENTER_JSON = centerJsonSql(true);
const READ_CENTER_SQL = `SELECT c.version, ${CENTER_JSON} AS json FROM centers c WHERE c.id = $1`;

/**
 * One center for a read (GET /v1/centers/{id}, the cost comparison): one round trip, as a named
 * statement so PostgreSQL plans it once per connection, not on every call; no ORM in between.
 */
export async function readCenter(pool: Pool, id: string, nowMs: number, staleHours: number): Promise<{ center: FreshCenter; version: number }> {
  const { rows } = await pool.query<{ version: number; json: string }>({
    name: 'read-center', text: READ_CENTER_SQL, values: [id, String(nowMs), String(staleHours)],
  });
  if (rows.length === 0) throw new AppError('not_found', `No center with id ${id}`);
  return { center: JSON.parse(rows[0].json) as FreshCenter, version: rows[0].version };
}

const READ_STORED_CENTER_SQL = `SELECT c.version, ${centerJsonSql(false)} AS json FROM centers c WHERE c.id = $1`;

/**
 * GET /v1/centers/{id} as JSON text, and its ETag: from the cache when it holds the center,
 * else one round trip to PostgreSQL (kept for the next read). Freshness is added as of `nowMs`
 * either way, so a kept center's reports turn stale on time.
 */
export async function readCenterJson(pool: Pool, cache: CenterCache | undefined, id: string, nowMs: number, staleHours: number): Promise<{ json: string; etag: string }> {
  let entry = cache?.get(id);
  if (!entry) {
    const ticket = cache?.ticket() ?? 0;
    const { rows } = await pool.query<{ version: number; json: string }>({ name: 'read-stored-center', text: READ_STORED_CENTER_SQL, values: [id] });
    if (rows.length === 0) throw new AppError('not_found', `No center with id ${id}`);
    entry = { etag: etagOf({ id, version: rows[0].version }), parts: hitParts(JSON.parse(rows[0].json) as Center) };
    cache?.set(id, ticket, entry);
  }
  return { json: centerJson(entry.parts, nowMs, staleHours), etag: entry.etag };
}

/** A center this instance keeps, as GET /v1/centers/{id} would show it at `nowMs`; undefined if not kept. */
export function keptCenter(cache: CenterCache | undefined, id: string, nowMs: number, staleHours: number): FreshCenter | undefined {
  const entry = cache?.get(id);
  if (!entry) return undefined;
  entry.decoded ??= Object.freeze({ ...(JSON.parse(`${entry.parts.head}[]${entry.parts.tail}}`) as Center), availability: entry.parts.availability });
  return withFreshness(entry.decoded, nowMs, staleHours) as FreshCenter;
}

/** Keeps a center read by another statement (the cost comparison's), without its freshness. */
export function keepCenter(cache: CenterCache | undefined, ticket: number, center: FreshCenter, version: number) {
  if (!cache) return;
  const stored = { ...center, availability: center.availability.map(({ stale: _stale, age_hours: _age, ...a }) => a) };
  cache.set(center.id, ticket, { etag: etagOf({ id: center.id, version }), parts: hitParts(stored) });
}
