'use server';

import { getDb } from '@/db';
import { signOut } from '@/lib/auth/next-auth';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { requireStaff, type SignedInStaff } from '@/lib/auth/require-staff';
import { revokeStaffSessions } from '@/lib/auth/staff-sessions';

async function endSessions(staff: SignedInStaff, everywhere: boolean) {
  const db = await getDb();
  await revokeStaffSessions({ db, staffUserId: staff.id, sessionId: everywhere ? undefined : staff.sessionId, now: new Date() });
  await recordAuditEvent({
    db,
    event: { actorKind: 'staff', actorId: staff.id, organisationId: staff.organisationId, action: everywhere ? 'staff.sign_out_everywhere' : 'staff.sign_out' },
  });
  await signOut({ redirectTo: '/staff/sign-in?ended=revoked' });
}

export async function signOutAction() {
  const staff = await requireStaff();
  await endSessions(staff, false);
}

export async function signOutEverywhereAction() {
  const staff = await requireStaff();
  await endSessions(staff, true);
}
