import { isDeepStrictEqual } from 'node:util';
import type { Center } from '../centers/center-schema';
import { sessionTags } from '../search/schedule-tags';
import { SCHEDULE_TAGS } from '../taxonomy/codes';

export type ComparedCenter = Center & { distance_miles?: number };

/** The fields compared, in the order differences are listed. */
export const COMPARED_FIELDS = [
  'levels_of_care', 'modalities', 'medications', 'payers', 'insurers', 'populations', 'languages',
  'schedules', 'telehealth', 'accepting_new_patients', 'status', 'verified_at', 'prices', 'distance_miles',
  'conditions', 'accessibility', 'intake', 'availability',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface Difference {
  field: ComparedField;
  /** Each center's value, by center id. */
  values: Record<string, unknown>;
  /** List fields: the codes every center has (the rest is what sets them apart). */
  common?: string[];
}

const LIST_FIELDS = new Set<ComparedField>(['levels_of_care', 'modalities', 'medications', 'payers', 'insurers', 'populations', 'languages', 'schedules',
  'conditions', 'accessibility', 'availability']);

/** Availability per level as a caller would hear it; a stale report says only that it is stale. */
export function availabilitySummary(entries: Center['availability']): string[] {
  return [...entries].sort((a, b) => a.level.localeCompare(b.level)).map((a) => {
    if (a.stale) return `${a.level}: stale`;
    if (a.status === 'open') return `${a.level}: open${a.open_slots != null ? ` (${a.open_slots} slots)` : ''}`;
    if (a.status === 'waitlist') return `${a.level}: waitlist${a.waitlist_days != null ? ` (${a.waitlist_days} days)` : ''}`;
    return `${a.level}: full`;
  });
}

function intakeSummary(intake: Center['intake']) {
  if (!intake) return null;
  return {
    phone: intake.phone ?? null,
    hours: intake.hours.map((h) => `${h.days.join(',')} ${h.start}-${h.end}`),
    walk_in: intake.walk_in ?? null, same_day_assessment: intake.same_day_assessment ?? null, referral_required: intake.referral_required ?? null,
  };
}

/** Schedule tags per level, e.g. ["iop: evening, weekend", "outpatient: morning"]. */
export function scheduleSummary(schedules: Center['schedules']): string[] {
  const byLevel = new Map<string, Set<string>>();
  for (const s of schedules) {
    const tags = byLevel.get(s.level) ?? new Set<string>();
    for (const tag of sessionTags(s)) tags.add(tag);
    byLevel.set(s.level, tags);
  }
  return [...byLevel].sort(([a], [b]) => a.localeCompare(b))
    .map(([level, tags]) => `${level}: ${SCHEDULE_TAGS.filter((t) => tags.has(t)).join(', ')}`);
}

const utcDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
/** Calendar days (UTC) since a timestamp, or null when never verified. */
export function ageDays(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null;
  return Math.max(0, Math.round((utcDay(now) - utcDay(new Date(iso))) / 86_400_000));
}

const priceSummary = (prices: Center['prices']) => prices
  .map((p) => ({ level: p.level, amount: p.amount, unit: p.unit, price_type: p.price_type }))
  .sort((a, b) => a.level.localeCompare(b.level) || a.unit.localeCompare(b.unit) || a.amount - b.amount || a.price_type.localeCompare(b.price_type));

/** The value shown for a field, and the key that decides whether two centers differ. */
function valueOf(c: ComparedCenter, field: ComparedField, now: Date): { value: unknown; key: unknown } {
  switch (field) {
    case 'schedules': { const v = scheduleSummary(c.schedules); return { value: v, key: v }; }
    case 'verified_at': {
      // Listings verified the same day are not told apart by the hour.
      const age = ageDays(c.verified_at, now);
      return { value: { verified_at: c.verified_at ?? null, age_days: age }, key: age };
    }
    case 'prices': { const v = priceSummary(c.prices); return { value: v, key: v }; }
    case 'availability': { const v = availabilitySummary(c.availability); return { value: v, key: v }; }
    case 'intake': { const v = intakeSummary(c.intake); return { value: v, key: v }; }
    case 'distance_miles': return { value: c.distance_miles ?? null, key: c.distance_miles ?? null };
    default: {
      const raw = c[field];
      const v = Array.isArray(raw) ? [...raw].sort() : raw;
      return { value: v, key: v };
    }
  }
}

/**
 * The fields on which the centers differ, each with every center's value. Lists compare as
 * sets; schedules by their tags per level; verification by age in days.
 */
export function compareCenters(centers: ComparedCenter[], now = new Date()): Difference[] {
  const differences: Difference[] = [];
  const hasDistance = centers.some((c) => c.distance_miles !== undefined);
  for (const field of COMPARED_FIELDS) {
    if (field === 'distance_miles' && !hasDistance) continue;
    const entries = centers.map((c) => ({ id: c.id, ...valueOf(c, field, now) }));
    if (entries.every((e) => isDeepStrictEqual(e.key, entries[0].key))) continue;
    const diff: Difference = { field, values: Object.fromEntries(entries.map((e) => [e.id, e.value])) };
    if (LIST_FIELDS.has(field)) {
      const lists = entries.map((e) => e.value as string[]);
      diff.common = lists[0].filter((x) => lists.every((l) => l.includes(x)));
    }
    differences.push(diff);
  }
  return differences;
}
