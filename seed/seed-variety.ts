import type { CenterInputRaw } from '../src/centers/center-schema';
import { LEVELS_OF_CARE, type LevelOfCare } from '../src/taxonomy/codes';
import { isSpanishName } from './center-text';
import { metroOfZip } from './metros';
import { reportAgeHours } from './center-facts';

/**
 * The variety the committed seed listings must show, so that every filter and every example
 * in the docs finds something. seed/build-seed-file.ts enforces it; tests/unit/seed checks it.
 */
export const VARIETY_MINIMUMS = {
  metros: 15,
  fewestCentersInAMetro: 6,
  perLevelOfCare: 5,
  eveningIop: 8,
  weekendIop: 5,
  buprenorphine: 10,
  otpWithMethadone: 5,
  medicaidOnly: 6,
  cashOnly: 6,
  spanish: 10,
  spanishNamed: 3,
  withoutPrices: 30,
  temporarilyClosed: 6,
  closed: 3,
  staleOrNeverVerified: 8,
} as const;

/** The treatment facts the seed file must show (checked on the whole file by seedProblems). */
export const FACT_MINIMUMS = {
  treatsOpioids: 20, mentalHealthConditions: 20, wheelchair: 20, intakeHours: 40, noIntakeHours: 20, walkIn: 10,
  openReports: 20, waitlistReports: 15, fullReports: 10, staleReports: 10,
} as const;

export function measureFacts(centers: readonly CenterInputRaw[]): Record<keyof typeof FACT_MINIMUMS, number> {
  const count = (test: (c: CenterInputRaw) => boolean) => centers.filter(test).length;
  return {
    treatsOpioids: count((c) => !!c.conditions?.includes('opioids')),
    mentalHealthConditions: count((c) => !!c.conditions?.some((x) => ['depression', 'anxiety', 'trauma_ptsd', 'bipolar', 'psychosis', 'eating_disorders'].includes(x))),
    wheelchair: count((c) => !!c.accessibility?.includes('wheelchair')),
    intakeHours: count((c) => !!c.intake?.hours?.length),
    noIntakeHours: count((c) => !c.intake?.hours?.length),
    walkIn: count((c) => c.intake?.walk_in === true),
    openReports: count((c) => !!c.availability?.some((a) => a.status === 'open')),
    waitlistReports: count((c) => !!c.availability?.some((a) => a.status === 'waitlist')),
    fullReports: count((c) => !!c.availability?.some((a) => a.status === 'full')),
    // Loaders age reports by source_id (seed/center-facts.ts): these load stale.
    staleReports: count((c) => !!c.availability?.length && reportAgeHours(c.source_id ?? '') > 72),
  };
}

export function factShortfalls(centers: readonly CenterInputRaw[]): string[] {
  const figures = measureFacts(centers);
  return (Object.keys(FACT_MINIMUMS) as (keyof typeof FACT_MINIMUMS)[])
    .filter((k) => figures[k] < FACT_MINIMUMS[k]).map((k) => `${k}: ${figures[k]} < ${FACT_MINIMUMS[k]}`);
}

export type VarietyFigures = { [K in keyof typeof VARIETY_MINIMUMS]: number } & {
  centers: number;
  levels: Record<LevelOfCare, number>;
};

const STALE_MS = 2 * 365 * 86_400_000;
const iopSessions = (c: CenterInputRaw) => (c.schedules ?? []).filter((s) => s.level === 'iop');

export const hasEveningIop = (c: CenterInputRaw) => iopSessions(c).some((s) => s.start >= '17:00');
export const hasWeekendIop = (c: CenterInputRaw) => iopSessions(c).some((s) => s.days.some((d) => d === 'sat' || d === 'sun'));
export const isMedicaidOnly = (c: CenterInputRaw) => c.payers?.length === 1 && c.payers[0] === 'medicaid';
export const isCashOnly = (c: CenterInputRaw) => c.payers?.length === 1 && c.payers[0] === 'self_pay';
export const speaksSpanish = (c: CenterInputRaw) => (c.languages ?? ['en']).includes('es');
/** Never verified, or last verified more than two years before `todayMs`. */
export const isStaleOrNeverVerified = (c: CenterInputRaw, todayMs: number) =>
  !c.verified_at || todayMs - Date.parse(c.verified_at) > STALE_MS;

export function measureVariety(centers: readonly CenterInputRaw[], today: string): VarietyFigures {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const count = (test: (c: CenterInputRaw) => boolean) => centers.filter(test).length;
  const perMetro = new Map<string, number>();
  for (const c of centers) {
    const metro = metroOfZip(c.address.postal_code)?.name ?? `outside the metros (${c.address.postal_code})`;
    perMetro.set(metro, (perMetro.get(metro) ?? 0) + 1);
  }
  const levels = Object.fromEntries((Object.keys(LEVELS_OF_CARE) as LevelOfCare[])
    .map((level) => [level, count((c) => c.levels_of_care.includes(level))])) as Record<LevelOfCare, number>;
  return {
    centers: centers.length,
    levels,
    metros: perMetro.size,
    fewestCentersInAMetro: Math.min(...perMetro.values()),
    perLevelOfCare: Math.min(...Object.values(levels)),
    eveningIop: count(hasEveningIop),
    weekendIop: count(hasWeekendIop),
    buprenorphine: count((c) => !!c.medications?.includes('buprenorphine')),
    otpWithMethadone: count((c) => c.levels_of_care.includes('otp') && !!c.medications?.includes('methadone')),
    medicaidOnly: count(isMedicaidOnly),
    cashOnly: count(isCashOnly),
    spanish: count(speaksSpanish),
    spanishNamed: count((c) => speaksSpanish(c) && isSpanishName(c.name)),
    withoutPrices: count((c) => !c.prices?.length),
    temporarilyClosed: count((c) => c.status === 'temporarily_closed'),
    closed: count((c) => c.status === 'closed'),
    staleOrNeverVerified: count((c) => isStaleOrNeverVerified(c, todayMs)),
  };
}

/** One line per minimum the figures fall short of; empty when the variety is all there. */
export function varietyShortfalls(figures: VarietyFigures): string[] {
  return (Object.keys(VARIETY_MINIMUMS) as (keyof typeof VARIETY_MINIMUMS)[])
    .filter((key) => figures[key] < VARIETY_MINIMUMS[key])
    .map((key) => `${key}: ${figures[key]} < ${VARIETY_MINIMUMS[key]}`);
}
