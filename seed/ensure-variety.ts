import type { CenterInputRaw } from '../src/centers/center-schema';
import { LEVELS_OF_CARE, type LevelOfCare } from '../src/taxonomy/codes';
import { centerName, isSpanishName, slugify } from './center-text';
import { eveningIopTrack, type SeedSchedule } from './center-schedules';
import { buildCenter, DEFAULT_TODAY } from './generate-centers';
import { metroOfZip } from './metros';
import { LEVEL_PROFILES, sortLanguages, sortMedications, sortModalities } from './program-profiles';
import { createRandom } from './random';
import {
  hasEveningIop, hasWeekendIop, isCashOnly, isMedicaidOnly, isStaleOrNeverVerified,
  speaksSpanish, VARIETY_MINIMUMS as MIN,
} from './seed-variety';

/**
 * Tops generated listings up to the minimums of seed/seed-variety.ts by changing as few
 * centers as it can, chosen with a seeded PRNG. Centers for which `frozen` is true (the
 * hand-written ones) are counted but never changed. Mutates and returns `centers`.
 */
export interface EnsureVarietyOptions {
  seed: number;
  today?: string;
  frozen?: (center: CenterInputRaw) => boolean;
}

const DAY_MS = 86_400_000;

export function ensureVariety(centers: CenterInputRaw[], options: EnsureVarietyOptions): CenterInputRaw[] {
  const rng = createRandom(options.seed);
  const today = options.today ?? DEFAULT_TODAY;
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const open = (c: CenterInputRaw) => !options.frozen?.(c);
  const usedNames = new Set(centers.map((c) => c.name));
  const count = (test: (c: CenterInputRaw) => boolean) => centers.filter(test).length;

  /** Applies `fix` to randomly chosen candidates until `figure()` reaches `min`. */
  const topUp = (what: string, figure: () => number, min: number, candidate: (c: CenterInputRaw) => boolean, fix: (c: CenterInputRaw) => void) => {
    while (figure() < min) {
      const pool = centers.filter((c) => open(c) && candidate(c));
      if (!pool.length) throw new Error(`ensureVariety: no center left to give ${what}`);
      fix(rng.pick(pool));
    }
  };

  const rebuild = (c: CenterInputRaw, levels: LevelOfCare[]) => {
    const metro = metroOfZip(c.address.postal_code)!;
    const [idPrefix, n] = splitSourceId(c.source_id!);
    Object.assign(clear(c), buildCenter(rng, { n, idPrefix, metro, todayMs, usedNames, levels }));
  };
  const rename = (c: CenterInputRaw) => {
    let name = centerName(rng, c.levels_of_care as LevelOfCare[], true);
    for (let tries = 0; usedNames.has(name) && tries < 20; tries++) name = centerName(rng, c.levels_of_care as LevelOfCare[], true);
    const [oldSlug, newSlug] = [slugify(c.name), slugify(name)];
    if (c.description) c.description = c.description.split(c.name).join(name);
    if (c.website) c.website = c.website.replace(oldSlug, newSlug);
    if (c.email) c.email = c.email.replace(oldSlug, newSlug);
    usedNames.add(name);
    c.name = name;
  };

  // Levels first: a level is added by rebuilding a whole center, which the later fixes then adjust.
  const levelCount = (level: string) => count((c) => c.levels_of_care.includes(level as LevelOfCare));
  for (const level of Object.keys(LEVELS_OF_CARE) as LevelOfCare[]) {
    const profiles = LEVEL_PROFILES.filter(([levels]) => levels.includes(level)).map(([levels]) => levels);
    topUp(`level ${level}`, () => levelCount(level), MIN.perLevelOfCare,
      (c) => c.levels_of_care.every((l) => levelCount(l) > MIN.perLevelOfCare),
      (c) => rebuild(c, rng.pick(profiles)));
  }

  for (const c of centers) {
    if (open(c) && c.levels_of_care.includes('otp') && !c.medications?.includes('methadone')) {
      c.medications = sortMedications([...(c.medications ?? []), 'methadone', 'buprenorphine']);
      addMat(c);
    }
  }

  topUp('an evening IOP', () => count(hasEveningIop), MIN.eveningIop,
    (c) => c.levels_of_care.includes('iop') && !hasEveningIop(c),
    (c) => setIopSessions(c, [...otherSessions(c), eveningIopTrack(rng)]));
  topUp('a weekend IOP', () => count(hasWeekendIop), MIN.weekendIop,
    (c) => c.levels_of_care.includes('iop') && !hasWeekendIop(c) && iopDays(c).size <= 4,
    (c) => setIopSessions(c, [...(c.schedules ?? []), { level: 'iop', days: ['sat'], start: '09:00', end: '12:00', format: 'in_person' }]));
  topUp('buprenorphine', () => count((c) => !!c.medications?.includes('buprenorphine')), MIN.buprenorphine,
    (c) => !c.medications?.includes('buprenorphine') && !c.levels_of_care.includes('sober_living'),
    (c) => { c.medications = sortMedications([...(c.medications ?? []), 'buprenorphine']); addMat(c); });
  topUp('Medicaid only', () => count(isMedicaidOnly), MIN.medicaidOnly,
    (c) => !isMedicaidOnly(c) && !isCashOnly(c) && !c.levels_of_care.includes('sober_living'),
    (c) => { c.payers = ['medicaid']; c.insurers = []; });
  topUp('cash only', () => count(isCashOnly), MIN.cashOnly,
    (c) => !isMedicaidOnly(c) && !isCashOnly(c),
    (c) => { c.payers = ['self_pay']; c.insurers = []; });
  topUp('Spanish', () => count(speaksSpanish), MIN.spanish,
    (c) => !speaksSpanish(c),
    (c) => { c.languages = sortLanguages([...(c.languages ?? ['en']), 'es']); });
  topUp('a Spanish name', () => count((c) => speaksSpanish(c) && isSpanishName(c.name)), MIN.spanishNamed,
    (c) => speaksSpanish(c) && !isSpanishName(c.name),
    rename);
  topUp('no prices', () => count((c) => !c.prices?.length), MIN.withoutPrices,
    (c) => !!c.prices?.length,
    (c) => { c.prices = []; });
  topUp('temporarily closed', () => count((c) => c.status === 'temporarily_closed'), MIN.temporarilyClosed,
    (c) => c.status === 'active',
    (c) => { c.status = 'temporarily_closed'; c.accepting_new_patients = false; });
  topUp('closed', () => count((c) => c.status === 'closed'), MIN.closed,
    (c) => c.status === 'active',
    (c) => { c.status = 'closed'; c.accepting_new_patients = false; });
  topUp('a stale verification', () => count((c) => isStaleOrNeverVerified(c, todayMs)), MIN.staleOrNeverVerified,
    (c) => !isStaleOrNeverVerified(c, todayMs),
    (c) => { c.verified_at = rng.chance(0.5) ? null : new Date(todayMs - rng.int(760, 1000) * DAY_MS).toISOString(); });

  return centers;
}

