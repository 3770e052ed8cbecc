import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';
import type { ApiKeyLookup } from '../api-keys/api-key-store';

export type Role = 'partner' | 'staff' | 'admin' | 'center';
// A center key is ranked below everything: requireRole('center') lets any key in, and the
// route itself confines a center key to its own center (src/availability/authorize-report.ts).
const RANK: Record<Role, number> = { center: 0, partner: 1, staff: 2, admin: 3 };

/** `centerId`: the one center a `center` key is bound to. */
export interface Caller { role: Role | 'anonymous'; keyId: string | null; name: string; centerId?: string | null }
export const ANONYMOUS: Caller = { role: 'anonymous', keyId: null, name: 'anonymous' };

declare module 'express-serve-static-core' {
  interface Request { caller: Caller }
}

/** Resolves `Authorization: Bearer <key>` to a caller. A key that is sent must be valid. */
export function authenticate(lookup: ApiKeyLookup) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    req.caller = ANONYMOUS;
    const header = req.get('authorization');
    if (!header) return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <api key>"', { headers: { 'WWW-Authenticate': 'Bearer' } });
    const caller = await lookup(match[1]);
    if (!caller) throw new AppError('unauthorized', 'Unknown or revoked API key', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    req.caller = caller;
    next();
  };
}

export function requireRole(role: Role) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const caller = req.caller ?? ANONYMOUS;
    if (caller.role === 'anonymous') throw new AppError('unauthorized', `This needs an API key with the ${role} role`, { headers: { 'WWW-Authenticate': 'Bearer' } });
    if (RANK[caller.role] < RANK[role]) throw new AppError('forbidden', `This needs the ${role} role; your key has the ${caller.role} role`);
    next();
  };
}
