import type { Center, StoredAvailability } from '../centers/center-schema';

const HOUR_MS = 3_600_000;

/** Fresh = reported no more than `staleHours` before `nowMs`; only fresh entries count as openings. */
export const isFresh = (updatedAt: string, nowMs: number, staleHours: number) => nowMs - Date.parse(updatedAt) <= staleHours * HOUR_MS;

/** The oldest report time (epoch seconds) that is still fresh at `nowMs`: what search filters on. */
export const freshCutoffSeconds = (nowMs: number, staleHours: number) => Math.ceil((nowMs - staleHours * HOUR_MS) / 1000);

export function freshness(a: StoredAvailability, nowMs: number, staleHours: number) {
  const sinceMs = nowMs - Date.parse(a.updated_at); // the same test as isFresh, on one parse of the time
  return { ...a, stale: !(sinceMs <= staleHours * HOUR_MS), age_hours: Math.round((Math.max(0, sinceMs) / HOUR_MS) * 10) / 10 };
}

/** Adds `stale` and `age_hours` to each availability entry, as of the response. */
export function withFreshness<C extends Pick<Center, 'availability'>>(center: C, nowMs: number, staleHours: number): C {
  return { ...center, availability: center.availability.map((a) => freshness(a, nowMs, staleHours)) };
}
