import { z } from 'zod';
import '../http/openapi'; // adds .openapi(): each parameter documents what it accepts, not the raw text union
import { CODE_FIELDS, SCHEDULE_TAGS, type CodeField } from '../taxonomy/codes';
import { US_STATES } from '../taxonomy/us-states';

/** Query parameter → the center field it filters, in the three forms ANY / _all / _not. */
export const FILTER_PARAMS = {
  level: 'levels_of_care', modality: 'modalities', medication: 'medications', payer: 'payers',
  insurer: 'insurers', population: 'populations', language: 'languages',
  condition: 'conditions', accessibility: 'accessibility',
} as const satisfies Record<string, CodeField>;
export type FilterParam = keyof typeof FILTER_PARAMS;

/**
 * A repeated parameter (?level=a&level=b) counts as one comma list. Documented as one string;
 * the helpers below document the value they parse (a parameter built on them is documented too).
 */
export const text = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v.join(',') : v))
  .openapi({ type: 'string' });

/** The documented form of a comma list: an array sent as `a,b` (style form, explode false). */
export const commaListDoc = (items: Record<string, unknown>, minItems: number, maxItems: number) => ({
  type: 'array' as const, items, minItems, maxItems, param: { style: 'form' as const, explode: false },
});
/** A whole number in a query, documented with its bounds. */
export const integerParam = (min: number, max: number) => text.pipe(z.coerce.number<string>().int().min(min).max(max))
  .openapi({ type: 'integer', minimum: min, maximum: max });

const codeList = (codes: readonly string[], what: string) => text
  .transform((v, ctx) => {
    const items = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    if (items.length === 0) { ctx.addIssue({ code: 'custom', message: 'must list at least one code' }); return z.NEVER; }
    if (items.length > 30) { ctx.addIssue({ code: 'custom', message: 'lists more than 30 codes' }); return z.NEVER; }
    const unknown = items.filter((i) => !codes.includes(i));
    if (unknown.length) {
      ctx.addIssue({ code: 'custom', message: `unknown code ${JSON.stringify(unknown[0].slice(0, 40))}; see GET /v1/taxonomy (${what})` });
      return z.NEVER;
    }
    return [...new Set(items)];
  }).openapi(commaListDoc({ type: 'string', enum: [...codes] }, 1, 30));

/** A two-letter US state, any case; documented as the list of states. Shared by every query that takes one. */
export const stateParam = text.transform((s) => s.trim().toUpperCase()).pipe(z.enum(US_STATES, 'must be a two-letter US state code'))
  .openapi({ type: 'string', enum: [...US_STATES] });

export const bool = text.transform((v, ctx) => {
  if (v === 'true') return true;
  if (v === 'false') return false;
  ctx.addIssue({ code: 'custom', message: 'must be true or false' });
  return z.NEVER;
}).openapi({ type: 'string', enum: ['true', 'false'] });

