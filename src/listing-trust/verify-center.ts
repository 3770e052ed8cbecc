import { updateCenter } from '../centers/center-store';
import type { Db } from '../db/prisma';
import type { Caller } from '../http/auth';

/**
 * Records that a person confirmed the listing just now. Goes through the ordinary update so the
 * change is versioned (ETag, If-Match), re-indexed for `verified_within_days`, and audited as
 * `verify`, with the note of the person who confirmed it (who they spoke to, what changed).
 */
export function verifyCenter(db: Db, centerId: string, ifMatch: string | undefined, caller: Caller, note?: string, now = new Date()) {
  return updateCenter(db, centerId, { verified_at: now.toISOString() }, ifMatch, caller, 'verify', note);
}
