import type { Pool } from 'pg';
import type { CostParams } from './cost-query';
import type { CostComparison } from './cost-response';
import type { CostOption } from './cost-types';
import { estimateCosts, type CostEstimateInput } from './estimate-costs';
import { estimateStepDown } from './estimate-step-down';
import { findPriceBasis, type BasisRequest } from './find-price-basis';

export type BasisWhere = Omit<BasisRequest, 'payer' | 'inpatient_level'>;

/** How the price was chosen comes first in an option's assumptions. */
function withNotes<T extends CostOption>(option: T, notes: string[], level: string): T {
  return {
    ...option,
    // An option with no price is labelled with the level it is about, not the model's default.
    level: option.price_source ? option.level : level,
    assumptions: [...notes, ...option.assumptions],
  };
}

/**
 * GET /v1/cost-comparison for one basis (also each center of GET /v1/compare): finds the
 * prices, then runs the cost model on them.
 */
export async function buildCostComparison(pool: Pool, params: CostParams, where: BasisWhere): Promise<CostComparison> {
  const found = await findPriceBasis(pool, { ...where, payer: params.payer, inpatient_level: params.inpatient_level });
  const input: CostEstimateInput = {
    iop: found.iop,
    inpatient: found.inpatient,
    coverage: {
      payer: params.payer, in_network: params.in_network, deductible: params.deductible, deductible_met: params.deductible_met,
      coinsurance: params.coinsurance, copay_per_day: params.copay_per_day, oop_max: params.oop_max, oop_met: params.oop_met,
      oon_allowed_ratio: params.oon_allowed_ratio,
    },
    program: { iop_weeks: params.iop_weeks, iop_days_per_week: params.iop_days_per_week, inpatient_days: params.inpatient_days },
  };
  const estimate = estimateCosts(input);
  const iop = (o: CostOption) => withNotes(o, found.notes.iop, 'iop');
  const inpatient = (o: CostOption) => withNotes(o, found.notes.inpatient, found.inpatient_level);
  let stepDown: CostComparison['options']['residential_then_iop'];
  if (params.path === 'residential_then_iop') {
    const s = estimateStepDown(input);
    stepDown = { ...s, parts: { inpatient: inpatient(s.parts.inpatient), iop: iop(s.parts.iop) } };
  }
  return {
    basis: found.basis,
    coverage: estimate.coverage,
    options: {
      iop: iop(estimate.options.iop),
      inpatient: inpatient(estimate.options.inpatient),
      ...(stepDown ? { residential_then_iop: stepDown } : {}),
    },
    difference: estimate.difference,
    disclaimer: estimate.disclaimer,
  };
}
