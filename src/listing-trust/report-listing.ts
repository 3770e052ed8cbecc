import type { Db } from '../db/prisma';
import { AppError } from '../errors';
import { presentReport } from './report-record';
import type { ReportReason } from './report-reasons';

export interface ReportListingOptions {
  centerId: string;
  reason: ReportReason;
  /** Already cleaned free text (trust-schemas.ts), or null. */
  details: string | null;
}

/**
 * Files a report that a listing is wrong. Deliberately stores nothing about the sender (no IP,
 * name or contact): callers to a treatment directory may be describing their own care.
 */
export async function reportListing(db: Db, { centerId, reason, details }: ReportListingOptions) {
  const center = await db.center.findUnique({ where: { id: centerId }, select: { id: true } });
  if (!center) throw new AppError('not_found', `No center with id ${centerId}`);
  const row = await db.listingReport.create({ data: { centerId, reason, details } });
  return presentReport(row);
}
