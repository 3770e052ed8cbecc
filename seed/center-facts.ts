import type { CenterInputRaw } from '../src/centers/center-schema';
import type { Access, Condition, Day, LevelOfCare } from '../src/taxonomy/codes';
import type { Random } from './random';

/**
 * What a center treats, how to get in, access and openings, for generated listings. Drawn from
 * the center's own random stream so adding these left every other generated field unchanged.
 */
const CONDITION_ODDS: readonly (readonly [Condition, number])[] = [
  ['alcohol', 0.75], ['opioids', 0.6], ['stimulants', 0.5], ['cannabis', 0.4], ['benzodiazepines', 0.3],
  ['nicotine', 0.15], ['gambling', 0.05],
];
const MENTAL_HEALTH: readonly (readonly [Condition, number])[] = [
  ['depression', 0.6], ['anxiety', 0.6], ['trauma_ptsd', 0.45], ['bipolar', 0.2], ['psychosis', 0.1], ['eating_disorders', 0.06],
];
const ACCESS_ODDS: readonly (readonly [Access, number])[] = [
  ['wheelchair', 0.65], ['sign_language', 0.15], ['near_transit', 0.5], ['transportation', 0.2], ['childcare', 0.08],
];
const WEEKDAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const ALL_DAYS: Day[] = [...WEEKDAYS, 'sat', 'sun'];
const ROUND_THE_CLOCK: readonly LevelOfCare[] = ['detox', 'hospital_inpatient', 'residential'];

export function factsFor(rng: Random, c: Pick<CenterInputRaw, 'levels_of_care' | 'medications' | 'populations' | 'phone'>):
  Pick<CenterInputRaw, 'conditions' | 'accessibility' | 'intake' | 'availability'> {
  const levels = c.levels_of_care;
  const conditions = new Set<Condition>(CONDITION_ODDS.filter(([, p]) => rng.chance(p)).map(([code]) => code));
  if (levels.includes('otp') || c.medications?.some((m) => m === 'buprenorphine' || m === 'methadone')) conditions.add('opioids');
  if (c.medications?.some((m) => m === 'naltrexone' || m === 'acamprosate' || m === 'disulfiram')) conditions.add('alcohol');
  const mhOdds = c.populations?.includes('co_occurring') ? 1 : 0.25;
  for (const [code, p] of MENTAL_HEALTH) if (rng.chance(p * mhOdds)) conditions.add(code);
  if (conditions.size === 0) conditions.add('alcohol');
  const accessibility = ACCESS_ODDS.filter(([code, p]) => rng.chance(code === 'childcare' && c.populations?.includes('women') ? 0.4 : p)).map(([code]) => code);

  let intake: CenterInputRaw['intake'];
  if (rng.chance(0.8)) {
    const hours = rng.chance(0.8) ? hoursFor(rng, levels) : [];
    intake = {
      ...(rng.chance(0.6) ? { phone: `${(c.phone ?? '(555) 555-0100').slice(0, 10)}01${String(rng.int(10, 99))}` } : {}),
      hours,
      walk_in: rng.weighted([[true, 35], [false, 45], [null, 20]] as const),
      same_day_assessment: rng.weighted([[true, 40], [false, 40], [null, 20]] as const),
      referral_required: rng.chance(c.populations?.includes('criminal_justice') ? 0.5 : 0.12),
      ...(rng.chance(0.3) ? { note: rng.pick(['Call ahead for a same-day assessment', 'Bring photo ID and insurance card if you have them', 'Court referrals accepted', 'Ask for the intake coordinator']) } : {}),
    };
  }

  const availability = rng.chance(0.65)
    ? rng.sample(levels, rng.int(1, Math.min(3, levels.length))).map((level) => {
      const status = rng.weighted([['open', 40], ['waitlist', 35], ['full', 25]] as const);
      return {
        level, status,
        ...(status === 'open' ? { open_slots: rng.int(1, ROUND_THE_CLOCK.includes(level) ? 6 : 15) } : {}),
        ...(status === 'waitlist' ? { waitlist_days: rng.int(1, 45) } : {}),
        ...(status !== 'full' && rng.chance(0.4) ? { next_intake_date: `2026-12-${String(rng.int(3, 28)).padStart(2, '0')}` } : {}),
      };
    })
    : undefined;
  return { conditions: [...conditions], accessibility, ...(intake ? { intake } : {}), ...(availability ? { availability } : {}) };
}

function hoursFor(rng: Random, levels: readonly LevelOfCare[]) {
  if (levels.some((l) => ROUND_THE_CLOCK.includes(l)) && rng.chance(0.5)) return [{ days: ALL_DAYS, start: '00:00', end: '24:00' }];
  return rng.pick([
    [{ days: WEEKDAYS, start: '08:00', end: '17:00' }],
    [{ days: WEEKDAYS, start: '09:00', end: '21:00' }, { days: ['sat'] as Day[], start: '10:00', end: '14:00' }],
    [{ days: ['mon', 'wed', 'fri'] as Day[], start: '07:30', end: '12:15' }],
    [{ days: WEEKDAYS, start: '12:00', end: '20:00' }],
    [{ days: ALL_DAYS, start: '06:00', end: '23:00' }],
  ]);
}

/**
 * Hours since each generated availability report, by source_id: about a quarter are stale
 * (older than 72 hours). Report times are server-set, so loaders apply these after writing.
 */
export function reportAgeHours(sourceId: string): number {
  let h = 2166136261;
  for (const ch of sourceId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % 4 === 0 ? 80 + (h % 300) : 1 + (h % 60);
}