const NEAR_PATTERN = String.raw`^\s*(\d{5}|-?\d{1,3}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?)\s*$`;
export const near = text.transform((v, ctx) => {
  const s = v.trim();
  if (/^\d{5}$/.test(s)) return { zip: s };
  const m = /^(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(s);
  if (!m) { ctx.addIssue({ code: 'custom', message: 'must be a 5-digit ZIP code or "lat,lng"' }); return z.NEVER; }
  const lat = Number(m[1]); const lng = Number(m[2]);
  if (lat < -90 || lat > 90) { ctx.addIssue({ code: 'custom', message: 'latitude must be between -90 and 90' }); return z.NEVER; }
  if (lng < -180 || lng > 180) { ctx.addIssue({ code: 'custom', message: 'longitude must be between -180 and 180' }); return z.NEVER; }
  return { lat, lng };
}).openapi({ type: 'string', pattern: NEAR_PATTERN, examples: ['10027', '40.81,-73.95'] });

const filterFields = Object.fromEntries(Object.entries(FILTER_PARAMS).flatMap(([param, field]) => {
  const codes = CODE_FIELDS[field];
  return [
    [param, codeList(codes, field).optional().describe(`Comma list: centers with ANY of these ${field} codes`)],
    [`${param}_all`, codeList(codes, field).optional().describe(`Comma list: centers with ALL of these ${field} codes`)],
    [`${param}_not`, codeList(codes, field).optional().describe(`Comma list: centers with NONE of these ${field} codes`)],
  ];
})) as Record<`${FilterParam}` | `${FilterParam}_all` | `${FilterParam}_not`, z.ZodOptional<ReturnType<typeof codeList>>>;

export const SearchQuerySchema = z.strictObject({
  q: text.pipe(z.string().trim().max(200, 'must be at most 200 characters')).openapi({ type: 'string', maxLength: 200 }).optional()
    .describe('Full text: names, services, city. Typo tolerant; understands MAT, MOUD, IOP, PHP, suboxone, vivitrol, AA/NA, dual diagnosis, rehab'),
  near: near.optional().describe('A 5-digit ZIP code or "lat,lng"; hits then carry distance_miles'),
  radius: text.pipe(z.coerce.number<string>().positive().max(500, 'must be at most 500 miles'))
    .openapi({ type: 'number', exclusiveMinimum: 0, maximum: 500 }).optional()
    .describe('Miles around `near` (default 25, max 500)'),
  ...filterFields,
  schedule: codeList(SCHEDULE_TAGS, 'schedule').optional()
    .describe('Comma list of morning, afternoon, evening, weekend (ANY). With `level`, only sessions of those levels count'),
  telehealth: bool.optional(),
  accepting_new_patients: bool.optional(),
  state: stateParam.optional().describe('Two-letter US state code'),
  verified_within_days: integerParam(1, 36500).optional().describe('Only listings a person confirmed in the last N days'),
  has_openings: bool.optional().describe('true: only centers with a fresh `open` report for one of the requested `level`s (any level when none). Stale reports (older than AVAILABILITY_STALE_HOURS) never count'),
  intake_open_now: bool.optional().describe('true: only centers whose intake line is staffed right now in the center\'s own time zone (whole quarter hours)'),
  walk_in: bool.optional().describe('true: centers that take walk-ins; false: centers that say they do not (unknown matches neither)'),
  include_temporarily_closed: bool.optional().describe('Also return temporarily closed centers (default false). Closed centers never appear'),
  sort: text.pipe(z.enum(['relevance', 'distance', 'name', 'updated', 'soonest'])).openapi({ type: 'string', enum: ['relevance', 'distance', 'name', 'updated', 'soonest'] }).optional()
    .describe('relevance (default with q), distance (default with near), name (default otherwise), updated (newest first), soonest (fresh openings first, then the shortest fresh waitlist, then the rest; each group in the default order)'),
  facets: bool.optional().describe('Counts per value of each filter field in meta.facets (default true)'),
  page: integerParam(1, 10_000).default(1).openapi({ default: 1 }).describe('Page number, from 1'),
  per_page: integerParam(1, 100).default(20).openapi({ default: 20 }).describe('Results per page (default 20, max 100)'),
}).superRefine((q, ctx) => {
  if (q.radius !== undefined && !q.near) ctx.addIssue({ code: 'custom', path: ['radius'], message: 'needs `near`' });
  if (q.sort === 'distance' && !q.near) ctx.addIssue({ code: 'custom', path: ['sort'], message: 'sort=distance needs `near`' });
  if (q.has_openings === false) ctx.addIssue({ code: 'custom', path: ['has_openings'], message: 'only true is supported (leave it out for all centers)' });
  if (q.intake_open_now === false) ctx.addIssue({ code: 'custom', path: ['intake_open_now'], message: 'only true is supported (leave it out for all centers)' });
  if (q.sort === 'relevance' && !q.q) ctx.addIssue({ code: 'custom', path: ['sort'], message: 'sort=relevance needs `q`' });
});

export type SearchQuery = z.output<typeof SearchQuerySchema>;
