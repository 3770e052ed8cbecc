import { freshness, withFreshness } from '../availability/freshness';
import type { Center, StoredAvailability } from '../centers/center-schema';
import { distanceMiles } from '../geo/zip-codes';
import { intakeOpenNow } from './intake-slots';

export type CenterHit = Center & { distance_miles?: number; intake_open_now?: boolean };

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

/** The hit as JSON: exactly JSON.stringify(presentHit(center, …)). */
export function hitJson(parts: HitParts, point: Point, nowMs: number, staleHours: number): string {
  let json = parts.head + JSON.stringify(parts.availability.map((a) => freshness(a, nowMs, staleHours))) + parts.tail;
  if (point) json += `,"distance_miles":${Math.round(distanceMiles(point, parts.location) * 100) / 100}`;
  const open = intakeOpenNow(parts, nowMs);
  if (open !== undefined) json += `,"intake_open_now":${open}`;
  return `${json}}`;
}

/** A search hit: the center with freshness, and its distance and whether intake is open now. */
export function presentHit(center: Center, point: Point, nowMs: number, staleHours: number): CenterHit {
  const hit: CenterHit = withFreshness(center, nowMs, staleHours);
  if (point) hit.distance_miles = Math.round(distanceMiles(point, center.location) * 100) / 100;
  const open = intakeOpenNow(center, nowMs);
  if (open !== undefined) hit.intake_open_now = open;
  return hit;
}
