import type { CenterInputRaw } from '../src/centers/center-schema';
import type { Day, LevelOfCare, SessionFormat } from '../src/taxonomy/codes';
import type { Random } from './random';

/**
 * Weekly sessions per level, shaped like real programs (docs/domain.md, levels of care and schedules): IOP 3–5 days a week,
 * 3 hours a session, in morning, afternoon, evening or weekend tracks; PHP 5 days, 6 hours;
 * outpatient 1–2 sessions a week; OTP dosing hours early in the morning.
 */
export type SeedSchedule = NonNullable<CenterInputRaw['schedules']>[number];

const session = (level: LevelOfCare, days: Day[], start: string, end: string, format: SessionFormat = 'in_person'): SeedSchedule =>
  ({ level, days, start, end, format });

const IOP_DAY_SETS: readonly (readonly [Day[], number])[] = [
  [['mon', 'wed', 'fri'], 3], [['mon', 'tue', 'thu'], 2], [['tue', 'wed', 'thu'], 2], [['mon', 'wed', 'thu'], 1],
  [['mon', 'tue', 'wed', 'thu'], 3], [['mon', 'tue', 'wed', 'thu', 'fri'], 2],
];
type Slot = readonly [start: string, end: string];
const MORNING: readonly Slot[] = [['09:00', '12:00'], ['09:30', '12:30'], ['10:00', '13:00']];
const AFTERNOON: readonly Slot[] = [['13:00', '16:00'], ['13:30', '16:30']];
const EVENING: readonly Slot[] = [['18:00', '21:00'], ['17:30', '20:30'], ['17:00', '20:00'], ['18:30', '21:30']];
const EVENING_WEIGHTED = EVENING.map((t, i) => [t, i === 0 ? 4 : 1] as const);
const IOP_KINDS = [['morning', 28], ['afternoon', 15], ['evening', 30], ['morning_evening', 13], ['weekend', 14]] as const;
const FORMATS = [['in_person', 6], ['hybrid', 2], ['telehealth', 2]] as const;

/** An evening IOP track, e.g. Mon/Wed/Fri 18:00–21:00. */
export function eveningIopTrack(rng: Random, format: SessionFormat = 'in_person'): SeedSchedule {
  const [start, end] = rng.weighted(EVENING_WEIGHTED);
  return session('iop', [...rng.weighted(IOP_DAY_SETS)], start, end, format);
}

/** A track that meets on the weekend: two weekday evenings plus Saturday morning, or Sat+Sun with one evening. */
export function weekendIopTrack(rng: Random, format: SessionFormat = 'in_person'): SeedSchedule[] {
  if (rng.chance(0.6)) {
    const days = rng.pick<Day[]>([['mon', 'wed'], ['tue', 'thu']]);
    return [session('iop', days, '18:00', '21:00', format), session('iop', ['sat'], '09:00', '12:00', format)];
  }
  return [session('iop', ['wed'], '18:00', '21:00', format), session('iop', ['sat', 'sun'], '10:00', '13:00', format)];
}

function iopSessions(rng: Random, format: () => SessionFormat): SeedSchedule[] {
  const kind = rng.weighted(IOP_KINDS);
  if (kind === 'weekend') return weekendIopTrack(rng, format());
  if (kind === 'evening') return [eveningIopTrack(rng, format())];
  const days = [...rng.weighted(IOP_DAY_SETS)];
  const [start, end] = rng.pick(kind === 'afternoon' ? AFTERNOON : MORNING);
  const first = session('iop', days, start, end, format());
  if (kind !== 'morning_evening') return [first];
  const [eStart, eEnd] = rng.pick(EVENING);
  return [first, session('iop', [...days], eStart, eEnd, format())];
}

const OUTPATIENT_SLOTS: readonly Slot[] = [
  ['10:00', '11:00'], ['11:00', '12:30'], ['12:00', '13:00'], ['14:00', '15:30'], ['16:00', '17:00'],
  ['17:30', '19:00'], ['18:00', '19:30'], ['19:00', '20:00'],
];
const WEEKDAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

function outpatientSessions(rng: Random, format: () => SessionFormat): SeedSchedule[] {
  const rows = rng.int(1, 2);
  const days = rng.sample(WEEKDAYS, rows);
  return days.map((day, i) => {
    if (i === 1 && rng.chance(0.2)) return session('outpatient', ['sat'], '10:00', '11:30', format());
    const [start, end] = rng.pick(OUTPATIENT_SLOTS);
    return session('outpatient', [day], start, end, format());
  });
}

export function schedulesFor(rng: Random, levels: readonly LevelOfCare[], telehealth: boolean): SeedSchedule[] {
  const format = (): SessionFormat => (telehealth ? rng.weighted(FORMATS) : 'in_person');
  const out: SeedSchedule[] = [];
  for (const level of levels) {
    if (level === 'iop' && rng.chance(0.92)) out.push(...iopSessions(rng, format));
    if (level === 'outpatient' && rng.chance(0.85)) out.push(...outpatientSessions(rng, format));
    if (level === 'php' && rng.chance(0.9)) {
      out.push(rng.chance(0.8) ? session('php', [...WEEKDAYS], '09:00', '15:00') : session('php', [...WEEKDAYS], '08:30', '14:30'));
    }
    if (level === 'otp' && rng.chance(0.6)) {
      out.push(session('otp', ['mon', 'tue', 'wed', 'thu', 'fri'], '05:30', '11:30'), session('otp', ['sat'], '07:00', '10:00'));
    }
  }
  return out;
}
