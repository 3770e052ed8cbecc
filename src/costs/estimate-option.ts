import type { LevelOfCare, PriceUnit } from '../taxonomy/codes';
import { applyCoverage, type BreakdownCents } from './apply-coverage';
import type { CostOption, PricedLevel, PriceInput, PriceSource, ProgramInput } from './cost-types';
import { scaleCents, toCents, toDollars, type Cents } from './money';
import { iopUnits, inpatientUnits } from './program-units';
import type { CoverageTerms } from './resolve-coverage';

/** One option in cents, before it is presented in dollars. */
export interface OptionEstimate {
  level: LevelOfCare | 'residential_then_iop';
  estimated: boolean;
  not_estimated_reason: string | null;
  rate: Cents | null;
  unit: PriceUnit | null;
  units: number | null;
  service_days: number | null;
  length_days: number | null;
  allowed: Cents | null;
  patient: Cents | null;
  plan: Cents | null;
  breakdown: BreakdownCents | null;
  /** Added to the deductible and out-of-pocket paid so far; zero when not estimated. */
  accrued: { deductible: Cents; oop: Cents };
  price_source: PriceSource | null;
  assumptions: string[];
}

export type OptionKind = 'iop' | 'inpatient';

const NOT_PRICED = 'No price is available for this level of care.';

/** What the price leaves out or how it should be read, for the `assumptions` list. */
function priceNotes(kind: OptionKind, price: PriceInput, source: PriceSource, payer: CoverageTerms['payer']): string[] {
  const notes: string[] = [];
  if (source.as_of) {
    const age = source.age_days != null && source.age_days > 365 ? ` (${source.age_days} days old; it may have changed)` : '';
    notes.push(`Price as of ${source.as_of}${age}.`);
  }
  if (kind === 'inpatient') {
    if (price.includes_room_and_board === false) notes.push('The price excludes room and board, which is billed separately and not included here.');
    else if (price.includes_room_and_board == null) notes.push('The price does not say whether room and board is included.');
  }
  notes.push('Not included: physician and psychiatric fees, medications, laboratory and drug-testing fees billed separately.');
  if (price.price_type === 'billed_charge' && payer === 'private') {
    notes.push('The price is the list price billed to insurers, used as the allowed amount; in-network negotiated rates are usually lower.');
  } else if (price.price_type === 'billed_charge' && payer === 'self_pay') {
    notes.push('The price is the list price billed to insurers; ask the center for its cash price, which is often lower.');
  } else if (price.price_type === 'cash' && payer === 'private') {
    const whose = source.kind === 'center' ? 'the center\'s cash price' : source.kind === 'regional_median' ? 'a median of nearby centers\' cash prices' : 'a national reference cash price';
    notes.push(`The price is ${whose}, used as the plan's allowed amount; the plan's negotiated rate may differ.`);
  }
  return notes;
}

/** Units, allowed total and coverage of one option (IOP or inpatient), in cents. */
export function estimateOption(kind: OptionKind, priced: PricedLevel | null, program: ProgramInput, coverage: CoverageTerms): OptionEstimate {
  const fallbackLevel: LevelOfCare = kind === 'iop' ? 'iop' : 'residential';
  const empty: OptionEstimate = {
    level: priced?.price.level ?? fallbackLevel, estimated: false, not_estimated_reason: NOT_PRICED,
    rate: null, unit: null, units: null, service_days: null, length_days: null,
    allowed: null, patient: null, plan: null, breakdown: null, accrued: { deductible: 0, oop: 0 },
    price_source: priced?.price_source ?? null, assumptions: [],
  };
  if (!priced) return empty;
  const { price, price_source } = priced;

  const units = kind === 'iop' ? iopUnits(price, program) : inpatientUnits(price, program);
  const rate = toCents(price.amount);
  const notes = priceNotes(kind, price, price_source, coverage.payer);
  if (!units.ok) {
    return { ...empty, rate, unit: price.unit, not_estimated_reason: units.reason, assumptions: [...units.assumptions, ...notes] };
  }

  const allowed = scaleCents(rate, units.count, units.per);
  const base = {
    ...empty,
    rate,
    unit: units.unit,
    units: Math.round((units.count / units.per) * 100) / 100,
    service_days: units.service_days,
    length_days: units.length_days,
    allowed,
  };
  const outcome = applyCoverage(
    { allowed, service_days: units.service_days, setting: kind === 'iop' ? 'outpatient' : 'inpatient', level: price.level },
    coverage.payer, coverage.terms,
  );
  const assumptions = [...units.assumptions, ...coverage.assumptions, ...outcome.notes, ...notes];
  if (!outcome.estimated) return { ...base, not_estimated_reason: outcome.reason, assumptions };
  return {
    ...base,
    estimated: true,
    not_estimated_reason: null,
    patient: outcome.patient,
    plan: outcome.plan,
    breakdown: outcome.breakdown,
    accrued: outcome.accrued,
    assumptions,
  };
}

const dollars = (c: Cents | null) => (c == null ? null : toDollars(c));
/** Per week of program: amount × 7 ÷ length in days, rounded half up to the cent. */
const perWeek = (c: Cents | null, lengthDays: number | null) =>
  (c == null || !lengthDays || lengthDays <= 0 ? null : toDollars(scaleCents(c, 7, lengthDays)));

/** The edge: cents to the dollar shape of the API response. */
export function presentOption(o: OptionEstimate): CostOption {
  const b = o.breakdown;
  return {
    level: o.level,
    estimated: o.estimated,
    not_estimated_reason: o.not_estimated_reason,
    rate: dollars(o.rate),
    unit: o.unit,
    units: o.units,
    service_days: o.service_days,
    weeks: o.length_days == null ? null : Math.round((o.length_days / 7) * 100) / 100,
    allowed_total: dollars(o.allowed),
    patient_pays: dollars(o.patient),
    plan_pays: dollars(o.plan),
    patient_pays_per_week: perWeek(o.patient, o.length_days),
    plan_pays_per_week: perWeek(o.plan, o.length_days),
    breakdown: b && {
      deductible: toDollars(b.deductible), coinsurance: toDollars(b.coinsurance), copays: toDollars(b.copays),
      plan_allowed: toDollars(b.plan_allowed), balance_billing: toDollars(b.balance_billing),
      capped_by_oop_max: b.capped_by_oop_max,
    },
    price_source: o.price_source,
    assumptions: o.assumptions,
  };
}
