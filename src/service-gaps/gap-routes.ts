import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineRoute } from '../http/define-route';
import { stateParam } from '../search/search-query';
import { gapsCsv, listServiceGaps } from './list-gaps';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const GapQuerySchema = z.strictObject({
  from: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }).optional().describe('First day counted (default: 30 days ago)'),
  to: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }).optional().describe('Last day counted (default: today, UTC)'),
  state: stateParam.optional(),
  format: z.enum(['json', 'csv']).default('json').describe('csv: a download with the same columns'),
  limit: z.coerce.number<string>().int().min(1).max(5000).default(200).describe('Most rows returned (default 200)'),
}).superRefine((q, ctx) => {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is after `to`' });
});
const GapRowSchema = z.object({
  criteria: z.string().describe('What was asked: `param=codes` joined by `&` (e.g. `level=iop&payer=medicaid&schedule=evening`); `text=yes` when free text was part of it (its words are never kept); `none` for no criteria'),
  state: z.string().describe('State asked for or of the ZIP searched near; empty when neither'),
  zip3: z.string().describe('First three digits of the ZIP searched near; empty when none'),
  searches: z.number().int().describe('Searches with fewer than 3 results'),
  zero_results: z.number().int().describe('Of those, searches with none'),
  last_seen: z.string().describe('Latest such search (ISO 8601)'),
}).meta({ id: 'ServiceGap' });

export function serviceGapRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'get', path: '/v1/service-gaps', tags: ['Service gaps'], role: 'staff',
    summary: 'What searches most often find too little, by criteria, state and 3-digit ZIP',
    description: 'Every search with fewer than 3 results is counted per day by the codes and criteria asked, the state and the ZIP\'s first three digits; never the caller\'s words, full ZIP or identity. Counts reach this list within a few seconds.',
    query: GapQuerySchema,
    responses: {
      200: { description: 'Rows, most searches first', content: { 'application/json': { schema: z.object({ data: z.array(GapRowSchema), meta: z.object({ from: z.string(), to: z.string() }) }) }, 'text/csv': { schema: z.string() } } },
    },
    handler: async ({ query }, _req, res) => {
      const from = query.from ?? day(-30);
      const to = query.to ?? day(0);
      const rows = await listServiceGaps(deps.db, { from, to, state: query.state, limit: query.limit });
      res.setHeader('Cache-Control', 'no-store');
      if (query.format === 'csv') {
        res.type('text/csv').setHeader('Content-Disposition', `attachment; filename="service-gaps-${from}-${to}.csv"`).send(gapsCsv(rows));
        return undefined;
      }
      return { data: rows, meta: { from, to } };
    },
  });
  return router;
}
