import type { Center } from '../centers/center-schema';
import { DAYS, type Day, type LevelOfCare, type SessionFormat } from '../taxonomy/codes';
import { centerScopedId, uniqueKeys } from './hsds-ids';
import { toFactAttributes } from './hsds-taxonomy';
import type { HsdsContext, HsdsSchedule } from './hsds-types';
import { fixedUtcOffsetHours, timeZoneRef } from './listing-fact-terms';

const BYDAY: Record<Day, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };
const DAY_NAMES: Record<Day, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
const ATTENDING: Record<SessionFormat, string> = {
  in_person: 'In person',
  telehealth: 'Telehealth (remote video)',
  hybrid: 'In person or by telehealth',
};

/**
 * The weekly sessions of one level of care as HSDS schedule rows (RFC 5545 style:
 * freq WEEKLY, byday "MO,WE,FR").
 *
 * opens_at / closes_at are the center's local wall-clock times ("18:00"). HSDS types the
 * numeric `timezone` as a fixed UTC offset, so it is sent only for zones that keep one all
 * year (Arizona, Hawaii, Puerto Rico, …); where daylight saving applies one number would be
 * wrong for half the year. Every row carries the IANA zone as a `time_zone` attribute
 * (listing-fact-terms.ts), and in `notes` for people.
 */
export function toHsdsSchedules(center: Center, level: LevelOfCare, serviceId: string, serviceAtLocationId: string, ctx: HsdsContext): HsdsSchedule[] {
  const sessions = center.schedules.filter((s) => s.level === level);
  const days = (list: readonly Day[]) => DAYS.filter((d) => list.includes(d));
  const keys = uniqueKeys(sessions.map((s) =>
    ['schedule', level, days(s.days).join(','), s.start, s.end, s.format].join('|')));
  const offset = fixedUtcOffsetHours(center.timezone);
  return sessions.map((s, i) => ({
    id: centerScopedId(center.id, keys[i]),
    service_id: serviceId,
    service_at_location_id: serviceAtLocationId,
    ...(offset === undefined ? {} : { timezone: offset }),
    freq: 'WEEKLY',
    byday: days(s.days).map((d) => BYDAY[d]).join(','),
    opens_at: s.start,
    closes_at: s.end,
    attending_type: ATTENDING[s.format],
    description: `${days(s.days).map((d) => DAY_NAMES[d]).join(', ')} ${s.start}–${s.end} (${center.timezone}), ${ATTENDING[s.format].toLowerCase()}`,
    notes: `opens_at and closes_at are local times in ${center.timezone}.`,
    attributes: toFactAttributes([timeZoneRef(center, 'schedule', centerScopedId(center.id, keys[i]))], ctx),
  }));
}
