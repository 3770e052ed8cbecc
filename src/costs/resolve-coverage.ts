import type { CostPayer } from './cost-types';
import { formatPercent, formatUsd, toCents, toDollars, type Cents } from './money';
import { REFERENCE_FIGURES as R } from './reference-figures';

/** Coverage as the request gives it (dollars; coinsurance and ratio as fractions 0–1). */
export interface CoverageInput {
  payer: CostPayer;
  in_network?: boolean | null;
  deductible?: number | null;
  deductible_met?: number | null;
  coinsurance?: number | null;
  copay_per_day?: number | null;
  oop_max?: number | null;
  oop_met?: number | null;
  /** Out of network: the fraction of the price the plan allows. */
  oon_allowed_ratio?: number | null;
}

/** Coverage echoed in the response: defaults filled in and named; null where not applicable. */
export interface ResolvedCoverage {
  payer: CostPayer;
  in_network: boolean;
  deductible: number | null;
  deductible_met: number | null;
  coinsurance: number | null;
  copay_per_day: number | null;
  oop_max: number | null;
  oop_met: number | null;
  oon_allowed_ratio: number | null;
  defaults_used: string[];
}

/** The plan's terms in cents, as the arithmetic uses them. */
export interface PlanTerms {
  in_network: boolean;
  deductible: Cents;
  deductible_met: Cents;
  coinsurance: number;
  copay_per_day: Cents;
  oop_max: Cents;
  oop_met: Cents;
  oon_allowed_ratio: number;
}

export interface CoverageTerms { payer: CostPayer; terms: PlanTerms; assumptions: string[] }

/**
 * A plan typically allows well under a center's price out of network; 60% is a round,
 * deliberately cautious guess, stated in every estimate that uses it.
 */
export const DEFAULT_OON_ALLOWED_RATIO = 0.6;

type MoneyField = 'deductible' | 'deductible_met' | 'copay_per_day' | 'oop_max' | 'oop_met';
const PLAN_FIELDS = ['deductible', 'coinsurance', 'copay_per_day', 'oop_max', 'oop_met', 'oon_allowed_ratio'] as const;

const given = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const fraction = (x: number) => Math.min(1, Math.max(0, x));

/** Fills the defaults of docs/cost-model.md for what the caller left out, and says so. */
export function resolveCoverage(input: CoverageInput): { coverage: ResolvedCoverage; resolved: CoverageTerms } {
  const { payer } = input;
  const inNetwork = input.in_network ?? true;
  const defaults: string[] = [];
  const assumptions: string[] = [];
  const money = (field: MoneyField, fallback: Cents, say: string): Cents => {
    const v = input[field];
    if (given(v)) return toCents(v);
    defaults.push(field);
    assumptions.push(say);
    return fallback;
  };
  const rate = (field: 'coinsurance' | 'oon_allowed_ratio', fallback: number, say: string): number => {
    const v = input[field];
    if (given(v)) return fraction(v);
    defaults.push(field);
    assumptions.push(say);
    return fallback;
  };

  const terms: PlanTerms = {
    in_network: inNetwork, deductible: 0, deductible_met: 0, coinsurance: 0, copay_per_day: 0,
    oop_max: 0, oop_met: 0, oon_allowed_ratio: 1,
  };
  if (payer === 'private') {
    terms.deductible = money('deductible', R.employer_single_deductible.cents,
      `Deductible not given: used ${formatUsd(R.employer_single_deductible.cents)}, the average single-coverage deductible of employer plans (KFF, 2024).`);
    terms.deductible_met = money('deductible_met', 0, 'Deductible already paid this plan year not given: taken as $0.');
    terms.coinsurance = rate('coinsurance', R.typical_coinsurance.fraction,
      `Coinsurance not given: used ${formatPercent(R.typical_coinsurance.fraction)}, typical of commercial plans.`);
    terms.copay_per_day = money('copay_per_day', 0, 'Copay per day not given: taken as $0.');
    terms.oop_max = money('oop_max', R.aca_oop_max_single.cents,
      `Out-of-pocket maximum not given: used ${formatUsd(R.aca_oop_max_single.cents)}, the 2026 ACA limit for single coverage (many plans have a lower one; family coverage may reach ${formatUsd(R.aca_oop_max_family.cents)}).`);
    terms.oop_met = money('oop_met', 0, 'Out-of-pocket already paid this plan year not given: taken as $0.');
    if (!inNetwork) {
      terms.oon_allowed_ratio = rate('oon_allowed_ratio', DEFAULT_OON_ALLOWED_RATIO,
        `Out of network: the plan is assumed to allow ${formatPercent(DEFAULT_OON_ALLOWED_RATIO)} of the price (not given).`);
      assumptions.push('Out of network: the deductible and out-of-pocket maximum given (or defaulted) are used; many plans have separate, higher out-of-network amounts.');
    }
  } else if (payer === 'medicare') {
    terms.deductible_met = money('deductible_met', 0, 'Deductible already paid not given: taken as $0.');
  }

  const ignored = payer === 'private' ? [] : PLAN_FIELDS.filter((f) => input[f] != null);
  if (ignored.length > 0) assumptions.push(`Not used for this payer: ${ignored.join(', ')}.`);

  const isPrivate = payer === 'private';
  const coverage: ResolvedCoverage = {
    payer,
    in_network: inNetwork,
    deductible: isPrivate ? toDollars(terms.deductible) : null,
    deductible_met: isPrivate || payer === 'medicare' ? toDollars(terms.deductible_met) : null,
    coinsurance: isPrivate ? terms.coinsurance : null,
    copay_per_day: isPrivate ? toDollars(terms.copay_per_day) : null,
    oop_max: isPrivate ? toDollars(terms.oop_max) : null,
    oop_met: isPrivate ? toDollars(terms.oop_met) : null,
    oon_allowed_ratio: isPrivate && !inNetwork ? terms.oon_allowed_ratio : null,
    defaults_used: defaults,
  };
  return { coverage, resolved: { payer, terms, assumptions } };
}
