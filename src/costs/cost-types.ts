import type { Price } from '../centers/center-schema';
import type { LevelOfCare, PriceUnit } from '../taxonomy/codes';

/** The payers the cost model can treat (`sliding_scale` is answered with a refusal). */
export const COST_PAYERS = ['self_pay', 'sliding_scale', 'private', 'medicaid', 'medicare'] as const;
export type CostPayer = (typeof COST_PAYERS)[number];

/**
 * A center's published price, or one the caller derived (regional median, national
 * reference): only level, amount and unit are required.
 */
export type PriceInput = Pick<Price, 'level' | 'amount' | 'unit'> & Partial<Pick<Price,
  'price_type' | 'typical_length' | 'days_per_week' | 'hours_per_week' | 'includes_room_and_board' | 'source' | 'as_of'>>;

/** Where a price came from and how old it is; built by the caller, echoed unchanged. */
export interface PriceSource {
  kind: 'center' | 'regional_median' | 'national_reference';
  description: string;
  as_of: string | null;
  age_days: number | null;
  center_id?: string;
  centers_count?: number;
  radius_miles?: number;
}

export interface PricedLevel { price: PriceInput; price_source: PriceSource }

/** Program inputs of the request; missing values come from the price, else defaults. */
export interface ProgramInput {
  iop_weeks?: number | null;
  iop_days_per_week?: number | null;
  inpatient_days?: number | null;
}

/** What the patient's share is made of, in dollars. */
export interface CostBreakdown {
  deductible: number;
  /** Percentage coinsurance, or Medicare Part A day coinsurance. */
  coinsurance: number;
  copays: number;
  /** The part of the price the plan recognises (equal to the price except out of network). */
  plan_allowed: number;
  /** Price minus plan_allowed, billed to the patient out of network; never capped. */
  balance_billing: number;
  capped_by_oop_max: boolean;
}

/** One option of the comparison as it appears in the API response (dollars). */
export interface CostOption {
  level: LevelOfCare | 'residential_then_iop';
  estimated: boolean;
  not_estimated_reason: string | null;
  rate: number | null;
  unit: PriceUnit | null;
  units: number | null;
  service_days: number | null;
  weeks: number | null;
  allowed_total: number | null;
  patient_pays: number | null;
  plan_pays: number | null;
  patient_pays_per_week: number | null;
  plan_pays_per_week: number | null;
  breakdown: CostBreakdown | null;
  price_source: PriceSource | null;
  assumptions: string[];
}
