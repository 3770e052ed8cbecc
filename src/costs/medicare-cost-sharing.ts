import type { CoverageContext, CoverageOutcome } from './apply-coverage';
import { formatPercent, formatUsd, scaleCents, type Cents } from './money';
import { REFERENCE_FIGURES as R } from './reference-figures';

const A_DEDUCTIBLE = R.medicare_part_a_deductible.cents;
const A_DAY = R.medicare_part_a_day_coinsurance.cents;
const B_DEDUCTIBLE = R.medicare_part_b_deductible.cents;
const B_COINSURANCE = R.medicare_part_b_coinsurance.fraction;
/** Part A pays in full for days 1–60 and charges day coinsurance through day 90. */
const FULL_DAYS = 60;
const LAST_COINSURANCE_DAY = 90;

const COMMON_NOTES = [
  'Original Medicare only; a Medigap or Medicare Advantage plan changes these figures.',
];

/** Hospital stays under Part A (per benefit period). */
function partA(ctx: CoverageContext, deductibleMet: Cents): CoverageOutcome {
  const days = ctx.service_days;
  if (days > LAST_COINSURANCE_DAY) {
    return {
      estimated: false,
      reason: `Stays longer than ${LAST_COINSURANCE_DAY} days in a benefit period draw on Medicare lifetime reserve days (${formatUsd(R.medicare_lifetime_reserve_day_coinsurance.cents)} a day in 2026, 60 days per lifetime), which depend on the person's history; not estimated.`,
      notes: [],
    };
  }
  const deductible = Math.min(ctx.allowed, Math.max(0, A_DEDUCTIBLE - deductibleMet));
  const coinsuranceDays = Math.max(0, days - FULL_DAYS);
  const coinsurance = A_DAY * coinsuranceDays;
  // The Part A amounts do not depend on the price; capping at it only keeps plan_pays ≥ 0.
  const patient = Math.min(deductible + coinsurance, ctx.allowed);
  return {
    estimated: true,
    patient,
    plan: ctx.allowed - patient,
    breakdown: { deductible, coinsurance, copays: 0, plan_allowed: ctx.allowed, balance_billing: 0, capped_by_oop_max: false },
    accrued: { deductible: 0, oop: 0 },
    notes: [
      `Medicare Part A (2026): ${formatUsd(A_DEDUCTIBLE)} deductible per benefit period, $0 for days 1–${FULL_DAYS}, ${formatUsd(A_DAY)} a day for days ${FULL_DAYS + 1}–${LAST_COINSURANCE_DAY}${coinsuranceDays > 0 ? ` (${coinsuranceDays} such days here)` : ''}.`,
      'Assumes the stay starts a new benefit period (no hospital days already used in it); deductible_met counts toward the Part A deductible.',
      'Medicare pays the hospital its own rates; what the patient pays under Part A does not depend on the price, which is shown for comparison.',
      'Doctors\' services during the stay are billed under Part B (20% coinsurance) and are not included.',
      'In a freestanding psychiatric hospital, Part A covers at most 190 days in a lifetime.',
      ...COMMON_NOTES,
    ],
  };
}

/** IOP (and other outpatient care) under Part B: yearly deductible, then 20%, no cap. */
function partB(ctx: CoverageContext, deductibleMet: Cents): CoverageOutcome {
  const deductible = Math.min(ctx.allowed, Math.max(0, B_DEDUCTIBLE - deductibleMet));
  const coinsurance = scaleCents(ctx.allowed - deductible, B_COINSURANCE);
  const patient = deductible + coinsurance;
  return {
    estimated: true,
    patient,
    plan: ctx.allowed - patient,
    breakdown: { deductible, coinsurance, copays: 0, plan_allowed: ctx.allowed, balance_billing: 0, capped_by_oop_max: false },
    accrued: { deductible: 0, oop: 0 },
    notes: [
      `Medicare Part B (2026): ${formatUsd(B_DEDUCTIBLE)} yearly deductible, then ${formatPercent(B_COINSURANCE)} coinsurance, with no out-of-pocket limit in Original Medicare; intensive outpatient care is covered under Part B since 2024.`,
      'The price is taken as Medicare\'s allowed amount; Medicare\'s own rate for the center may be lower.',
      'deductible_met counts toward the Part B deductible.',
      ...COMMON_NOTES,
    ],
  };
}

/** Original Medicare (docs/cost-model.md, "Medicare"): Part A hospital stays, Part B IOP, no residential. */
export function medicareCostSharing(ctx: CoverageContext, deductibleMet: Cents): CoverageOutcome {
  if (ctx.setting === 'outpatient') return partB(ctx, deductibleMet);
  if (ctx.level === 'hospital_inpatient') return partA(ctx, deductibleMet);
  return {
    estimated: false,
    reason: 'Original Medicare generally does not cover non-hospital residential treatment.',
    notes: [],
  };
}
