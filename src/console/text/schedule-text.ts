/**
 * How a center's sessions are read to a caller: "IOP Mon/Wed/Fri 6–9 pm, hybrid". Pure, with
 * no imports from the server, so both the console bundle and the printed sheet
 * (src/referrals/render-sheet.ts) use the same words.
 */
export type Lang = 'en' | 'es';

export interface SessionLike { level: string; days: string[]; start: string; end: string; format?: string }

const DAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES: Record<Lang, Record<string, string>> = {
  en: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  es: { mon: 'lun', tue: 'mar', wed: 'mié', thu: 'jue', fri: 'vie', sat: 'sáb', sun: 'dom' },
};
const FORMATS: Record<Lang, Record<string, string>> = {
  en: { in_person: 'in person', telehealth: 'telehealth', hybrid: 'hybrid' },
  es: { in_person: 'en persona', telehealth: 'telesalud', hybrid: 'híbrido' },
};
/** Short level names as staff say them; full labels come from GET /v1/taxonomy. */
export const LEVEL_SHORT: Record<Lang, Record<string, string>> = {
  en: {
    detox: 'Detox', hospital_inpatient: 'Hospital inpatient', residential: 'Residential', php: 'PHP', iop: 'IOP',
    outpatient: 'Outpatient', otp: 'OTP', sober_living: 'Sober living',
  },
  es: {
    detox: 'Desintoxicación', hospital_inpatient: 'Hospitalización', residential: 'Residencial', php: 'Hospitalización parcial',
    iop: 'Programa intensivo ambulatorio', outpatient: 'Ambulatorio', otp: 'Programa de tratamiento con opioides', sober_living: 'Vivienda de recuperación',
  },
};

export const levelName = (code: string, lang: Lang) => LEVEL_SHORT[lang][code] ?? code;

/** "18:00" → "6 pm" (en) or "18:00" (es, as Spanish speakers write times). */
export function clock(hhmm: string, lang: Lang, withSuffix = true): string {
  if (lang === 'es') return hhmm;
  const [h, m] = hhmm.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  const base = m ? `${hour}:${String(m).padStart(2, '0')}` : String(hour);
  return withSuffix ? `${base} ${h < 12 ? 'am' : 'pm'}` : base;
}

/** "6–9 pm" when both ends share am/pm, else "11 am–1 pm". */
export function timeRange(start: string, end: string, lang: Lang): string {
  if (lang === 'es') return `${start}–${end}`;
  const sameHalf = (Number(start.slice(0, 2)) < 12) === (Number(end.slice(0, 2)) < 12);
  return sameHalf ? `${clock(start, lang, false)}–${clock(end, lang)}` : `${clock(start, lang)}–${clock(end, lang)}`;
}

export function dayList(days: string[], lang: Lang): string {
  return [...days].sort((a, b) => DAY_ORDER.indexOf(a) - DAY_ORDER.indexOf(b)).map((d) => DAY_NAMES[lang][d] ?? d).join('/');
}

/** One line per session, optionally only those of some levels. */
export function sessionLines(sessions: SessionLike[], lang: Lang, levels?: string[]): string[] {
  return sessions
    .filter((s) => !levels || levels.length === 0 || levels.includes(s.level))
    .map((s) => `${levelName(s.level, lang)} ${dayList(s.days, lang)} ${timeRange(s.start, s.end, lang)}${s.format ? `, ${FORMATS[lang][s.format] ?? s.format}` : ''}`);
}

/** Intake hours ("Mon/Tue 9 am–5 pm"), from the callers' facts when the API has them. */
export function hoursLines(hours: { days: string[]; start: string; end: string }[], lang: Lang): string[] {
  return hours.map((h) => `${dayList(h.days, lang)} ${timeRange(h.start, h.end, lang)}`);
}
