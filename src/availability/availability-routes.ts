import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AvailabilityInputSchema, AvailabilitySchema } from '../centers/center-schema';
import { defineRoute, jsonResponse } from '../http/define-route';
import { authorizeAvailabilityReport } from './authorize-report';
import { withFreshness } from './freshness';
import { reportAvailability } from './report-availability';
import { afterCommit } from '../centers/center-cache';

const IdParams = z.strictObject({ id: z.uuid({ message: 'must be a center id (a UUID)' }).describe('Center id') });
const Body = z.strictObject({
  availability: z.array(AvailabilityInputSchema).max(8).describe('One entry per level of care; replaces every stored entry ([] clears)'),
}).meta({ id: 'AvailabilityReport' });
const Response = z.object({ center_id: z.uuid(), availability: z.array(AvailabilitySchema) }).meta({ id: 'AvailabilityReported' });

export function availabilityRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'put', path: '/v1/centers/:id/availability', tags: ['Centers'], role: 'center',
    summary: 'Report a center\'s openings per level of care',
    description: 'Replaces the center\'s availability; every entry is stamped now (`updated_at`) with the caller as `reported_by`. '
      + 'Allowed for staff and admin keys, and for a `center` key bound to this center (403 for any other). '
      + 'Needs neither the full center nor `If-Match`: availability is not part of the center\'s ETag, so the ETag (returned unchanged) stays valid for a PATCH of other fields. '
      + 'The change is in the audit history and reaches search like any write.',
    params: IdParams, body: Body,
    responses: {
      200: jsonResponse(Response, 'The new availability', { ETag: { description: 'The center\'s ETag, unchanged by this report', schema: { type: 'string' } } }),
      404: { description: 'No such center' },
    },
    handler: async ({ params, body }, req, res) => {
      authorizeAvailabilityReport(req.caller, params.id);
      const { availability, etag } = await reportAvailability(deps.db, params.id, body.availability, req.caller);
      afterCommit(deps, params.id);
      res.setHeader('ETag', etag);
      return withFreshness({ center_id: params.id, availability }, Date.now(), deps.config.AVAILABILITY_STALE_HOURS);
    },
  });
  return router;
}
