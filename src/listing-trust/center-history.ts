import type { Db } from '../db/prisma';
import { AppError } from '../errors';
import type { AuditEntry } from '../generated/prisma/client';

export interface CenterHistoryOptions {
  centerId: string;
  page: number;
  perPage: number;
}

/**
 * The audit trail of one center, newest first. Audit entries outlive the center (no foreign
 * key), so the history of a deleted center stays readable; only an id that never had any
 * entry is a 404.
 */
export async function centerHistory(db: Db, { centerId, page, perPage }: CenterHistoryOptions) {
  const where = { centerId };
  const [rows, total] = await Promise.all([
    db.auditEntry.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * perPage, take: perPage }),
    db.auditEntry.count({ where }),
  ]);
  if (total === 0 && !(await db.center.findUnique({ where: { id: centerId }, select: { id: true } }))) {
    throw new AppError('not_found', `No center with id ${centerId}, and no history of one`);
  }
  return { data: rows.map(presentHistoryEntry), total };
}

const asObject = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : null);

export function presentHistoryEntry(row: AuditEntry) {
  return {
    id: row.id.toString(),
    action: row.action,
    actor: { name: row.actorName, key_id: row.actorKey },
    changed: row.changed,
    note: row.note,
    before: asObject(row.before),
    after: asObject(row.after),
    at: row.createdAt.toISOString(),
  };
}
