import { z } from 'zod';
import '../http/openapi'; // adds .openapi() to zod schemas: documents each parameter's parsed type
import { bool, near, text } from '../search/search-query';
import { INPATIENT_LEVELS } from '../taxonomy/codes';
import { COST_PAYERS } from './cost-types';

/** A query value read as a number; empty text is an error, not 0 (as z.coerce would make it). */
const number = text.transform((v, ctx) => {
  const n = v.trim() === '' ? Number.NaN : Number(v);
  if (!Number.isFinite(n)) { ctx.addIssue({ code: 'custom', message: 'must be a number' }); return z.NEVER; }
  return n;
});
const MAX_USD = 10_000_000;
const usd = (what: string) => number.pipe(z.number().min(0, 'must not be negative').max(MAX_USD, 'must be at most 10,000,000'))
  .optional().describe(`${what} (USD, ≥ 0)`).openapi({ type: 'number', minimum: 0, maximum: MAX_USD });
const fraction = (what: string) => number.pipe(z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'))
  .optional().describe(`${what} (fraction 0–1, e.g. 0.2 for 20%)`).openapi({ type: 'number', minimum: 0, maximum: 1 });
const count = (min: number, max: number, what: string) => number
  .pipe(z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
  .optional().describe(what).openapi({ type: 'integer', minimum: min, maximum: max });
const flag = (what: string) => bool.optional().describe(what);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => ({ type: 'string' as const, enum: [...values] });

const PAYER_DESCRIPTION = 'Who pays: self_pay (cash), private (commercial insurance), medicaid, medicare (Original Medicare), sliding_scale (not estimated: depends on income)';
const payerCode = z.enum(COST_PAYERS, `must be one of ${COST_PAYERS.join(', ')}`);
export const payerParam = text.pipe(payerCode).describe(PAYER_DESCRIPTION).openapi(oneOf(COST_PAYERS));
/** Like `text`, for a required parameter: a missing one gets a plain message. */
export const requiredText = (message: string) => z.union([z.string(), z.array(z.string())], {
  error: (issue) => (issue.input === undefined ? message : undefined),
}).transform((v) => (Array.isArray(v) ? v.join(',') : v));
const requiredPayer = requiredText(`is required: one of ${COST_PAYERS.join(', ')}`)
  .pipe(payerCode).describe(PAYER_DESCRIPTION).openapi(oneOf(COST_PAYERS));

/** Coverage parameters, shared with GET /v1/compare; every amount in USD. */
export const coverageParams = {
  payer: payerParam.optional().openapi(oneOf(COST_PAYERS)),
  in_network: flag('Private insurance: whether the center is in the plan\'s network (true/false, default true)'),
  deductible: usd('Private: yearly deductible; default 1787, the average employer single deductible (KFF 2024)'),
  deductible_met: usd('Deductible already paid this plan year (private; Medicare: toward the Part A or B deductible); default 0'),
  coinsurance: fraction('Private: share of the allowed amount the patient pays after the deductible; default 0.2'),
  copay_per_day: usd('Private: copay per day of attendance (IOP) or per night (inpatient); default 0'),
  oop_max: usd('Private: out-of-pocket maximum for the plan year; default 10600, the 2026 ACA single limit'),
  oop_met: usd('Private: out-of-pocket already paid this plan year; default 0'),
  oon_allowed_ratio: fraction('Private, out of network (in_network=false): share of the price the plan allows; the rest is balance billed; default 0.6'),
};

/** Program parameters, shared with GET /v1/compare. */
export const programParams = {
  iop_weeks: count(1, 104, 'IOP program length (weeks, 1–104); default: the price\'s typical length, else 8'),
  iop_days_per_week: count(1, 7, 'IOP attendance (days per week, 1–7); default: the price\'s days_per_week, else 3'),
  inpatient_days: count(1, 365, 'Inpatient length of stay (days, i.e. nights, 1–365); default: the price\'s typical length, else 30'),
  inpatient_level: text.pipe(z.enum(INPATIENT_LEVELS, `must be one of ${INPATIENT_LEVELS.join(', ')}`)).optional()
    .describe('Which inpatient care to price: residential or hospital_inpatient. Default: residential; with `center`, the center\'s hospital_inpatient price when it publishes no residential one')
    .openapi(oneOf(INPATIENT_LEVELS)),
  path: text.pipe(z.enum(['residential_then_iop'], 'must be residential_then_iop')).optional()
    .describe('residential_then_iop adds options.residential_then_iop: the inpatient stay then IOP as one episode, under one deductible and out-of-pocket maximum')
    .openapi(oneOf(['residential_then_iop'])),
};

const CostParamsSchema = z.object({ ...coverageParams, ...programParams });
/** The coverage and program parameters once parsed, with the payer known. */
export type CostParams = Omit<z.output<typeof CostParamsSchema>, 'payer'> & { payer: z.output<typeof payerParam> };
export const COST_PARAM_NAMES = Object.keys(CostParamsSchema.shape) as (keyof typeof CostParamsSchema.shape)[];

/** Rules between coverage parameters, for both endpoints. */
export function checkCoverage(q: { payer?: string; in_network?: boolean; oon_allowed_ratio?: number }, ctx: z.RefinementCtx) {
  if (q.oon_allowed_ratio !== undefined && q.in_network !== false) {
    ctx.addIssue({ code: 'custom', path: ['oon_allowed_ratio'], message: 'applies only out of network (in_network=false)' });
  }
  if (q.in_network === false && q.payer !== undefined && q.payer !== 'private') {
    ctx.addIssue({ code: 'custom', path: ['in_network'], message: 'out of network is estimated only for payer=private' });
  }
}

export const CostQuerySchema = z.strictObject({
  center: z.uuid({ message: 'must be a center id (a UUID)' }).optional()
    .describe('Basis: this center\'s published prices. A level it does not price falls back to the regional median around the center, then to national reference figures (unless fallback=false)'),
  near: near.optional().describe('Basis without `center`: a 5-digit ZIP code or "lat,lng"; prices are the median of published prices of active centers within `radius`'),
  radius: number.pipe(z.number().positive('must be more than 0').max(500, 'must be at most 500 miles')).optional()
    .describe('Miles around `near` (or around `center`, for its fallback) whose centers\' prices make the regional median (miles; default 25, max 500)')
    .openapi({ type: 'number', exclusiveMinimum: 0, maximum: 500, default: 25 }),
  fallback: flag('With `center`: true (default) fills a level the center does not price from the regional median, else national reference; false answers 400 instead'),
  ...coverageParams,
  payer: requiredPayer,
  ...programParams,
}).superRefine((q, ctx) => {
  if (q.center && q.near) ctx.addIssue({ code: 'custom', path: ['near'], message: 'give either `center` or `near`, not both' });
  if (q.radius !== undefined && !q.near && !q.center) ctx.addIssue({ code: 'custom', path: ['radius'], message: 'needs `near` or `center`' });
  if (q.fallback !== undefined && !q.center) ctx.addIssue({ code: 'custom', path: ['fallback'], message: 'applies only with `center`' });
  checkCoverage(q, ctx);
});

export type CostQuery = z.output<typeof CostQuerySchema>;
export const DEFAULT_RADIUS_MILES = 25;
