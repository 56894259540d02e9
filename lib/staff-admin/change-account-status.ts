import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { isLockedOut } from '@/lib/auth/sign-in-limits';
import { revokeStaffSessions } from '@/lib/auth/staff-sessions';
import { type Administrator, managedUser } from './manages';

export type AccountChange = 'suspend' | 'reinstate' | 'reset_token';

export type ChangeAccountStatusOptions = {
  db: Database;
  admin: Administrator;
  staffUserId: string;
  change: AccountChange;
  reason: string;
  now?: Date;
};

/**
 * Suspend (every session ends at once), reinstate (also unlocks an account locked by failed sign-ins, and restarts the 90-day inactivity clock) or reset
 * the security token (sessions end; a new token is enrolled at the next sign-in). Always with a reason, audited.
 */
export async function changeAccountStatus({ db, admin, staffUserId, change, reason, now = new Date() }: ChangeAccountStatusOptions) {
  await db.transaction(async (tx) => {
    const user = await managedUser({ db: tx, admin, staffUserId });
    const changes = {
      suspend: { status: 'suspended' as const, suspendedAt: now, suspendedReason: reason },
      reinstate: { status: 'active' as const, suspendedAt: null, suspendedReason: null, failedSignIns: 0, lastActiveAt: now },
      reset_token: { totpSecret: null, totpEnrolledAt: null, totpLastTimeStep: null },
    }[change];
    await tx.update(staffUsers).set(changes).where(eq(staffUsers.id, user.id));
    if (change !== 'reinstate') await revokeStaffSessions({ db: tx, staffUserId: user.id, now });
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'staff', actorId: admin.id, organisationId: admin.organisationId, action: `staff_admin.${change}`, reason, query: { staffUserId, ...(isLockedOut(user) ? { unlocked: true } : {}) } },
    });
  });
}
