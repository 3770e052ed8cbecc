import type { CostPayer } from './cost-types';
import { medicaidCostSharing } from './medicaid-cost-sharing';
import { medicareCostSharing } from './medicare-cost-sharing';
import { formatPercent, formatUsd, scaleCents, type Cents } from './money';
import type { PlanTerms } from './resolve-coverage';

/** What coverage is applied to: one option's allowed total and the days it spans. */
export interface CoverageContext {
  allowed: Cents;
  service_days: number;
  setting: 'outpatient' | 'inpatient';
  /** Level of the price: Medicare treats hospital_inpatient and residential differently. */
  level: string;
}

export interface BreakdownCents {
  deductible: Cents;
  coinsurance: Cents;
  copays: Cents;
  plan_allowed: Cents;
  balance_billing: Cents;
  capped_by_oop_max: boolean;
}

export type CoverageOutcome =
  | {
    estimated: true;
    patient: Cents;
    plan: Cents;
    breakdown: BreakdownCents;
    /** What this option adds to the deductible and out-of-pocket paid so far (step-down path). */
    accrued: { deductible: Cents; oop: Cents };
    notes: string[];
  }
  | { estimated: false; reason: string; notes: string[] };

/**
 * Commercial cost sharing of docs/cost-model.md step 3 on the amount the plan allows:
 * deductible, then coinsurance on the rest, plus per-day copays, capped by what is left of
 * the out-of-pocket maximum and by the amount itself.
 */
export function planCostSharing(allowed: Cents, serviceDays: number, t: PlanTerms) {
  const deductible = Math.min(allowed, Math.max(0, t.deductible - t.deductible_met));
  const coinsurance = scaleCents(allowed - deductible, t.coinsurance);
  const copays = t.copay_per_day * Math.max(0, Math.round(serviceDays));
  const uncapped = deductible + coinsurance + copays;
  const oopLeft = Math.max(0, t.oop_max - t.oop_met);
  const patient = Math.min(uncapped, oopLeft, allowed);
  return { deductible, coinsurance, copays, patient, capped_by_oop_max: oopLeft < uncapped && oopLeft <= allowed };
}

function privateCostSharing(ctx: CoverageContext, t: PlanTerms): CoverageOutcome {
  const planAllowed = t.in_network ? ctx.allowed : scaleCents(ctx.allowed, t.oon_allowed_ratio);
  const balance = ctx.allowed - planAllowed;
  const share = planCostSharing(planAllowed, ctx.service_days, t);
  const notes = t.in_network ? [] : [
    `Out of network: the plan allows ${formatUsd(planAllowed)} (${formatPercent(t.oon_allowed_ratio)} of the price); the other ${formatUsd(balance)} is balance billing, added to what the patient pays and not capped by the out-of-pocket maximum.`,
  ];
  return {
    estimated: true,
    patient: share.patient + balance,
    plan: planAllowed - share.patient,
    breakdown: {
      deductible: share.deductible, coinsurance: share.coinsurance, copays: share.copays,
      plan_allowed: planAllowed, balance_billing: balance, capped_by_oop_max: share.capped_by_oop_max,
    },
    // Balance billing never counts toward the deductible or the out-of-pocket maximum.
    accrued: { deductible: share.deductible, oop: share.patient },
    notes,
  };
}

/** Patient and plan shares of one option under the given payer (docs/cost-model.md, step 3). */
export function applyCoverage(ctx: CoverageContext, payer: CostPayer, terms: PlanTerms): CoverageOutcome {
  switch (payer) {
    case 'private':
      return privateCostSharing(ctx, terms);
    case 'self_pay':
      return {
        estimated: true,
        patient: ctx.allowed,
        plan: 0,
        breakdown: { deductible: 0, coinsurance: 0, copays: 0, plan_allowed: 0, balance_billing: 0, capped_by_oop_max: false },
        accrued: { deductible: 0, oop: 0 },
        notes: ['Self-pay: the patient pays the whole price.'],
      };
    case 'sliding_scale':
      return {
        estimated: false,
        reason: 'A sliding-scale fee depends on household income; ask the center what it would charge.',
        notes: [],
      };
    case 'medicaid':
      return medicaidCostSharing(ctx);
    case 'medicare':
      return medicareCostSharing(ctx, terms.deductible_met);
  }
}
