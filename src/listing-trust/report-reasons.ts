/**
 * Why someone says a listing is wrong. Published at GET /v1/report-reasons and as the OpenAPI
 * enum of `reason`; codes never change meaning, labels may be reworded.
 */
export const REPORT_REASONS = {
  permanently_closed: 'The center has closed for good',
  temporarily_closed: 'The center is closed for now',
  not_accepting_patients: 'The center is not taking new patients',
  wrong_phone: 'The phone number is wrong',
  wrong_address: 'The address or location is wrong',
  wrong_hours: 'The schedule or hours are wrong',
  wrong_services: 'The levels of care, therapies or medications are wrong',
  wrong_insurance: 'The insurance or payment information is wrong',
  wrong_prices: 'The prices are wrong',
  other: 'Something else (say what in details)',
} as const;

export type ReportReason = keyof typeof REPORT_REASONS;
export const REPORT_REASON_CODES = Object.keys(REPORT_REASONS) as [ReportReason, ...ReportReason[]];

export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
