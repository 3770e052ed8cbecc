import type { ListingReport } from '../generated/prisma/client';
import type { ReportReason } from './report-reasons';

/** A report as its sender sees it. */
export function presentReport(row: ListingReport) {
  return {
    id: row.id,
    center_id: row.centerId,
    reason: row.reason as ReportReason,
    details: row.details,
    status: row.status,
    created_at: row.createdAt.toISOString(),
  };
}

/** A report as admins see it in the queue. */
export function presentReviewedReport(row: ListingReport & { center: { name: string } }) {
  return {
    ...presentReport(row),
    center_name: row.center.name,
    resolution: row.resolution,
    resolved_at: row.resolvedAt?.toISOString() ?? null,
    resolved_by: row.resolvedBy,
  };
}
