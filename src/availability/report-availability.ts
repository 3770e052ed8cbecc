import { z } from 'zod';
import type { Db } from '../db/prisma';
import { AppError } from '../errors';
import type { Caller } from '../http/auth';
import { validationError } from '../http/define-route';
import { availabilityRows, CENTER_INCLUDE, presentCenter } from '../centers/center-record';
import { checkAvailability, type AvailabilityInput } from '../centers/center-schema';
import { afterWrite, etagOf, reporterOf, writeAvailability } from '../centers/center-store';

/**
 * Replaces a center's availability with a new report. Every entry is stamped now with the
 * caller as reporter (a report confirms the numbers, even unchanged ones). The center's version
 * (its ETag) is not bumped: availability changes many times a day and must not make a listing
 * edit prepared meanwhile fail with 412. It is audited and reaches search through the outbox.
 */
export async function reportAvailability(db: Db, centerId: string, entries: AvailabilityInput[], caller: Caller) {
  return db.$transaction(async (tx) => {
    // Serialises reports and listing writes of this center (each replaces the rows as a set).
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM centers WHERE id = ${centerId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError('not_found', `No center with id ${centerId}`);
    const current = await tx.center.findUniqueOrThrow({ where: { id: centerId }, include: CENTER_INCLUDE });
    const check = z.any().superRefine((_v, ctx) => checkAvailability(current.levelsOfCare, entries, ctx));
    const checked = check.safeParse(null);
    if (!checked.success) throw validationError(checked.error, 'body');
    const before = presentCenter(current);
    await writeAvailability(tx, centerId, availabilityRows(current.availability, entries, reporterOf(caller, 'availability'), new Date(), true));
    const row = await tx.center.findUniqueOrThrow({ where: { id: centerId }, include: CENTER_INCLUDE });
    const after = presentCenter(row);
    await afterWrite(tx, centerId, 'upsert', caller, 'availability', before, after);
    return { availability: after.availability, etag: etagOf(row) };
  });
}
