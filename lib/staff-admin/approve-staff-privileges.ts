import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db';
import { staffPrivilegeGrants, staffUsers } from '@/db/schema';
import { type Administrator, managedUser } from './manages';
import { recordStaffAdminEvent } from './record-staff-admin-event';
import { refuseStaffAdmin } from './refuse-staff-admin';

export type ApproveStaffPrivilegesOptions = {
  db: Database;
  admin: Administrator;
  staffUserId: string;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * The second access manager approves the child-protection role or sensitive service another asked for when the
 * account was made: only then does the account have it. Neither the one who asked nor the person it is for may.
 */
export async function approveStaffPrivileges({ db, admin, staffUserId, clientAddress = null, now = new Date() }: ApproveStaffPrivilegesOptions): Promise<void> {
  const action = 'staff_admin.privileges_approved';
  const query = { staffUserId };
  await managedUser({ db, admin, staffUserId, action, clientAddress });
  const approved = await db.transaction(async (tx) => {
    const [grant] = await tx
      .update(staffPrivilegeGrants)
      .set({ approvedByStaffId: admin.id, approvedAt: now })
      .where(
        and(
          eq(staffPrivilegeGrants.staffUserId, staffUserId),
          isNull(staffPrivilegeGrants.approvedAt),
          ne(staffPrivilegeGrants.requestedByStaffId, admin.id),
          ne(staffPrivilegeGrants.staffUserId, admin.id),
        ),
      )
      .returning();
    if (!grant) return false;
    await tx
      .update(staffUsers)
      .set({ hasChildProtectionRole: grant.hasChildProtectionRole, sensitiveServiceCode: grant.sensitiveServiceCode })
      .where(eq(staffUsers.id, staffUserId));
    const granted = { hasChildProtectionRole: grant.hasChildProtectionRole, sensitiveServiceCode: grant.sensitiveServiceCode };
    await recordStaffAdminEvent({ db: tx, admin, action, query: { ...query, ...granted, requestedByStaffId: grant.requestedByStaffId }, clientAddress });
    return true;
  });
  if (approved) return;
  const [grant] = await db.select().from(staffPrivilegeGrants).where(eq(staffPrivilegeGrants.staffUserId, staffUserId));
  const refuse = (code: 'not_found' | 'forbidden', message: string) => refuseStaffAdmin({ db, admin, action, query, code, message, clientAddress });
  if (!grant || grant.approvedAt) return refuse('not_found', 'There is nothing waiting for approval for this user');
  if (grant.staffUserId === admin.id) return refuse('forbidden', 'This is for you, so another access manager must approve it');
  return refuse('forbidden', 'You asked for this, so another access manager must approve it');
}
