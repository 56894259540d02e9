import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations, staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { hashSecret, verifySecret } from './secrets';
import { createStaffSession } from './staff-sessions';
import { isThrottled, recordSignInAttempt } from './throttle';
import { checkTotp } from './totp';
import { vettingProblems, type VettingProblem } from './vetting';

/** After this many wrong sign-ins in a row an account locks until the cool-down ends or an administrator unlocks it. */
export const LOCK_AFTER_FAILURES = 20;
export const LOCK_COOL_DOWN_MS = 30 * 60_000;

/** The one answer for a wrong user name, password, PIN or code, so that nobody can learn which was wrong. */
export const SIGN_IN_REFUSED = 'The details you entered do not match our records. Check them and try again.';
export const SIGN_IN_THROTTLED = 'Too many attempts. Wait 5 minutes, then try again.';

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
  | { outcome: 'locked'; message: string }
  | { outcome: 'not_vetted'; problems: VettingProblem[] };

let timingDecoy: Promise<string> | undefined;

export async function signInStaff({ db, credentials, clientAddress, now = new Date() }: SignInStaffOptions): Promise<SignInStaffResult> {
  const username = credentials.username.trim().toLowerCase();
  if (await isThrottled({ db, username, clientAddress, now })) {
    await recordAuditEvent({ db, event: { actorKind: 'system', action: 'staff.sign_in_throttled', query: { username }, outcome: 'refused', clientAddress } });
    return { outcome: 'refused', message: SIGN_IN_THROTTLED };
  }
  const [found] = await db
    .select({ user: staffUsers, accreditedUntil: organisations.accreditedUntil })
    .from(staffUsers)
    .innerJoin(organisations, eq(organisations.id, staffUsers.organisationId))
    .where(eq(sql`lower(${staffUsers.username})`, username));

  // Every factor is checked, even after one fails, so that the time taken says nothing about which was wrong.
  timingDecoy ??= hashSecret('no such account: the decoy keeps timing alike');
  const decoy = await timingDecoy;
  const passwordOk = await verifySecret(found?.user.passwordHash ?? decoy, credentials.password);
  const pinOk = await verifySecret(found?.user.pinHash ?? decoy, credentials.pin);
  const totp =
    found?.user.totpSecret
      ? await checkTotp(found.user.totpSecret, credentials.code.trim(), found.user.totpLastTimeStep)
      : ({ valid: false } as const);
  const enrolling = Boolean(found && !found.user.totpSecret);
  const allFactorsOk = Boolean(found) && passwordOk && pinOk && (enrolling || totp.valid);

  if (!found || !allFactorsOk) {
    await db.transaction(async (tx) => {
      await recordSignInAttempt({ db: tx, username, clientAddress, succeeded: false, now });
      if (found) {
        const failures = found.user.failedSignIns + 1;
        const lock = failures >= LOCK_AFTER_FAILURES && !isLocked(found.user.lockedUntil, now);
        await tx
          .update(staffUsers)
          .set({ failedSignIns: failures, ...(lock ? { lockedUntil: new Date(now.getTime() + LOCK_COOL_DOWN_MS) } : {}) })
          .where(eq(staffUsers.id, found.user.id));
        if (lock) {
          await recordAuditEvent({ db: tx, event: { actorKind: 'staff', actorId: found.user.id, action: 'staff.locked', outcome: 'locked', clientAddress } });
        }
      }
      await recordAuditEvent({
        db: tx,
        event: { actorKind: 'staff', actorId: found?.user.id, action: 'staff.sign_in_failed', query: { username }, outcome: 'refused', clientAddress },
      });
    });
    return { outcome: 'refused', message: SIGN_IN_REFUSED };
  }

  const { user } = found;
  if (isLocked(user.lockedUntil, now)) {
    await recordAuditEvent({ db, event: { actorKind: 'staff', actorId: user.id, action: 'staff.sign_in_locked', outcome: 'refused', clientAddress } });
    return {
      outcome: 'locked',
      message: 'Your account is locked after too many failed attempts. Try again in 30 minutes, or ask your access manager to unlock it.',
    };
  }
  const problems = vettingProblems({ ...user, organisationAccreditedUntil: found.accreditedUntil }, now);
  if (problems.length) {
    await recordAuditEvent({
      db,
      event: { actorKind: 'staff', actorId: user.id, action: 'staff.sign_in_not_vetted', query: { problems: problems.map((p) => p.item) }, outcome: 'refused', clientAddress },
    });
    return { outcome: 'not_vetted', problems };
  }
  if (enrolling) return { outcome: 'enrol_token', staffUserId: user.id };

  return db.transaction(async (tx) => {
    await recordSignInAttempt({ db: tx, username, clientAddress, succeeded: true, now });
    await tx
      .update(staffUsers)
      .set({ failedSignIns: 0, lockedUntil: null, lastActiveAt: now, totpLastTimeStep: totp.valid ? totp.timeStep : null })
      .where(eq(staffUsers.id, user.id));
    const sessionId = await createStaffSession({ db: tx, staffUserId: user.id, now });
    await recordAuditEvent({ db: tx, event: { actorKind: 'staff', actorId: user.id, organisationId: user.organisationId, action: 'staff.sign_in', clientAddress } });
    return { outcome: 'signed_in' as const, sessionId, staffUserId: user.id };
  });
}

function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return Boolean(lockedUntil && lockedUntil > now);
}
