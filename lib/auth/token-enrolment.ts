import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { staffUsers, tokenEnrolments } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { isRecordId } from '@/lib/records/record-path';
import { createStaffSession } from './staff-sessions';
import { checkTotp, newTotpSecret, totpUri } from './totp';

export const ENROLMENT_LIFETIME_MS = 10 * 60_000;

/** Starts enrolling a new security token for a user whose password and PIN have just been proven. */
export async function startTokenEnrolment({ db, staffUserId, now = new Date() }: { db: Database; staffUserId: string; now?: Date }) {
  const [enrolment] = await db
    .insert(tokenEnrolments)
    .values({ staffUserId, totpSecret: newTotpSecret(), createdAt: now })
    .returning({ id: tokenEnrolments.id });
  return enrolment!.id;
}

export type PendingEnrolment = { id: string; username: string; secret: string; uri: string };

export async function findPendingEnrolment({ db, enrolmentId, now = new Date() }: { db: Database; enrolmentId: string; now?: Date }): Promise<PendingEnrolment | null> {
  // The id comes from a cookie, which the browser's user can set to anything.
  if (!isRecordId(enrolmentId)) return null;
  const [row] = await db
    .select({ id: tokenEnrolments.id, secret: tokenEnrolments.totpSecret, username: staffUsers.username })
    .from(tokenEnrolments)
    .innerJoin(staffUsers, eq(staffUsers.id, tokenEnrolments.staffUserId))
    .where(
      and(
        eq(tokenEnrolments.id, enrolmentId),
        isNull(tokenEnrolments.completedAt),
        gt(tokenEnrolments.createdAt, new Date(now.getTime() - ENROLMENT_LIFETIME_MS)),
      ),
    );
  return row ? { ...row, uri: totpUri(row.secret, row.username) } : null;
}

export type CompleteTokenEnrolmentResult =
  | { outcome: 'signed_in'; sessionId: string; staffUserId: string }
  | { outcome: 'wrong_code' }
  | { outcome: 'expired' };

/** Finishes enrolment when the user proves the new token works: the token is kept and a session begins. */
export async function completeTokenEnrolment(options: {
  db: Database;
  enrolmentId: string;
  code: string;
  clientAddress: string | null;
  now?: Date;
}): Promise<CompleteTokenEnrolmentResult> {
  const { db, enrolmentId, clientAddress, now = new Date() } = options;
  const pending = await findPendingEnrolment({ db, enrolmentId, now });
  if (!pending) return { outcome: 'expired' };
  const check = await checkTotp(pending.secret, options.code.trim(), null);
  if (!check.valid) return { outcome: 'wrong_code' };
  return db.transaction(async (tx) => {
    const [enrolment] = await tx
      .update(tokenEnrolments)
      .set({ completedAt: now })
      .where(and(eq(tokenEnrolments.id, enrolmentId), isNull(tokenEnrolments.completedAt)))
      .returning({ staffUserId: tokenEnrolments.staffUserId });
    if (!enrolment) return { outcome: 'expired' as const };
    const [user] = await tx
      .update(staffUsers)
      .set({ totpSecret: pending.secret, totpEnrolledAt: now, totpLastTimeStep: check.timeStep, failedSignIns: 0, lastActiveAt: now })
      .where(eq(staffUsers.id, enrolment.staffUserId))
      .returning({ id: staffUsers.id, organisationId: staffUsers.organisationId });
    const sessionId = await createStaffSession({ db: tx, staffUserId: user!.id, now });
    const actor = { actorKind: 'staff' as const, actorId: user!.id, organisationId: user!.organisationId, clientAddress };
    await recordAuditEvent({ db: tx, event: { ...actor, action: 'staff.token_enrolled' } });
    await recordAuditEvent({ db: tx, event: { ...actor, action: 'staff.sign_in' } });
    return { outcome: 'signed_in' as const, sessionId, staffUserId: user!.id };
  });
}