function splitSourceId(sourceId: string): [string, number] {
  const at = sourceId.lastIndexOf('-');
  return [sourceId.slice(0, at), Number(sourceId.slice(at + 1))];
}

function clear(c: CenterInputRaw): CenterInputRaw {
  for (const key of Object.keys(c)) delete (c as Record<string, unknown>)[key];
  return c;
}

function addMat(c: CenterInputRaw) {
  const modalities = c.modalities ?? [];
  if (modalities.includes('mat')) return;
  c.modalities = sortModalities([...(modalities.length >= 9 ? modalities.slice(0, 8) : modalities), 'mat']);
}

const otherSessions = (c: CenterInputRaw): SeedSchedule[] => (c.schedules ?? []).filter((s) => s.level !== 'iop');
const iopDays = (c: CenterInputRaw) => new Set((c.schedules ?? []).filter((s) => s.level === 'iop').flatMap((s) => s.days));

/** Sets the sessions and keeps a published IOP price's days and hours per week in step with them. */
function setIopSessions(c: CenterInputRaw, schedules: SeedSchedule[]) {
  c.schedules = schedules;
  const days = Math.min(iopDays(c).size, 5);
  c.prices = c.prices?.map((p) => (p.level === 'iop' && p.days_per_week ? { ...p, days_per_week: days, hours_per_week: days * 3 } : p));
}
