import type { PriceUnit } from '../taxonomy/codes';
import type { PriceInput, ProgramInput } from './cost-types';

/** Defaults (docs/cost-model.md, step 1) when neither the request nor the price gives a length. */
export const DEFAULT_PROGRAM = { iop_weeks: 8, iop_days_per_week: 3, inpatient_days: 30 } as const;

/** ASAM level 2.1 asks for at least 9 hours a week for adults: 3 hours per attendance day. */
const IOP_HOURS_PER_DAY = 3;

/** How many priced units one option buys, and the days it spans. */
export interface ProgramUnits {
  unit: PriceUnit;
  /** units = count / per; kept as a fraction so 30 days at a weekly rate is exactly 30/7 weeks. */
  count: number;
  per: number;
  /** Days of attendance (IOP) or nights (inpatient): what per-day copays multiply. */
  service_days: number;
  /** Calendar length in days; weeks = length_days / 7. */
  length_days: number;
  assumptions: string[];
}

export type UnitsOutcome = ({ ok: true } & ProgramUnits) | { ok: false; reason: string; assumptions: string[] };

const positive = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** IOP (or another outpatient level): attendance days × weeks, priced per the price's unit. */
export function iopUnits(price: PriceInput, program: ProgramInput): UnitsOutcome {
  const assumptions: string[] = [];
  const typical = price.typical_length;
  let weeks: number;
  if (positive(program.iop_weeks)) {
    weeks = program.iop_weeks;
    assumptions.push(`Program length: ${plural(weeks, 'week')}, as requested.`);
  } else if (typical && positive(typical.value)) {
    // A length in days is calendar time; whole weeks keep attendance days whole.
    weeks = typical.unit === 'week' ? typical.value : Math.max(1, Math.round(typical.value / 7));
    assumptions.push(typical.unit === 'week'
      ? `Program length: ${plural(weeks, 'week')}, the center's typical length.`
      : `Program length: ${plural(weeks, 'week')}, the center's typical length of ${plural(typical.value, 'day')} rounded to whole weeks.`);
  } else {
    weeks = DEFAULT_PROGRAM.iop_weeks;
    assumptions.push(`Program length: ${plural(weeks, 'week')} (default; no length given).`);
  }

  let daysPerWeek: number;
  if (positive(program.iop_days_per_week)) {
    daysPerWeek = program.iop_days_per_week;
    assumptions.push(`Attendance: ${plural(daysPerWeek, 'day')} a week, as requested.`);
  } else if (positive(price.days_per_week)) {
    daysPerWeek = price.days_per_week;
    assumptions.push(`Attendance: ${plural(daysPerWeek, 'day')} a week, the center's schedule for this price.`);
  } else {
    daysPerWeek = DEFAULT_PROGRAM.iop_days_per_week;
    assumptions.push(`Attendance: ${plural(daysPerWeek, 'day')} a week (default; no schedule given).`);
  }

  const serviceDays = Math.round(daysPerWeek * weeks);
  const base = { ok: true as const, unit: price.unit, per: 1, service_days: serviceDays, length_days: weeks * 7 };
  switch (price.unit) {
    case 'day':
      return { ...base, count: serviceDays, assumptions };
    case 'session':
      assumptions.push('Priced per session: one session per attendance day assumed (ask the center how many sessions a day it bills).');
      return { ...base, count: serviceDays, assumptions };
    case 'hour': {
      let hours: number;
      if (positive(price.hours_per_week)) {
        hours = price.hours_per_week;
        assumptions.push(`Priced per hour: ${hours} hours a week, the center's figure.`);
      } else {
        hours = IOP_HOURS_PER_DAY * daysPerWeek;
        assumptions.push(`Priced per hour: ${hours} hours a week assumed (${IOP_HOURS_PER_DAY} hours per attendance day, the usual IOP day; ASAM level 2.1 means at least 9 hours a week for adults).`);
      }
      return { ...base, count: hours * weeks, assumptions };
    }
    case 'week':
      return { ...base, count: weeks, assumptions };
    case 'episode':
      assumptions.push('Priced per episode: the price covers the whole program whatever its length; per-week figures spread it over the program length.');
      return { ...base, count: 1, assumptions };
  }
}

/** Inpatient (residential or hospital): nights of the stay, priced per the price's unit. */
export function inpatientUnits(price: PriceInput, program: ProgramInput): UnitsOutcome {
  const assumptions: string[] = [];
  const typical = price.typical_length;
  let days: number;
  if (positive(program.inpatient_days)) {
    days = Math.round(program.inpatient_days);
    assumptions.push(`Length of stay: ${plural(days, 'day')}, as requested.`);
  } else if (typical && positive(typical.value)) {
    days = typical.unit === 'week' ? typical.value * 7 : typical.value;
    assumptions.push(`Length of stay: ${plural(days, 'day')}, the center's typical length.`);
  } else {
    days = DEFAULT_PROGRAM.inpatient_days;
    assumptions.push(`Length of stay: ${plural(days, 'day')} (default; no length given).`);
  }

  const base = { ok: true as const, unit: price.unit, service_days: days, length_days: days };
  switch (price.unit) {
    case 'day':
      return { ...base, count: days, per: 1, assumptions };
    case 'week':
      assumptions.push(`Priced per week: ${plural(days, 'day')} billed as ${Math.round((days / 7) * 100) / 100} weeks (prorated by the day).`);
      return { ...base, count: days, per: 7, assumptions };
    case 'episode':
      assumptions.push('Priced per episode: the price covers the whole stay whatever its length; per-week figures spread it over the stay.');
      return { ...base, count: 1, per: 1, assumptions };
    case 'hour':
    case 'session':
      return {
        ok: false,
        reason: `An inpatient price per ${price.unit} cannot be turned into the cost of a stay; ask the center for its daily rate.`,
        assumptions,
      };
  }
}
