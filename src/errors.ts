/**
 * One error type for everything the API answers with on purpose, and the one table that maps
 * its codes to HTTP statuses and problem titles.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'Your request has invalid fields' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  unauthorized: { status: 401, title: 'An API key is required' },
  forbidden: { status: 403, title: 'This API key may not do that' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  gone: { status: 410, title: 'No longer available' },
  precondition_failed: { status: 412, title: 'The resource changed since you read it' },
  precondition_required: { status: 428, title: 'If-Match is required' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  search_unavailable: { status: 503, title: 'Search is temporarily unavailable' },
  not_ready: { status: 503, title: 'Not ready' },
  db_unavailable: { status: 503, title: 'The database is temporarily unavailable' },
  busy: { status: 503, title: 'Too many imports at once' },
  internal: { status: 500, title: 'Internal server error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError { path: string; message: string }

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.status = ERROR_CODES[code].status;
  }
}

export const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });
