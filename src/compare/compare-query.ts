import { z } from 'zod';
import '../http/openapi'; // adds .openapi() to zod schemas
import { checkCoverage, COST_PARAM_NAMES, coverageParams, programParams, requiredText } from '../costs/cost-query';
import { commaListDoc, near } from '../search/search-query';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;
const uuid = z.uuid();
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A comma list of 2–5 distinct center ids; every problem is reported on `ids` itself. */
const ids = requiredText(`is required: ${MIN_COMPARED} to ${MAX_COMPARED} center ids, comma separated`).transform((v, ctx) => {
  const list = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const fail = (message: string) => { ctx.addIssue({ code: 'custom', message }); return z.NEVER; };
  if (list.length < MIN_COMPARED || list.length > MAX_COMPARED) {
    return fail(`must list ${MIN_COMPARED} to ${MAX_COMPARED} center ids, comma separated (got ${list.length})`);
  }
  const bad = list.find((id) => !uuid.safeParse(id).success);
  if (bad) return fail(`${JSON.stringify(bad.slice(0, 60))} is not a center id (a UUID)`);
  const twice = list.find((id, i) => list.indexOf(id) !== i);
  if (twice) return fail(`lists ${twice} twice`);
  return list;
});

export const CompareQuerySchema = z.strictObject({
  ids: ids.describe(`Comma list of ${MIN_COMPARED}–${MAX_COMPARED} distinct center ids (UUIDs)`)
    .openapi({ ...commaListDoc({ type: 'string', format: 'uuid', pattern: UUID_PATTERN }, MIN_COMPARED, MAX_COMPARED), uniqueItems: true }),
  near: near.optional().describe('A 5-digit ZIP code or "lat,lng": each center then carries distance_miles (miles), compared too'),
  ...coverageParams,
  ...programParams,
}).superRefine((q, ctx) => {
  const given = COST_PARAM_NAMES.filter((k) => k !== 'payer' && q[k] !== undefined);
  if (!q.payer && given.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['payer'], message: `is required for the cost comparison (${given.join(', ')} given)` });
  }
  checkCoverage(q, ctx);
});

export type CompareQuery = z.output<typeof CompareQuerySchema>;
