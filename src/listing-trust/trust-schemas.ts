import { z } from 'zod';
import { PageQuery } from '../http/paged-list';
import { REPORT_REASON_CODES, REPORT_REASONS, REPORT_STATUSES } from './report-reasons';

// Control characters (tab and newline excepted) and bidi overrides: they can hide or reorder
// text on the admin's screen and never belong in a note about a listing.
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Free text from the public: CRLF → LF, unsafe characters removed, trimmed, empty → null. */
export function cleanFreeText(text: string): string | null {
  const cleaned = text.replace(/\r\n?/g, '\n').replace(UNSAFE_CHARS, '').trim();
  return cleaned === '' ? null : cleaned;
}

const freeText = (max: number, what: string) => z.string().max(max, `must be at most ${max} characters`)
  .transform(cleanFreeText).nullish().describe(what);

export const IdParams = z.strictObject({ id: z.uuid({ message: 'must be an id (a UUID)' }).describe('Id') });

const reasonEnum = z.enum(REPORT_REASON_CODES, { message: `must be one of ${REPORT_REASON_CODES.join(', ')} (see GET /v1/report-reasons)` })
  .describe('Why the listing is wrong; one of the codes of GET /v1/report-reasons');

export const ReportInputSchema = z.strictObject({
  reason: reasonEnum,
  details: freeText(1000, 'What is wrong, in your words (up to 1000 characters). Do not include names, phone numbers or health details of anyone.'),
}).meta({ id: 'ListingReportInput' });

export const ReportSchema = z.object({
  id: z.uuid(),
  center_id: z.uuid(),
  reason: z.enum(REPORT_REASON_CODES),
  details: z.string().nullable(),
  status: z.enum(REPORT_STATUSES).describe('open until an admin resolves (the listing was corrected) or dismisses it'),
  created_at: z.string().describe('ISO 8601'),
}).meta({ id: 'ListingReport', description: 'A report that a listing is wrong. It holds no details of who sent it.' });

export const ReviewedReportSchema = ReportSchema.extend({
  center_name: z.string(),
  resolution: z.string().nullable().describe('What the admin did or why the report was dismissed'),
  resolved_at: z.string().nullable(),
  resolved_by: z.string().nullable().describe('Name of the API key that closed the report'),
}).meta({ id: 'ReviewedListingReport' });

export const ReportReasonsSchema = z.array(z.object({ code: z.enum(REPORT_REASON_CODES), label: z.string() }))
  .meta({ id: 'ReportReasons' });
export const REPORT_REASON_LIST = REPORT_REASON_CODES.map((code) => ({ code, label: REPORT_REASONS[code] }));

export const ReportListQuery = z.strictObject({
  status: z.enum(REPORT_STATUSES).optional().describe('Only reports in this state; omitted = all, open ones first'),
  center_id: z.uuid({ message: 'must be a center id (a UUID)' }).optional().describe('Only reports about this center'),
  ...PageQuery,
});

export const CloseReportInput = z.strictObject({
  resolution: freeText(1000, 'What was done (e.g. "phone number corrected") or why the report is dismissed'),
}).meta({ id: 'CloseListingReportInput' });

export const HistoryQuery = z.strictObject({ ...PageQuery });

export const HistoryEntrySchema = z.object({
  id: z.string().describe('Id of the audit entry (increases with time)'),
  action: z.string().describe('create, update, delete, import, verify, report_resolved, report_dismissed, …'),
  actor: z.object({ name: z.string(), key_id: z.string().nullable().describe('Id of the API key; null for the bootstrap admin key') }),
  changed: z.array(z.string()).describe('Top-level fields that changed (for report actions: fields of the report)'),
  note: z.string().nullable().describe('What the person said with the action (e.g. a verification\'s note)'),
  before: z.record(z.string(), z.unknown()).nullable().describe('The center (or report) before the action; null on create'),
  after: z.record(z.string(), z.unknown()).nullable().describe('The center (or report) after the action; null on delete'),
  at: z.string().describe('ISO 8601'),
}).meta({ id: 'HistoryEntry' });

const listMeta = z.object({ total: z.number().int(), page: z.number().int(), per_page: z.number().int(), total_pages: z.number().int() });
const listLinks = z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() });

export const ReportListSchema = z.object({ data: z.array(ReviewedReportSchema), meta: listMeta, links: listLinks }).meta({ id: 'ListingReportList' });
export const HistorySchema = z.object({ data: z.array(HistoryEntrySchema), meta: listMeta, links: listLinks }).meta({ id: 'CenterHistory' });

export const VerifyBodySchema = z.strictObject({
  note: z.string().trim().max(500).optional().describe('Who confirmed the listing and what changed, e.g. "spoke to intake; evening IOP still runs". No caller details'),
}).meta({ id: 'VerifyInput' });
