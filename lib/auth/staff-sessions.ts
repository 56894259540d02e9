import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organisations, staffSessions, staffUsers } from '@/db/schema';
import type { StaffUser } from '@/lib/kernel/actors';
import { vettingProblems, type VettingProblem } from './vetting';

export const IDLE_TIMEOUT_MS = 15 * 60_000;
export const ABSOLUTE_LIFETIME_MS = 8 * 60 * 60_000;


export type SessionCheck =
  | { valid: true; user: StaffUser; startedAt: Date }
  | { valid: false; reason: 'unknown' | 'revoked' | 'idle' | 'expired' }
  | { valid: false; reason: 'not_vetted'; problems: VettingProblem[] };

export async function createStaffSession({ db, staffUserId, now }: { db: DbOrTx; staffUserId: string; now: Date }) {
  const [session] = await db.insert(staffSessions).values({ staffUserId, createdAt: now, lastSeenAt: now }).returning();
  return session!.id;
}

/**
 * Re-reads the session and its user on every request: a revoked session, an idle or over-long one, or a user who
 * is no longer vetted is refused at once, whatever the browser's token says. A valid session is kept alive.
 */
export async function checkStaffSession({ db, sessionId, now }: { db: DbOrTx; sessionId: string; now: Date }): Promise<SessionCheck> {
  const [row] = await db
    .select({ session: staffSessions, user: staffUsers, accreditedUntil: organisations.accreditedUntil })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffUserId))
    .innerJoin(organisations, eq(organisations.id, staffUsers.organisationId))
    .where(eq(staffSessions.id, sessionId));
  if (!row) return { valid: false, reason: 'unknown' };
  const { session, user } = row;
  if (session.revokedAt) return { valid: false, reason: 'revoked' };
  if (now.getTime() - session.createdAt.getTime() > ABSOLUTE_LIFETIME_MS) return { valid: false, reason: 'expired' };
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return { valid: false, reason: 'idle' };
  const problems = vettingProblems({ ...user, organisationAccreditedUntil: row.accreditedUntil }, now);
  if (problems.length) return { valid: false, reason: 'not_vetted', problems };
  await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, sessionId));
  await db.update(staffUsers).set({ lastActiveAt: now }).where(eq(staffUsers.id, user.id));
  return { valid: true, user, startedAt: session.createdAt };
}

/** Ends one session (sign out) or, with no session id, every session of the user (sign out everywhere, suspension). */
export async function revokeStaffSessions({ db, staffUserId, sessionId, now }: { db: DbOrTx; staffUserId: string; sessionId?: string; now: Date }) {
  await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(staffSessions.staffUserId, staffUserId),
        isNull(staffSessions.revokedAt),
        sessionId ? eq(staffSessions.id, sessionId) : undefined,
      ),
    );
}
