import crypto from 'node:crypto';
import { CENTER_INCLUDE, presentCenter } from '../centers/center-record';
import type { Center } from '../centers/center-schema';
import type { Db } from '../db/prisma';
import { AppError } from '../errors';
import type { ReferralListInputT, SheetLanguage } from './referral-schemas';

const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Stores a sheet (ids, language, dates: nothing else) and returns its one-time token. */
export async function createReferralList(db: Db, input: ReferralListInputT, now = new Date()) {
  const ids = input.center_ids.map((id) => id.toLowerCase());
  const found = await db.center.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) {
    throw new AppError('validation_failed', `center_ids: no center with id ${missing.join(', ')}`, {
      errors: missing.map((id) => ({ path: `center_ids.${ids.indexOf(id)}`, message: `no center with id ${id}` })),
    });
  }
  const token = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.expires_in_days * 86_400_000);
  const row = await db.referralList.create({
    data: { tokenHash: hashOf(token), centerIds: ids, language: input.language, createdAt: now, expiresAt },
  });
  return { token, language: row.language as SheetLanguage, center_ids: row.centerIds, created_at: row.createdAt.toISOString(), expires_at: row.expiresAt.toISOString() };
}

export type LoadedList =
  | { state: 'ok'; language: SheetLanguage; created_at: string; expires_at: string; centers: Center[] }
  | { state: 'expired' | 'missing' };

/** The sheet behind a token with its centers in the order chosen (deleted ones left out). */
export async function loadReferralList(db: Db, token: string, now = new Date()): Promise<LoadedList> {
  const row = await db.referralList.findUnique({ where: { tokenHash: hashOf(token) } });
  if (!row) return { state: 'missing' };
  if (row.expiresAt <= now) return { state: 'expired' };
  const rows = await db.center.findMany({ where: { id: { in: row.centerIds } }, include: CENTER_INCLUDE });
  const byId = new Map(rows.map((r) => [r.id, presentCenter(r)]));
  return {
    state: 'ok', language: row.language as SheetLanguage, created_at: row.createdAt.toISOString(), expires_at: row.expiresAt.toISOString(),
    centers: row.centerIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
  };
}
