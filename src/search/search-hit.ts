import { freshness } from '../availability/freshness';
import type { Center, StoredAvailability } from '../centers/center-schema';
import { distanceMiles } from '../geo/zip-codes';
import { intakeOpenNow } from './intake-slots';

/**
 * A center as the index keeps it for search results: its JSON already encoded, split around
 * `availability` (whose freshness depends on when the query is answered), with what the hit
 * adds at answer time. A page of results is then strings joined, not ~36 KB of objects
 * decoded, copied and re-encoded per request.
 */
export interface HitParts {
  /** The center's JSON up to and including `"availability":`. */
  head: string;
  /** The rest of it after the availability array, without the closing brace. */
  tail: string;
  availability: StoredAvailability[];
  location: Center['location'];
  timezone: string;
  intake: Center['intake'];
}

const AVAILABILITY_KEY = '"availability":[]';

export function hitParts(center: Center): HitParts {
  // Same key order as the center; a quote inside a string value is escaped, so the key is unique.
  const json = JSON.stringify({ ...center, availability: [] });
  const at = json.indexOf(AVAILABILITY_KEY);
  return {
    head: json.slice(0, at + AVAILABILITY_KEY.length - 2),
    tail: json.slice(at + AVAILABILITY_KEY.length, -1),
    availability: center.availability, location: center.location, timezone: center.timezone, intake: center.intake,
  };
}

type Point = { lat: number; lng: number } | null;

/**
 * The hit as JSON: the center with each report's freshness, then `distance_miles` from `point`
 * and `intake_open_now` when the center lists intake hours (tests/unit/search/search-hit.test.ts
 * holds it equal to encoding that object).
 */
export function hitJson(parts: HitParts, point: Point, nowMs: number, staleHours: number): string {
  let json = openCenterJson(parts, nowMs, staleHours);
  if (point) json += `,"distance_miles":${Math.round(distanceMiles(point, parts.location) * 100) / 100}`;
  const open = intakeOpenNow(parts, nowMs);
  if (open !== undefined) json += `,"intake_open_now":${open}`;
  return `${json}}`;
}

/** The center alone as JSON, each report with its freshness as of `nowMs` (GET /v1/centers/{id}). */
export function centerJson(parts: HitParts, nowMs: number, staleHours: number): string {
  return `${openCenterJson(parts, nowMs, staleHours)}}`;
}

const openCenterJson = (parts: HitParts, nowMs: number, staleHours: number) =>
  parts.head + JSON.stringify(parts.availability.map((a) => freshness(a, nowMs, staleHours))) + parts.tail;
