import { z } from 'zod';
import { CODE_FIELDS, PRICE_UNITS } from '../taxonomy/codes';
import { COST_PAYERS } from './cost-types';

const usd = (what: string) => z.number().nullable().describe(`${what} (USD, rounded to cents; null when not estimated)`);
const SOURCE_KINDS = ['center', 'regional_median', 'national_reference'] as const;

export const PriceSourceSchema = z.object({
  kind: z.enum(SOURCE_KINDS).describe('center: the center\'s published price; regional_median: the median of published prices nearby; national_reference: a published national figure'),
  description: z.string().describe('Where the price came from, in words: the center and its source, or how many centers within how many miles and their price dates, or the national source'),
  as_of: z.string().nullable().describe('Date of the price (YYYY-MM-DD); for a regional median, the oldest price pooled; null for national figures'),
  age_days: z.number().int().nullable().describe('Age of as_of in days'),
  center_id: z.uuid().optional().describe('The center that published the price'),
  centers_count: z.number().int().optional().describe('Regional median: number of centers whose prices were pooled'),
  radius_miles: z.number().optional().describe('Regional median: radius searched (miles)'),
}).meta({ id: 'PriceSource', description: 'Where an option\'s price came from and how old it is' });

export const CostBreakdownSchema = z.object({
  deductible: z.number().describe('Part of patient_pays that is deductible (USD)'),
  coinsurance: z.number().describe('Part of patient_pays that is percentage coinsurance, or Medicare Part A day coinsurance (USD)'),
  copays: z.number().describe('Part of patient_pays that is per-day copays (USD)'),
  plan_allowed: z.number().describe('Amount the plan recognises: the price in network, price × oon_allowed_ratio out of network (USD)'),
  balance_billing: z.number().describe('Price minus plan_allowed, billed to the patient out of network; not capped by the out-of-pocket maximum (USD)'),
  capped_by_oop_max: z.boolean().describe('Whether the out-of-pocket maximum limited what the patient pays'),
}).meta({ id: 'CostBreakdown', description: 'What the patient\'s share is made of' });

const optionFields = {
  level: z.enum([...CODE_FIELDS.levels_of_care, 'residential_then_iop'] as [string, ...string[]])
    .describe('Level of care priced (iop; residential or hospital_inpatient), or residential_then_iop for the step-down path'),
  estimated: z.boolean().describe('false when the option cannot be estimated honestly (no price, sliding scale, Medicare residential…); see not_estimated_reason'),
  not_estimated_reason: z.string().nullable().describe('Why the option is not estimated; null when it is'),
  rate: usd('Price per unit'),
  unit: z.enum(PRICE_UNITS).nullable().describe('Unit of rate: day (attendance day for IOP, night for inpatient), week, session, hour or episode'),
  units: z.number().nullable().describe('Number of units priced (e.g. attendance days, nights, weeks), to 2 decimals'),
  service_days: z.number().int().nullable().describe('Days of attendance (IOP) or nights (inpatient) that per-day copays multiply (days)'),
  weeks: z.number().nullable().describe('Calendar length of the option (weeks, to 2 decimals)'),
  allowed_total: usd('Price of the whole episode: rate × units'),
  patient_pays: usd('What the patient pays for the episode, including balance billing'),
  plan_pays: usd('What the plan pays for the episode'),
  patient_pays_per_week: usd('patient_pays spread over the weeks of the option (per week)'),
  plan_pays_per_week: usd('plan_pays spread over the weeks of the option (per week)'),
  // Referenced schemas carry no .describe(): it would copy them and inline the component.
  breakdown: z.union([CostBreakdownSchema, z.null()]),
  price_source: z.union([PriceSourceSchema, z.null()]),
  assumptions: z.array(z.string()).describe('Everything the estimate assumed or left out, in plain sentences: lengths, defaults, how the price was chosen, what is not included'),
};

export const CostOptionSchema = z.object(optionFields)
  .meta({ id: 'CostOption', description: 'One option estimated as one episode; amounts in USD' });

