import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { auth } from './next-auth';
import { recordRefusal } from './record-refusal';
import type { StaffUser } from '@/lib/kernel/actors';
import { checkStaffSession } from './staff-sessions';

export type StaffRole = StaffUser['role'];
export type SignedInStaff = StaffUser & { sessionId: string };

/**
 * The guard: first line of every staff page, action and route handler. It trusts nothing in the cookie but the
 * session id, re-reads session and user from the database, and refuses anyone not of one of `roles` (any role if
 * none are named). A refusal is audited before the 403.
 */
export async function requireStaff(...roles: StaffRole[]): Promise<SignedInStaff> {
  const found = await currentStaff();
  if (found.status === 'none') redirect(found.reason ? `/staff/sign-in?ended=${found.reason}` : '/staff/sign-in');
  if (roles.length > 0 && !roles.includes(found.staff.role)) {
    const { id, organisationId, role } = found.staff;
    await recordRefusal({ actor: { kind: 'staff', id, organisationId }, status: 403, why: `Needs the role ${roles.join(' or ')}; they are ${role}` });
    forbidden();
  }
  return found.staff;
}

export type CurrentStaff = { status: 'signed_in'; staff: SignedInStaff } | { status: 'none'; reason?: string };

/**
 * The signed-in staff user behind this request, checked as requireStaff checks, for route handlers that answer JSON.
 * Once per rendered request: the header's navigation and the page's guard share one check.
 */
export const currentStaff = cache(async function currentStaff(): Promise<CurrentStaff> {
  const session = await auth();
  const sessionId = (session as { sessionId?: string } | null)?.sessionId;
  if (!sessionId) return { status: 'none' };
  const check = await checkStaffSession({ db: await getDb(), sessionId, now: new Date() });
  if (!check.valid) return { status: 'none', reason: check.reason };
  return { status: 'signed_in', staff: { ...check.user, sessionId } };
});
