import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { correctionMessages, correctionRequests, stayOnRequests } from '@/db/schema';

export type OwnCorrectionRequest = typeof correctionRequests.$inferSelect & { messages: (typeof correctionMessages.$inferSelect)[] };

export type ListOwnRequestsOptions = { db: Database; citizen: { id: string } };

/** A citizen's own requests, newest first, with the conversation on each. Nobody else's: the query is by requester. */
export async function listOwnRequests({ db, citizen }: ListOwnRequestsOptions) {
  const corrections = await db.select().from(correctionRequests).where(eq(correctionRequests.requestedByCitizenId, citizen.id)).orderBy(desc(correctionRequests.receivedAt));
  const messages = corrections.length
    ? await db.select().from(correctionMessages).where(inArray(correctionMessages.requestId, corrections.map((c) => c.id))).orderBy(asc(correctionMessages.createdAt))
    : [];
  const stayOn = await db.select().from(stayOnRequests).where(eq(stayOnRequests.requestedByCitizenId, citizen.id)).orderBy(desc(stayOnRequests.requestedAt));
  return {
    corrections: corrections.map((c): OwnCorrectionRequest => ({ ...c, messages: messages.filter((m) => m.requestId === c.id) })),
    stayOn,
  };
}
