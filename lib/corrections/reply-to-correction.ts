import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { correctionMessages, correctionRequests } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { addCalendarMonths, addDays, todayInLondon } from '@/lib/kernel/dates';
import { canTake, nextStatus } from './request-transitions';
import { AppError } from '@/lib/kernel/errors';
import type { TCorrectionReply } from '@/lib/validation/correction-request';

const DAY_MS = 24 * 60 * 60 * 1000;

export type ReplyToCorrectionOptions = { db: Database; citizen: { id: string }; requestId: string; reply: TCorrectionReply; clientAddress?: string | null; now?: Date };

/**
 * The requester answers the index team's question. The clock stopped while the team waited; it starts again now,
 * and the due date moves on by the days it was stopped.
 */
export async function replyToCorrection({ db, citizen, requestId, reply, clientAddress = null, now = new Date() }: ReplyToCorrectionOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(correctionRequests)
      .where(and(eq(correctionRequests.id, requestId), eq(correctionRequests.requestedByCitizenId, citizen.id)))
      .for('update');
    if (!request) throw new AppError('not_found', 'We could not find that request');
    if (!canTake(request.status, 'receive_information')) throw new AppError('conflict', 'The index team is not waiting for information on this request');
    const pausedDays = request.pausedAt ? Math.floor((now.getTime() - request.pausedAt.getTime()) / DAY_MS) : 0;
    const daysPaused = request.daysPaused + pausedDays;
    const received = todayInLondon(request.receivedAt);
    await tx
      .update(correctionRequests)
      .set({ status: nextStatus(request.status, 'receive_information'), pausedAt: null, daysPaused, dueOn: addDays(addCalendarMonths(received, 1), daysPaused) })
      .where(eq(correctionRequests.id, requestId));
    await tx.insert(correctionMessages).values({ requestId, author: 'citizen', body: reply.message, createdAt: now });
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'citizen', actorId: citizen.id, action: 'correction.reply', query: { requestId }, childIds: [request.childId], clientAddress },
    });
  });
}