export const StepDownOptionSchema = z.object({
  ...optionFields,
  parts: z.object({
    inpatient: CostOptionSchema,
    iop: CostOptionSchema,
  }).describe('The two parts in order: the inpatient stay, then the IOP that follows, which starts with the deductible and out-of-pocket the stay paid'),
}).meta({ id: 'StepDownOption', description: 'An inpatient stay then IOP as one episode under one deductible and out-of-pocket maximum; amounts in USD' });

export const CostCoverageSchema = z.object({
  payer: z.enum(COST_PAYERS).describe('Payer estimated'),
  in_network: z.boolean().describe('Whether the center is taken to be in the plan\'s network'),
  deductible: z.number().nullable().describe('Yearly deductible used (USD); null when not applicable to the payer'),
  deductible_met: z.number().nullable().describe('Deductible already paid this year (USD)'),
  coinsurance: z.number().nullable().describe('Coinsurance used (fraction 0–1)'),
  copay_per_day: z.number().nullable().describe('Copay per service day used (USD)'),
  oop_max: z.number().nullable().describe('Out-of-pocket maximum used (USD)'),
  oop_met: z.number().nullable().describe('Out-of-pocket already paid this year (USD)'),
  oon_allowed_ratio: z.number().nullable().describe('Out of network: share of the price the plan allows (fraction 0–1)'),
  defaults_used: z.array(z.string()).describe('Parameters not given, for which a default was used (each also explained in assumptions)'),
}).meta({ id: 'CostCoverage', description: 'The coverage estimated, with defaults filled in; null where a field does not apply to the payer' });

export const CostBasisSchema = z.object({
  kind: z.enum(SOURCE_KINDS).describe('center: a center\'s prices (a level it does not price falls back; see each option\'s price_source); regional_median: the median of published prices nearby; national_reference: national figures'),
  description: z.string().describe('The basis, in words'),
  center_id: z.uuid().optional().describe('The center whose prices are used'),
  center_name: z.string().optional(),
  near: z.object({
    lat: z.number().describe('Latitude, degrees'), lng: z.number().describe('Longitude, degrees'),
    zip: z.string().optional().describe('The ZIP code given; lat/lng is its centroid'),
  }).optional().describe('The point the regional median is centred on'),
  radius_miles: z.number().optional().describe('Radius of the regional median (miles); with a center, of its fallback'),
  centers_count: z.number().int().optional().describe('Distinct active centers whose prices went into the regional medians'),
  farthest_miles: z.number().nullable().optional().describe('Distance of the farthest of those centers (miles)'),
  prices_as_of: z.object({
    oldest: z.string().describe('Date of the oldest pooled price (YYYY-MM-DD)'),
    newest: z.string().describe('Date of the newest pooled price (YYYY-MM-DD)'),
    oldest_age_days: z.number().int().describe('Age of the oldest pooled price (days)'),
  }).nullable().optional().describe('Date range of the pooled prices; null when none were found'),
}).meta({ id: 'CostBasis', description: 'What the prices are based on' });

export const CostComparisonSchema = z.object({
  basis: CostBasisSchema,
  coverage: CostCoverageSchema,
  options: z.object({
    iop: CostOptionSchema,
    inpatient: CostOptionSchema,
    residential_then_iop: StepDownOptionSchema.optional(),
  }).describe('iop: intensive outpatient as one program; inpatient: residential or hospital care as one stay; residential_then_iop: only with path=residential_then_iop'),
  difference: z.object({
    allowed_total: z.number().nullable().describe('Inpatient minus IOP allowed_total (USD); null when either is missing'),
    patient_pays: z.number().nullable().describe('Inpatient minus IOP patient_pays (USD); null when either is not estimated'),
  }).describe('Inpatient minus IOP'),
  disclaimer: z.string().describe('An estimate, not a quote; benefits must be verified; level of care is a clinical decision'),
}).meta({ id: 'CostComparison', description: 'IOP vs inpatient care, each estimated as one episode with the same coverage (docs/cost-model.md)' });

export type CostComparison = z.output<typeof CostComparisonSchema>;
