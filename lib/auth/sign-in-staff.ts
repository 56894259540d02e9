import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations, staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { hashSecret, verifySecret } from './secrets';
import { createStaffSession } from './staff-sessions';
import { LOCK_AFTER_FAILURES, recordSignInSuccess, reserveSignInAttempt } from './sign-in-limits';
import { checkTotp } from './totp';
import { vettingProblems, type VettingProblem } from './vetting';

/** The one answer for a wrong user name, password, PIN or code, so that nobody can learn which was wrong. */
export const SIGN_IN_REFUSED = 'The details you entered do not match our records. Check them and try again.';
export const SIGN_IN_THROTTLED = 'Too many attempts. Wait a few minutes, then try again.';

export type StaffCredentials = { username: string; password: string; pin: string; code: string };

export type SignInStaffOptions = {
  db: Database;
  credentials: StaffCredentials;
  clientAddress: string | null;
  now?: Date;
};

export type SignInStaffResult =
  | { outcome: 'signed_in'; sessionId: string; staffUserId: string }
  /** Password and PIN were right and no security token is enrolled yet: enrol one before going further. */
  | { outcome: 'enrol_token'; staffUserId: string }
  | { outcome: 'refused'; message: string }
  | { outcome: 'not_vetted'; problems: VettingProblem[] };

let timingDecoy: Promise<string> | undefined;

export async function signInStaff({ db, credentials, clientAddress, now = new Date() }: SignInStaffOptions): Promise<SignInStaffResult> {
  const username = credentials.username.trim().toLowerCase();
  const reservation = await reserveSignInAttempt({ db, username, clientAddress, now });
  if (!reservation.allowed && reservation.reason === 'throttled') {
    await recordAuditEvent({ db, event: { actorKind: 'system', action: 'staff.sign_in_throttled', query: { username }, outcome: 'refused', clientAddress } });
    return { outcome: 'refused', message: SIGN_IN_THROTTLED };
  }
  // Every factor is checked, even after one fails, so that the time taken says nothing about which was wrong; a
  // locked account's are checked against the decoy, so nothing about them is learnt at all.
  timingDecoy ??= hashSecret('no such account: the decoy keeps timing alike');
  const decoy = await timingDecoy;
  if (!reservation.allowed) {
    await verifySecret(decoy, credentials.password);
    await verifySecret(decoy, credentials.pin);
    await recordAuditEvent({ db, event: { actorKind: 'staff', actorId: reservation.accountId, action: 'staff.sign_in_locked', outcome: 'refused', clientAddress } });
    return { outcome: 'refused', message: SIGN_IN_REFUSED };
  }

  const [found] = reservation.account
    ? await db
        .select({ user: staffUsers, accreditedUntil: organisations.accreditedUntil })
        .from(staffUsers)
        .innerJoin(organisations, eq(organisations.id, staffUsers.organisationId))
        .where(eq(staffUsers.id, reservation.account.id))
    : [];
  const passwordOk = await verifySecret(found?.user.passwordHash ?? decoy, credentials.password);
  const pinOk = await verifySecret(found?.user.pinHash ?? decoy, credentials.pin);
  const totp =
    found?.user.totpSecret
      ? await checkTotp(found.user.totpSecret, credentials.code.trim(), found.user.totpLastTimeStep)
      : ({ valid: false } as const);
  const enrolling = Boolean(found && !found.user.totpSecret);
  const allFactorsOk = Boolean(found) && passwordOk && pinOk && (enrolling || totp.valid);
  const refuse = async () => {
    const lockedNow = reservation.account?.failuresInARow === LOCK_AFTER_FAILURES;
    await recordAuditEvent({ db, event: { actorKind: 'staff', actorId: found?.user.id, action: 'staff.sign_in_failed', query: { username }, outcome: 'refused', clientAddress } });
    if (found && lockedNow) await recordAuditEvent({ db, event: { actorKind: 'staff', actorId: found.user.id, action: 'staff.locked', outcome: 'locked', clientAddress } });
    return { outcome: 'refused', message: SIGN_IN_REFUSED } as const;
  };
  if (!found || !allFactorsOk) return refuse();

  const { user } = found;
  const problems = vettingProblems({ ...user, organisationAccreditedUntil: found.accreditedUntil }, now);
  if (problems.length) {
    await recordSignInSuccess({ db, attemptId: reservation.attemptId, staffUserId: user.id });
    await recordAuditEvent({
      db,
      event: { actorKind: 'staff', actorId: user.id, action: 'staff.sign_in_not_vetted', query: { problems: problems.map((p) => p.item) }, outcome: 'refused', clientAddress },
    });
    return { outcome: 'not_vetted', problems };
  }
  if (enrolling) {
    await recordSignInSuccess({ db, attemptId: reservation.attemptId, staffUserId: user.id });
    return { outcome: 'enrol_token', staffUserId: user.id };
  }

  if (!totp.valid) return refuse();
  const opened = await db.transaction(async (tx) => {
    // A code opens one session: of parallel sign-ins with the same code, only the first to record its time step does.
    const [claimed] = await tx
      .update(staffUsers)
      .set({ lastActiveAt: now, totpLastTimeStep: totp.timeStep })
      .where(and(eq(staffUsers.id, user.id), or(isNull(staffUsers.totpLastTimeStep), lt(staffUsers.totpLastTimeStep, totp.timeStep))))
      .returning({ id: staffUsers.id });
    if (!claimed) return null;
    await recordSignInSuccess({ db: tx, attemptId: reservation.attemptId, staffUserId: user.id });
    const sessionId = await createStaffSession({ db: tx, staffUserId: user.id, now });
    await recordAuditEvent({ db: tx, event: { actorKind: 'staff', actorId: user.id, organisationId: user.organisationId, action: 'staff.sign_in', clientAddress } });
    return sessionId;
  });
  if (!opened) return refuse();
  return { outcome: 'signed_in', sessionId: opened, staffUserId: user.id };
}
