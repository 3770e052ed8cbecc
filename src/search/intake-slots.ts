import type { Center } from '../centers/center-schema';
import { DAYS } from '../taxonomy/codes';

/**
 * Intake hours as quarter-hour slots of the local week (Monday 00:00–00:15 = 0, Sunday
 * 23:45–24:00 = 671). A slot counts only when the line is staffed for all of it, so a caller is
 * never told a line is open when it is not (09:05–17:10 is open 09:15–17:00). The index holds
 * the slots with the center's time zone; a query asks, per time zone, for the slot it is in now.
 */
export const SLOTS_PER_DAY = 96;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function intakeSlots(hours: NonNullable<Center['intake']>['hours']): number[] {
  const slots = new Set<number>();
  for (const h of hours) {
    const first = Math.ceil(minutes(h.start) / 15);
    const last = Math.floor(minutes(h.end) / 15); // exclusive
    for (const day of h.days) {
      const base = DAYS.indexOf(day) * SLOTS_PER_DAY;
      for (let s = first; s < last; s++) slots.add(base + s);
    }
  }
  return [...slots].sort((a, b) => a - b);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** The slot a time zone's wall clock is in at `nowMs`. */
export function slotNow(timeZone: string, nowMs: number): number {
  // Every zone's offset is whole minutes, so within one UTC minute the slot cannot change: asked
  // once per hit of a search, formatToParts was a measurable share of the API's CPU.
  const minute = Math.floor(nowMs / 60_000);
  if (slotMinute !== minute) { slotMinute = minute; slotsNow.clear(); }
  let slot = slotsNow.get(timeZone);
  if (slot === undefined) { slot = computeSlotNow(timeZone, nowMs); slotsNow.set(timeZone, slot); }
  return slot;
}
let slotMinute = -1;
const slotsNow = new Map<string, number>();

function computeSlotNow(timeZone: string, nowMs: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(nowMs).map((p) => [p.type, p.value]));
  return WEEKDAY[parts.weekday] * SLOTS_PER_DAY + Math.floor((Number(parts.hour) * 60 + Number(parts.minute)) / 15);
}

/** Whether the center's intake line is staffed at `nowMs`; undefined when it lists no hours. */
export function intakeOpenNow(center: Pick<Center, 'intake' | 'timezone'>, nowMs: number): boolean | undefined {
  const hours = center.intake?.hours ?? [];
  if (hours.length === 0) return undefined;
  const slot = slotNow(center.timezone, nowMs);
  // Same rule as intakeSlots (whole quarter hours only), without building the week's slots.
  const day = DAYS[Math.floor(slot / SLOTS_PER_DAY)];
  const inDay = slot % SLOTS_PER_DAY;
  return hours.some((h) => h.days.includes(day) && Math.ceil(minutes(h.start) / 15) <= inDay && inDay < Math.floor(minutes(h.end) / 15));
}

const ZONES = Intl.supportedValuesOf('timeZone').concat('UTC');
let cached: { minute: number; groups: Map<number, string[]> } | null = null;

/** Every time zone grouped by the slot it is in now (recomputed once a minute). */
export function zonesBySlot(nowMs: number): Map<number, string[]> {
  const minute = Math.floor(nowMs / 60_000);
  if (cached?.minute === minute) return cached.groups;
  const groups = new Map<number, string[]>();
  for (const zone of ZONES) {
    const slot = slotNow(zone, nowMs);
    if (!groups.has(slot)) groups.set(slot, []);
    groups.get(slot)!.push(zone);
  }
  cached = { minute, groups };
  return groups;
}
