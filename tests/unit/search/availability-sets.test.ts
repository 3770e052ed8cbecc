import fc from 'fast-check';
import type { Center } from '../../../src/centers/center-schema';
import { availabilityFacet, availabilitySets } from '../../../src/search/availability-filter';
import { SearchQuerySchema } from '../../../src/search/search-query';
import { INDEX_SETTINGS } from '../../../src/search/index-settings';
import { AVAILABILITY_STATUSES, CODE_FIELDS, LEVELS_OF_CARE, SCHEDULE_TAGS } from '../../../src/taxonomy/codes';
import { US_STATES } from '../../../src/taxonomy/us-states';
import { availabilityState } from '../../support/reference-search';

/**
 * The availability facet comes from the counts of each document's availability sets, added up
 * as Meilisearch's facet distribution does, and must equal the reference's per-center states
 * for any reports and any requested levels.
 */
const LEVELS = Object.keys(LEVELS_OF_CARE);
const NOW = Date.parse('2026-12-02T12:00:00Z');
const HOUR = 3_600_000;

const entry = fc.record({
  level: fc.constantFrom(...LEVELS),
  status: fc.constantFrom(...AVAILABILITY_STATUSES),
  // Ages on both sides of the 72-hour line, and on it.
  ageMs: fc.oneof(fc.integer({ min: 0, max: 200 * HOUR }), fc.constantFrom(72 * HOUR, 72 * HOUR + 1)),
});
const center = fc.uniqueArray(entry, { selector: (e) => e.level, maxLength: 5 }).map((entries) => ({
  availability: entries.map((e) => ({ level: e.level, status: e.status, updated_at: new Date(NOW - e.ageMs).toISOString() })),
}) as unknown as Center);

function facetCounts(centers: Center[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of centers) for (const set of availabilitySets(c, NOW, 72).avail_sets) counts[set] = (counts[set] ?? 0) + 1;
  return counts;
}

it('matches the reference availability facet for any reports and requested levels', () => {
  fc.assert(fc.property(fc.array(center, { maxLength: 30 }), fc.subarray(LEVELS), fc.subarray(LEVELS), (centers, level, levelAll) => {
    const q = SearchQuerySchema.parse({ ...(level.length ? { level: level.join(',') } : {}), ...(levelAll.length ? { level_all: levelAll.join(',') } : {}) });
    const levels = [...new Set([...level, ...levelAll])];
    const expected: Record<string, number> = {};
    for (const c of centers) { const s = availabilityState(c, levels, NOW); expected[s] = (expected[s] ?? 0) + 1; }
    expect(availabilityFacet(facetCounts(centers), q, centers.length)).toEqual(expected);
  }), { numRuns: 500 });
});

it('says when a fresh report turns stale, so the worker rebuilds the document then', () => {
  const c = { availability: [
    { level: 'iop', status: 'open', updated_at: new Date(NOW - 10 * HOUR).toISOString() },
    { level: 'php', status: 'full', updated_at: new Date(NOW - 70 * HOUR).toISOString() },
    { level: 'detox', status: 'open', updated_at: new Date(NOW - 80 * HOUR).toISOString() },
  ] } as unknown as Center;
  const doc = availabilitySets(c, NOW, 72);
  expect(doc.avail_expires_ts).toBe((NOW + 2 * HOUR) / 1000 + 1);
  expect(doc.avail_sets).toEqual(['open:*', 'open:iop', 'ow:*', 'ow:iop', 'any:*', 'any:iop', 'any:php', 'any:iop+php']);
  expect(availabilitySets(c, NOW + 3 * HOUR, 72).avail_sets).toEqual(['open:*', 'open:iop', 'ow:*', 'ow:iop', 'any:*', 'any:iop']);
  expect(availabilitySets({ availability: [] } as unknown as Center, NOW, 72)).toEqual({ avail_sets: [] });
});

it('keeps every possible facet value, codes and availability sets, within what Meilisearch counts', () => {
  const codes = Object.values(CODE_FIELDS).reduce((n, list) => n + list.length, 0) + SCHEDULE_TAGS.length + US_STATES.length + 4; // + telehealth and accepting_new_patients true/false
  const sets = 3 * (2 ** LEVELS.length - 1) + 3;
  expect(codes + sets).toBeLessThanOrEqual(INDEX_SETTINGS.faceting!.maxValuesPerFacet!);
});
