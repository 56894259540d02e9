import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { staffUsers } from '@/db/schema';
import { isLockedOut } from '@/lib/auth/sign-in-limits';
import { revokeStaffSessions } from '@/lib/auth/staff-sessions';
import { type Administrator, managedUser } from './manages';
import { recordStaffAdminEvent } from './record-staff-admin-event';

export type AccountChange = 'suspend' | 'reinstate' | 'reset_token';

export type ChangeAccountStatusOptions = {
  db: Database;
  admin: Administrator;
  staffUserId: string;
  change: AccountChange;
  reason: string;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * Suspend (every session ends at once), reinstate (also unlocks an account locked by failed sign-ins, and restarts the
 * 90-day inactivity clock) or reset the security token (sessions end; a new token is enrolled at the next sign-in).
 * Always with a reason, audited; a user the administrator may not manage (another council's, or a national
 * administrator) is refused and audited.
 */
export async function changeAccountStatus({ db, admin, staffUserId, change, reason, clientAddress = null, now = new Date() }: ChangeAccountStatusOptions) {
  const action = `staff_admin.${change}` as const;
  const user = await managedUser({ db, admin, staffUserId, action, reason, clientAddress });
  const changes = {
    suspend: { status: 'suspended' as const, suspendedAt: now, suspendedReason: reason },
    reinstate: { status: 'active' as const, suspendedAt: null, suspendedReason: null, failedSignIns: 0, lastActiveAt: now },
    reset_token: { totpSecret: null, totpEnrolledAt: null, totpLastTimeStep: null },
  }[change];
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set(changes).where(eq(staffUsers.id, user.id));
    if (change !== 'reinstate') await revokeStaffSessions({ db: tx, staffUserId: user.id, now });
    await recordStaffAdminEvent({ db: tx, admin, action, reason, query: { staffUserId, ...(isLockedOut(user) ? { unlocked: true } : {}) }, clientAddress });
  });
}
