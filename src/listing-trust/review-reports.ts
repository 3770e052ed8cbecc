import type { Db } from '../db/prisma';
import { AppError } from '../errors';
import type { Caller } from '../http/auth';
import type { Prisma } from '../generated/prisma/client';
import { presentReviewedReport } from './report-record';
import type { ReportStatus } from './report-reasons';

export interface ListReportsOptions {
  status?: ReportStatus;
  centerId?: string;
  page: number;
  perPage: number;
}

/** The admin queue: open reports first, each group oldest first. */
export async function listReports(db: Db, { status, centerId, page, perPage }: ListReportsOptions) {
  const where: Prisma.ListingReportWhereInput = { ...(status ? { status } : {}), ...(centerId ? { centerId } : {}) };
  const [rows, total] = await Promise.all([
    db.listingReport.findMany({
      where,
      // The enum's order is open, resolved, dismissed.
      orderBy: [{ status: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * perPage,
      take: perPage,
      include: { center: { select: { name: true } } },
    }),
    db.listingReport.count({ where }),
  ]);
  return { data: rows.map(presentReviewedReport), total };
}

export interface CloseReportOptions {
  reportId: string;
  outcome: 'resolved' | 'dismissed';
  resolution: string | null;
  caller: Caller;
}

/**
 * Resolves or dismisses an open report and records it in the center's audit trail, in one
 * transaction. Only an open report can be closed (409 otherwise), so two admins working the
 * queue at once cannot both close the same report.
 */
export async function closeReport(db: Db, { reportId, outcome, resolution, caller }: CloseReportOptions) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.listingReport.updateMany({
      where: { id: reportId, status: 'open' },
      data: { status: outcome, resolution, resolvedAt: new Date(), resolvedBy: caller.name },
    });
    const row = await tx.listingReport.findUnique({ where: { id: reportId }, include: { center: { select: { name: true } } } });
    if (!row) throw new AppError('not_found', `No report with id ${reportId}`);
    if (count === 0) throw new AppError('conflict', `The report is already ${row.status}`);
    await tx.auditEntry.create({
      data: {
        centerId: row.centerId,
        action: `report_${outcome}`,
        actorKey: caller.keyId,
        actorName: caller.name,
        changed: resolution ? ['status', 'resolution'] : ['status'],
        before: { report_id: row.id, reason: row.reason, status: 'open' },
        after: { report_id: row.id, reason: row.reason, status: outcome, resolution },
      },
    });
    return presentReviewedReport(row);
  });
}
