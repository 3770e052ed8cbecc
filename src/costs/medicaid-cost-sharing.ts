import type { CoverageContext, CoverageOutcome } from './apply-coverage';
import { formatUsd } from './money';
import { REFERENCE_FIGURES as R } from './reference-figures';

/**
 * Medicaid cost sharing is nominal and set by each state, so the estimate is $0 and the
 * federal ceiling is stated rather than charged.
 */
export function medicaidCostSharing(ctx: CoverageContext): CoverageOutcome {
  const ceiling = ctx.setting === 'outpatient'
    ? `at most ${formatUsd(R.medicaid_max_outpatient_service.cents)} per outpatient service (${formatUsd(R.medicaid_max_outpatient_service.cents * ctx.service_days)} over ${ctx.service_days} attendance days if each day is billed as one service)`
    : `at most ${formatUsd(R.medicaid_max_inpatient_stay.cents)} per inpatient stay`;
  const notes = [
    `Medicaid: cost sharing is nominal and often $0, which is what is shown; for incomes at or under the federal poverty line it is ${ceiling} (42 CFR 447.52). States set their own amounts.`,
    'Medicaid pays the center its own fee-schedule rate; the price is used as the total for comparison.',
    'Prior authorization is common for IOP, PHP and residential treatment.',
  ];
  if (ctx.setting === 'inpatient') notes.push('Medicaid coverage of residential treatment varies by state.');
  return {
    estimated: true,
    patient: 0,
    plan: ctx.allowed,
    breakdown: { deductible: 0, coinsurance: 0, copays: 0, plan_allowed: ctx.allowed, balance_billing: 0, capped_by_oop_max: false },
    accrued: { deductible: 0, oop: 0 },
    notes,
  };
}
