import { AppError } from '../errors';
import type { Caller } from '../http/auth';

/**
 * Staff and admins may report any center's availability; a `center` key only its own center's.
 * Every other key (partner) and every other center is a 403.
 */
export function authorizeAvailabilityReport(caller: Caller, centerId: string): void {
  if (caller.role === 'staff' || caller.role === 'admin') return;
  if (caller.role === 'center' && caller.centerId === centerId) return;
  if (caller.role === 'center') throw new AppError('forbidden', 'This center key may report availability only for the center it is bound to');
  throw new AppError('forbidden', `Reporting availability needs a staff, admin or center key; your key has the ${caller.role} role`);
}
