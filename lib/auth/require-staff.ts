import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { auth } from './next-auth';
import { checkStaffSession, type StaffUser } from './staff-sessions';

export type StaffRole = StaffUser['role'];
export type SignedInStaff = StaffUser & { sessionId: string };

/**
 * The guard: first line of every staff page, action and route handler. It trusts nothing in the cookie but the
 * session id, re-reads session and user from the database, and refuses anyone not of one of `roles` (any role if
 * none are named).
 */
export async function requireStaff(...roles: StaffRole[]): Promise<SignedInStaff> {
  const session = await auth();
  const sessionId = (session as { sessionId?: string } | null)?.sessionId;
  if (!sessionId) redirect('/staff/sign-in');
  const check = await checkStaffSession({ db: await getDb(), sessionId, now: new Date() });
  if (!check.valid) redirect(`/staff/sign-in?ended=${check.reason}`);
  if (roles.length > 0 && !roles.includes(check.user.role)) forbidden();
  return { ...check.user, sessionId };
}
