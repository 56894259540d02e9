import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { citizenAccounts, citizenSessions } from '@/db/schema';

/** A citizen's session ends after an hour, however active: the record is personal. */
export const CITIZEN_SESSION_MS = 60 * 60_000;

export type SignedInCitizen = typeof citizenAccounts.$inferSelect;

export async function createCitizenSession({ db, citizenAccountId, now = new Date() }: { db: DbOrTx; citizenAccountId: string; now?: Date }): Promise<string> {
  const [session] = await db.insert(citizenSessions).values({ citizenAccountId, createdAt: now }).returning({ id: citizenSessions.id });
  return session!.id;
}

/** The citizen whose session this is, while it is neither signed out nor over an hour old; else null. */
export async function checkCitizenSession({ db, sessionId, now = new Date() }: { db: DbOrTx; sessionId: string; now?: Date }): Promise<SignedInCitizen | null> {
  const [row] = await db
    .select({ citizen: citizenAccounts })
    .from(citizenSessions)
    .innerJoin(citizenAccounts, eq(citizenAccounts.id, citizenSessions.citizenAccountId))
    .where(and(eq(citizenSessions.id, sessionId), isNull(citizenSessions.revokedAt), gt(citizenSessions.createdAt, new Date(now.getTime() - CITIZEN_SESSION_MS))));
  return row?.citizen ?? null;
}

/** Signing out: the session's cookie, wherever a copy of it is, no longer opens anything. */
export async function revokeCitizenSession({ db, sessionId, now = new Date() }: { db: DbOrTx; sessionId: string; now?: Date }): Promise<void> {
  await db.update(citizenSessions).set({ revokedAt: now }).where(and(eq(citizenSessions.id, sessionId), isNull(citizenSessions.revokedAt)));
}
