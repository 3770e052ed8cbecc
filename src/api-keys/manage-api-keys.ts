import type { Db } from '../db/prisma';
import { AppError } from '../errors';
import { forgetCachedKey } from './api-key-store';

type KeyRow = { id: string; name: string; role: string; prefix: string; createdAt: Date; createdBy: string | null; revokedAt: Date | null; lastUsedAt: Date | null };

/** A key as listed: never the secret or its hash. */
export function presentApiKey(row: KeyRow) {
  return {
    id: row.id, name: row.name, role: row.role, prefix: row.prefix,
    created_at: row.createdAt.toISOString(), created_by: row.createdBy,
    last_used_at: row.lastUsedAt?.toISOString() ?? null, revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

/** Newest first; revoked keys only when asked for. */
export async function listApiKeys(db: Db, opts: { includeRevoked: boolean; page: number; perPage: number }) {
  const where = opts.includeRevoked ? {} : { revokedAt: null };
  const [rows, total] = await Promise.all([
    db.apiKey.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (opts.page - 1) * opts.perPage, take: opts.perPage }),
    db.apiKey.count({ where }),
  ]);
  return { data: rows.map(presentApiKey), total };
}

/** Marks a key revoked (kept for the record); revoking it again changes nothing. */
export async function revokeApiKey(db: Db, id: string) {
  const row = await db.apiKey.findUnique({ where: { id } });
  if (!row) throw new AppError('not_found', `No API key ${id}`);
  const revoked = row.revokedAt ? row : await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  forgetCachedKey(id);
  return presentApiKey(revoked);
}
