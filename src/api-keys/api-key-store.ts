import crypto from 'node:crypto';
import type { Db } from '../db/prisma';
import { invalid } from '../errors';
import type { Caller, Role } from '../http/auth';

export type ApiKeyLookup = ((secret: string) => Promise<Caller | null>) & {
  /** True when the secret is known to be valid without a query (bootstrap key, or cached). */
  known?: (secret: string) => boolean;
};

const hash = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');

/** Secrets are random, so a fast hash is enough; only the hash is stored. */
export async function createApiKey(db: Db, input: { name: string; role: Role; center_id?: string }, createdBy: string) {
  if (input.center_id && !(await db.center.findUnique({ where: { id: input.center_id }, select: { id: true } }))) {
    throw invalid('center_id', `no center with id ${input.center_id}`);
  }
  const secret = `tdk_${input.role}_${crypto.randomBytes(24).toString('base64url')}`;
  const row = await db.apiKey.create({
    data: { name: input.name, role: input.role, keyHash: hash(secret), prefix: secret.slice(0, 14), createdBy, centerId: input.center_id ?? null },
  });
  return {
    id: row.id, name: row.name, role: row.role, key: secret, prefix: row.prefix, created_at: row.createdAt.toISOString(),
    ...(row.centerId ? { center_id: row.centerId } : {}),
  };
}

/** The caches of every lookup in this process, so that a revoke empties them at once. */
const caches = new Set<Map<string, { caller: Caller | null; at: number }>>();
/** Also answers a lookup that read the row just before the revoke committed. */
const revokedHere = new Set<string>();

/** Drops a key from every lookup cache of this process (other processes: within CACHE_MS). */
export function forgetCachedKey(keyId: string): void {
  revokedHere.add(keyId);
  for (const cache of caches) {
    for (const [h, entry] of cache) if (entry.caller?.keyId === keyId) cache.delete(h);
  }
}

/**
 * Looks keys up by hash, with a short in-memory cache so a keyed request costs no extra
 * query. A key revoked through this process stops working at once (forgetCachedKey); one
 * revoked elsewhere within CACHE_MS. `last_used_at` is written at most once per
 * TOUCH_MS per key, after the answer, so a busy key adds no write per request.
 */
export function apiKeyLookup(db: Db, bootstrapAdminKey?: string): ApiKeyLookup {
  const CACHE_MS = 30_000;
  const TOUCH_MS = 60_000;
  const cache = new Map<string, { caller: Caller | null; at: number }>();
  caches.add(cache);
  const touched = new Map<string, number>();
  const touch = (keyId: string) => {
    const now = Date.now();
    if (now - (touched.get(keyId) ?? 0) < TOUCH_MS) return;
    if (touched.size > 10_000) touched.clear();
    touched.set(keyId, now);
    // Best effort: a failed write only loses a timestamp.
    db.apiKey.updateMany({ where: { id: keyId }, data: { lastUsedAt: new Date(now) } }).catch(() => touched.delete(keyId));
  };
  const bootstrapHash = bootstrapAdminKey ? hash(bootstrapAdminKey) : null;
  const lookup: ApiKeyLookup = async (secret) => {
    const h = hash(secret);
    if (bootstrapHash && crypto.timingSafeEqual(Buffer.from(h), Buffer.from(bootstrapHash))) {
      return { role: 'admin', keyId: null, name: 'bootstrap admin (ADMIN_API_KEY)' };
    }
    const hit = cache.get(h);
    if (hit && Date.now() - hit.at < CACHE_MS) {
      if (hit.caller?.keyId) touch(hit.caller.keyId);
      return hit.caller;
    }
    const row = await db.apiKey.findUnique({ where: { keyHash: h } });
    const caller: Caller | null = row && !row.revokedAt && !revokedHere.has(row.id) ? { role: row.role, keyId: row.id, name: row.name, centerId: row.centerId } : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(h, { caller, at: Date.now() });
    if (caller?.keyId) touch(caller.keyId);
    return caller;
  };
  lookup.known = (secret) => {
    const h = hash(secret);
    if (bootstrapHash && crypto.timingSafeEqual(Buffer.from(h), Buffer.from(bootstrapHash))) return true;
    const hit = cache.get(h);
    return !!hit?.caller && Date.now() - hit.at < CACHE_MS;
  };
  return lookup;
}
