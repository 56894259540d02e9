import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { staffUsers } from '@/db/schema';
import type { StaffUser } from '@/lib/kernel/actors';
import { AppError } from '@/lib/kernel/errors';
import { recordStaffAdminEvent, type StaffAdminAction } from './record-staff-admin-event';

export type Administrator = Pick<StaffUser, 'id' | 'role' | 'isNationalAdministrator' | 'localAuthorityCode' | 'organisationId'>;

/** Administrators manage the users of their own local authority; a national administrator manages everyone. */
export function manages(admin: Administrator, localAuthorityCode: string): boolean {
  return admin.role === 'administrator' && (admin.isNationalAdministrator || admin.localAuthorityCode === localAuthorityCode);
}

/** Whether an administrator may act on this member of staff: one of their council's, and never a national one unless national themselves. */
export function managesUser(admin: Administrator, user: { localAuthorityCode: string; isNationalAdministrator: boolean }): boolean {
  return manages(admin, user.localAuthorityCode) && (admin.isNationalAdministrator || !user.isNationalAdministrator);
}

export const NO_SUCH_USER = 'There is no such user in the local authority you manage.';

export type ManagedUserOptions = {
  db: Database;
  admin: Administrator;
  staffUserId: string;
  /** What the administrator was doing, for the audit event a refusal writes. */
  action: StaffAdminAction;
  reason?: string | null;
  clientAddress?: string | null;
};

/**
 * The user an administrator is acting on. Anyone they may not manage is refused without learning whether the user
 * exists, and the refusal is audited: call it outside a transaction, so that the event stays.
 */
export async function managedUser({ db, admin, staffUserId, action, reason = null, clientAddress = null }: ManagedUserOptions) {
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, staffUserId));
  if (user && managesUser(admin, user)) return user;
  await recordStaffAdminEvent({ db, admin, action, query: { staffUserId, refusal: NO_SUCH_USER }, reason, outcome: 'refused', clientAddress });
  throw new AppError('not_found', NO_SUCH_USER);
}
