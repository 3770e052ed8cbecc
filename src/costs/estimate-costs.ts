import type { CostOption, PricedLevel, ProgramInput } from './cost-types';
import { estimateOption, presentOption, type OptionEstimate } from './estimate-option';
import { toDollars } from './money';
import { resolveCoverage, type CoverageInput, type ResolvedCoverage } from './resolve-coverage';

export interface CostEstimateInput {
  /** The IOP price and where it came from; null when there is none. */
  iop: PricedLevel | null;
  /** The inpatient (residential or hospital) price; null when there is none. */
  inpatient: PricedLevel | null;
  coverage: CoverageInput;
  program?: ProgramInput;
}

export interface CostEstimate {
  coverage: ResolvedCoverage;
  options: { iop: CostOption; inpatient: CostOption };
  /** Inpatient minus IOP; each figure null when either side lacks it. */
  difference: { allowed_total: number | null; patient_pays: number | null };
  disclaimer: string;
}

export const COST_DISCLAIMER =
  'This is an estimate, not a quote. Benefits must be verified with the plan, and prices with the center. '
  + 'The level of care is a clinical decision made with an assessment (ASAM criteria), not a price decision.';

const minus = (a: number | null, b: number | null) => (a == null || b == null ? null : toDollars(a - b));

/**
 * IOP and inpatient care, each estimated on its own as one episode with the same coverage
 * (docs/cost-model.md). Pure: the caller supplies prices and sources.
 */
export function estimateCosts(input: CostEstimateInput): CostEstimate {
  const { coverage, resolved } = resolveCoverage(input.coverage);
  const program = input.program ?? {};
  const iop: OptionEstimate = estimateOption('iop', input.iop, program, resolved);
  const inpatient: OptionEstimate = estimateOption('inpatient', input.inpatient, program, resolved);
  return {
    coverage,
    options: { iop: presentOption(iop), inpatient: presentOption(inpatient) },
    difference: {
      // The price difference stands even when coverage cannot be estimated (sliding scale).
      allowed_total: minus(inpatient.allowed, iop.allowed),
      patient_pays: minus(inpatient.patient, iop.patient),
    },
    disclaimer: COST_DISCLAIMER,
  };
}
