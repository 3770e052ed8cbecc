import type { CostOption } from './cost-types';
import type { CostEstimateInput } from './estimate-costs';
import { estimateOption, presentOption, type OptionEstimate } from './estimate-option';
import { resolveCoverage, type CoverageTerms } from './resolve-coverage';

export interface StepDownOption extends CostOption {
  level: 'residential_then_iop';
  /** The two parts in order; the IOP part already reflects what the stay paid. */
  parts: { inpatient: CostOption; iop: CostOption };
}

const sum = (a: number | null, b: number | null) => (a == null || b == null ? null : a + b);

/** The IOP part starts with the deductible and out-of-pocket the stay has paid. */
function carried(coverage: CoverageTerms, stay: OptionEstimate): CoverageTerms {
  const t = coverage.terms;
  return {
    ...coverage,
    terms: { ...t, deductible_met: t.deductible_met + stay.accrued.deductible, oop_met: t.oop_met + stay.accrued.oop },
  };
}

/**
 * The step-down path as one episode: an inpatient stay, then IOP, under one deductible and
 * one out-of-pocket maximum, so it usually costs the patient less than the two options
 * estimated separately.
 */
export function estimateStepDown(input: CostEstimateInput): StepDownOption {
  const { resolved } = resolveCoverage(input.coverage);
  const program = input.program ?? {};
  const stay = estimateOption('inpatient', input.inpatient, program, resolved);
  const iop = estimateOption('iop', input.iop, program, carried(resolved, stay));
  const estimated = stay.estimated && iop.estimated;

  const combined: OptionEstimate = {
    level: 'residential_then_iop',
    estimated,
    not_estimated_reason: estimated ? null : (stay.not_estimated_reason ?? iop.not_estimated_reason),
    rate: null,
    unit: null,
    units: null,
    service_days: sum(stay.service_days, iop.service_days),
    length_days: sum(stay.length_days, iop.length_days),
    allowed: sum(stay.allowed, iop.allowed),
    patient: estimated ? sum(stay.patient, iop.patient) : null,
    plan: estimated ? sum(stay.plan, iop.plan) : null,
    breakdown: estimated && stay.breakdown && iop.breakdown ? {
      deductible: stay.breakdown.deductible + iop.breakdown.deductible,
      coinsurance: stay.breakdown.coinsurance + iop.breakdown.coinsurance,
      copays: stay.breakdown.copays + iop.breakdown.copays,
      plan_allowed: stay.breakdown.plan_allowed + iop.breakdown.plan_allowed,
      balance_billing: stay.breakdown.balance_billing + iop.breakdown.balance_billing,
      capped_by_oop_max: stay.breakdown.capped_by_oop_max || iop.breakdown.capped_by_oop_max,
    } : null,
    accrued: { deductible: stay.accrued.deductible + iop.accrued.deductible, oop: stay.accrued.oop + iop.accrued.oop },
    price_source: null,
    assumptions: [
      'One episode: the inpatient stay, then IOP, in the same plan year; the deductible and out-of-pocket paid during the stay count toward the IOP part.',
      ...(resolved.payer === 'medicare' ? ['Medicare Part A (the stay) and Part B (IOP) have separate deductibles; nothing carries over between them.'] : []),
      'Each part lists its own assumptions and price source.',
    ],
  };
  return {
    ...presentOption(combined),
    level: 'residential_then_iop',
    parts: { inpatient: presentOption(stay), iop: presentOption(iop) },
  };
}
