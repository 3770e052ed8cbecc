import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';
import { CenterSchema } from '../centers/center-schema';
import { defineRoute, jsonResponse as json } from '../http/define-route';
import { reportRateLimit } from '../http/rate-limit';
import { pagedList } from '../http/paged-list';
import { centerHistory } from './center-history';
import { reportListing } from './report-listing';
import { closeReport, listReports } from './review-reports';
import {
  CloseReportInput, HistoryQuery, HistorySchema, IdParams, REPORT_REASON_LIST, ReportInputSchema, ReportListQuery,
  ReportListSchema, ReportReasonsSchema, ReportSchema, ReviewedReportSchema, VerifyBodySchema,
} from './trust-schemas';
import { verifyCenter } from './verify-center';
import { afterCommit } from '../centers/center-cache';

const etagHeader = { ETag: { description: 'Version of the center; send it back in If-Match', schema: { type: 'string' as const } } };

/** Listing reports, verification and the audit history of centers (docs/domain.md, "Trust in listings"). */
export function trustRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const tags = ['Listing trust'];

  defineRoute(router, registry, {
    method: 'get', path: '/v1/report-reasons', tags, summary: 'The reasons a listing can be reported for',
    responses: { 200: json(ReportReasonsSchema, 'Every reason code with its label') },
    handler: (_input, _req, res) => { res.setHeader('Cache-Control', 'public, max-age=3600'); return REPORT_REASON_LIST; },
  });

  // Anonymous reports get their own per-IP hourly limit on top of the general one.
  router.post('/v1/centers/:id/reports', reportRateLimit(deps.config, deps.limits?.storeFor('reports')));
  defineRoute(router, registry, {
    method: 'post', path: '/v1/centers/:id/reports', tags, summary: 'Report a wrong listing',
    description: [
      'Anyone may report, without a key. Anonymous reports are limited per IP address per hour (429 with Retry-After).',
      'Nothing about the sender is stored: no IP address, name or contact details, only the reason and the text you send.',
      'Do not put personal or health details in `details`; control characters are removed from it.',
    ].join(' '),
    params: IdParams, body: ReportInputSchema,
    responses: { 201: json(ReportSchema, 'The report was filed'), 404: { description: 'No such center' } },
    handler: async ({ params, body }, _req, res) => {
      res.status(201);
      return reportListing(deps.db, { centerId: params.id, reason: body.reason, details: body.details ?? null });
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/v1/reports', tags, role: 'admin', summary: 'The queue of listing reports',
    description: 'Open reports first, oldest first within each status.',
    query: ReportListQuery,
    responses: { 200: json(ReportListSchema, 'A page of reports') },
    handler: async ({ query }, req) => {
      const { data, total } = await listReports(deps.db, { status: query.status, centerId: query.center_id, page: query.page, perPage: query.per_page });
      return pagedList(req, data, total, query.page, query.per_page);
    },
  });

  for (const [verb, outcome] of [['resolve', 'resolved'], ['dismiss', 'dismissed']] as const) {
    defineRoute(router, registry, {
      method: 'post', path: `/v1/reports/:id/${verb}`, tags, role: 'admin',
      summary: verb === 'resolve' ? 'Close a report: the listing was corrected' : 'Close a report: nothing to change',
      description: `Marks an open report ${outcome} and records it in the center's history (action \`report_${outcome}\`).`,
      params: IdParams, body: CloseReportInput,
      responses: { 200: json(ReviewedReportSchema, `The ${outcome} report`), 404: { description: 'No such report' }, 409: { description: 'The report is already closed' } },
      handler: ({ params, body }, req) =>
        closeReport(deps.db, { reportId: params.id, outcome, resolution: body.resolution ?? null, caller: req.caller }),
    });
  }

  defineRoute(router, registry, {
    method: 'post', path: '/v1/centers/:id/verify', tags, role: 'staff', summary: 'Mark a listing as confirmed now',
    description: 'Staff (after a call) or admins. Sets `verified_at` to the current time as an ordinary versioned update: honours `If-Match` (412 when stale), returns the new ETag, updates search and adds a `verify` entry, with the optional `note`, to the history.',
    params: IdParams, body: VerifyBodySchema,
    responses: { 200: json(CenterSchema, 'The verified center', etagHeader), 404: { description: 'No such center' }, 412: { description: 'If-Match is stale' } },
    handler: async ({ params, body }, req, res) => {
      const { center, etag } = await verifyCenter(deps.db, params.id, req.get('if-match'), req.caller, body.note || undefined);
      afterCommit(deps, params.id);
      res.setHeader('ETag', etag);
      return center;
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/v1/centers/:id/history', tags, role: 'staff', summary: 'Who changed a center, what and when',
    description: 'The audit trail, newest first: every create, update, import, verify, delete and report decision, with the fields that changed and the center before and after. Still readable after the center is deleted.',
    params: IdParams, query: HistoryQuery,
    responses: { 200: json(HistorySchema, 'A page of history entries'), 404: { description: 'No center with this id ever existed' } },
    handler: async ({ params, query }, req) => {
      const { data, total } = await centerHistory(deps.db, { centerId: params.id, page: query.page, perPage: query.per_page });
      return pagedList(req, data, total, query.page, query.per_page);
    },
  });

  return router;
}
