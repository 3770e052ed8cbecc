import type { ScheduleTag } from '../taxonomy/codes';
import type { Schedule } from '../centers/center-schema';

/** docs/domain.md, "Schedules": morning starts before 12:00, afternoon 12:00–16:59, evening 17:00 or later; weekend = a session on sat or sun. */
export function sessionTags(s: Pick<Schedule, 'days' | 'start'>): ScheduleTag[] {
  const tags: ScheduleTag[] = [s.start < '12:00' ? 'morning' : s.start < '17:00' ? 'afternoon' : 'evening'];
  if (s.days.includes('sat') || s.days.includes('sun')) tags.push('weekend');
  return tags;
}

/** Tags for any level (`evening`) and per level (`iop:evening`), as indexed for filtering. */
export function scheduleTags(schedules: Pick<Schedule, 'level' | 'days' | 'start'>[]) {
  const any = new Set<string>();
  const byLevel = new Set<string>();
  for (const s of schedules) {
    for (const t of sessionTags(s)) { any.add(t); byLevel.add(`${s.level}:${t}`); }
  }
  return { schedule: [...any].sort(), schedule_by_level: [...byLevel].sort() };
}

/** Hours per week of a level = the sum of its session lengths. */
export function hoursPerWeek(schedules: Pick<Schedule, 'level' | 'days' | 'start' | 'end'>[], level: string): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return schedules.filter((s) => s.level === level)
    .reduce((sum, s) => sum + s.days.length * (minutes(s.end) - minutes(s.start)) / 60, 0);
}
