import type { CenterInputRaw } from '../src/centers/center-schema';
import type { LevelOfCare, PriceType } from '../src/taxonomy/codes';
import type { Random } from './random';
import type { SeedSchedule } from './center-schedules';

/**
 * Published prices per level, in the ranges seen in the field (IOP and residential: docs/cost-model.md; the others are the seed's own ranges): IOP
 * $150–$450 a day (or weekly, per session, hourly), PHP $300–$700 a day, residential
 * $350–$1,200 a night, detox $500–$1,500 a day.
 */
export type SeedPrice = NonNullable<CenterInputRaw['prices']>[number];

const PRICE_SOURCES = ['center website', 'phone survey', 'center intake staff', 'published rate sheet', 'admin correction'];
const DAY_MS = 86_400_000;
const IOP_UNITS = [['day', 50], ['week', 25], ['session', 15], ['hour', 10]] as const;

const roundTo = (value: number, step: number) => Math.round(value / step) * step;
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Attendance days a week of the level's sessions (the days of its busiest track). */
const daysPerWeek = (schedules: readonly SeedSchedule[], level: LevelOfCare, fallback: number) => {
  const days = new Set(schedules.filter((s) => s.level === level).flatMap((s) => s.days));
  return days.size ? Math.min(days.size, 5) : fallback;
};

function priceFor(rng: Random, level: LevelOfCare, schedules: readonly SeedSchedule[]): Omit<SeedPrice, 'source' | 'as_of' | 'price_type'> | null {
  switch (level) {
    case 'iop': {
      const days = daysPerWeek(schedules, 'iop', rng.int(3, 5));
      const common = { days_per_week: days, hours_per_week: days * 3, includes_room_and_board: false,
        typical_length: rng.chance(0.8) ? { value: rng.pick([6, 8, 10, 12]), unit: 'week' as const } : { value: 90, unit: 'day' as const } };
      const unit = rng.weighted(IOP_UNITS);
      const amount = unit === 'day' ? roundTo(rng.int(150, 450), 5) : unit === 'week' ? roundTo(rng.int(400, 1500), 10)
        : unit === 'session' ? roundTo(rng.int(120, 300), 5) : roundTo(rng.int(50, 150), 5);
      return { level, amount, unit, ...common };
    }
    case 'php':
      return { level, amount: roundTo(rng.int(300, 700), 10), unit: 'day', days_per_week: 5, hours_per_week: 30,
        typical_length: { value: rng.int(2, 4), unit: 'week' }, includes_room_and_board: false };
    case 'residential': {
      const nightly = roundTo(rng.int(350, 1200), 10);
      const length = rng.pick([28, 30, 30, 60, 90]);
      if (rng.chance(0.1)) {
        return { level, amount: nightly * length, unit: 'episode', typical_length: { value: length, unit: 'day' }, includes_room_and_board: true };
      }
      return { level, amount: nightly, unit: 'day', typical_length: { value: length, unit: 'day' }, includes_room_and_board: true };
    }
    case 'detox':
      return { level, amount: roundTo(rng.int(500, 1500), 10), unit: 'day', typical_length: { value: rng.pick([5, 7, 7, 10]), unit: 'day' }, includes_room_and_board: true };
    case 'hospital_inpatient':
      return { level, amount: roundTo(rng.int(1200, 2600), 50), unit: 'day', typical_length: { value: rng.pick([5, 7, 14]), unit: 'day' }, includes_room_and_board: true };
    case 'outpatient':
      return { level, amount: roundTo(rng.int(80, 200), 5), unit: 'session', days_per_week: daysPerWeek(schedules, 'outpatient', 1) };
    case 'otp':
      return { level, amount: roundTo(rng.int(80, 150), 5), unit: 'week' };
    case 'sober_living':
      return { level, amount: roundTo(rng.int(150, 400), 5), unit: 'week', typical_length: { value: 90, unit: 'day' } };
    default:
      return null;
  }
}

/** Prices for some of the levels (at least one), each with a source and an as_of date in the last two years. */
export function pricesFor(rng: Random, levels: readonly LevelOfCare[], schedules: readonly SeedSchedule[], todayMs: number): SeedPrice[] {
  const priced = levels.filter((_, i) => i === 0 || rng.chance(0.6));
  const source = rng.pick(PRICE_SOURCES);
  const asOf = isoDate(todayMs - rng.int(0, 720) * DAY_MS);
  return priced.flatMap((level) => {
    const price = priceFor(rng, level, schedules);
    if (!price) return [];
    const priceType: PriceType = level === 'hospital_inpatient' || rng.chance(0.1) ? 'billed_charge' : 'cash';
    return [{ ...price, price_type: priceType, source, as_of: asOf }];
  });
}
