/**
 * Search hits are assembled from JSON encoded at indexing time (src/search/search-hit.ts). The
 * result must be byte for byte what encoding the presented hit gives, for any center text,
 * availability, intake hours, clock and `near`.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Center } from '../../../src/centers/center-schema';
import { withFreshness } from '../../../src/availability/freshness';
import { distanceMiles } from '../../../src/geo/zip-codes';
import { intakeOpenNow } from '../../../src/search/intake-slots';
import { hitJson, hitParts } from '../../../src/search/search-hit';
import { AVAILABILITY_STATUSES, DAYS, LEVELS_OF_CARE } from '../../../src/taxonomy/codes';

const LEVELS = Object.keys(LEVELS_OF_CARE);

const HOUR = 3_600_000;

/** The reference: the hit as an object, as the search presented it before hits were pre-encoded. */
function presentHit(center: Center, point: { lat: number; lng: number } | null, nowMs: number, staleHours: number) {
  const hit: Center & { distance_miles?: number; intake_open_now?: boolean } = withFreshness(center, nowMs, staleHours);
  if (point) hit.distance_miles = Math.round(distanceMiles(point, center.location) * 100) / 100;
  const open = intakeOpenNow(center, nowMs);
  if (open !== undefined) hit.intake_open_now = open;
  return hit;
}
const NOW = Date.parse('2026-12-02T15:30:00Z');
const seed = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../seed/centers.json'), 'utf8')) as Record<string, unknown>[];

const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('"availability":[]', 'a "quoted" \\ name', '}{][', '\u2028 line sep', ''));
const time = fc.constantFrom('00:00', '06:30', '09:00', '17:45', '24:00');
const center = fc.record({
  base: fc.constantFrom(...seed),
  name: text,
  description: fc.option(text, { nil: null }),
  timezone: fc.constantFrom('America/New_York', 'America/Denver', 'Pacific/Honolulu', 'America/Anchorage'),
  availability: fc.array(fc.record({
    level: fc.constantFrom(...LEVELS), status: fc.constantFrom(...AVAILABILITY_STATUSES),
    open_slots: fc.option(fc.nat(50), { nil: null }), waitlist_days: fc.option(fc.nat(90), { nil: null }),
    next_intake_date: fc.constantFrom(null, '2026-12-24'),
    updated_at: fc.integer({ min: 0, max: 200 * HOUR }).map((age) => new Date(NOW - age).toISOString()),
    reported_by: fc.constantFrom('center', 'staff', 'admin', 'import'),
  }), { maxLength: 4 }),
  intake: fc.option(fc.record({
    phone: fc.constantFrom(null, '(212) 555-0100'),
    hours: fc.array(fc.record({ days: fc.subarray([...DAYS], { minLength: 1 }), start: time, end: time }), { maxLength: 3 }),
    walk_in: fc.constantFrom(null, true, false), same_day_assessment: fc.constantFrom(null, true),
    referral_required: fc.constantFrom(null, false), note: fc.option(text, { nil: null }),
  }), { nil: null }),
}).map(({ base, ...fields }) => ({
  id: '4daf1686-a398-5d0d-b32c-754e8a900437', location: { lat: 34.0, lng: -118.4 }, ...base, ...fields, conditions: [], accessibility: [],
  created_at: '2026-11-20T00:00:00.000Z', updated_at: '2026-11-21T00:00:00.000Z',
}) as unknown as Center);
const point = fc.option(fc.record({ lat: fc.double({ min: 18, max: 72, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) }), { nil: null });

it('assembles exactly the JSON of the presented hit', () => {
  fc.assert(fc.property(center, point, fc.integer({ min: 0, max: 100 * HOUR }), (c, p, later) => {
    // Through JSON, as the index stores and returns the parts.
    const parts = JSON.parse(JSON.stringify(hitParts(c)));
    expect(hitJson(parts, p, NOW + later, 72)).toBe(JSON.stringify(presentHit(c, p, NOW + later, 72)));
  }), { numRuns: 500 });
});

it('puts the freshness of each report where the center has its availability', () => {
  const c = { ...seed[0], id: 'x', availability: [{ level: 'iop', status: 'open', open_slots: 2, waitlist_days: null, next_intake_date: null, updated_at: new Date(NOW - 73 * HOUR).toISOString(), reported_by: 'staff' }] } as unknown as Center;
  const hit = JSON.parse(hitJson(hitParts(c), { lat: 40.8, lng: -73.9 }, NOW, 72));
  expect(hit.availability).toEqual([expect.objectContaining({ level: 'iop', stale: true, age_hours: 73 })]);
  expect(typeof hit.distance_miles).toBe('number');
});
