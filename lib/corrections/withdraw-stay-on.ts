import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { children, stayOnRequests } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { AppError } from '@/lib/kernel/errors';
import { writeRecordVersion } from '@/lib/kernel/write-record-version';

export type WithdrawStayOnOptions = { db: Database; citizen: { id: string }; stayOnRequestId: string; clientAddress?: string | null; now?: Date };

/** The young person changes their mind: the request ends, and if it was approved the normal rule (leave at 18) returns. */
export async function withdrawStayOn({ db, citizen, stayOnRequestId, clientAddress = null, now = new Date() }: WithdrawStayOnOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const [withdrawn] = await tx
      .update(stayOnRequests)
      .set({ status: 'withdrawn', withdrawnAt: now })
      .where(and(eq(stayOnRequests.id, stayOnRequestId), eq(stayOnRequests.requestedByCitizenId, citizen.id), inArray(stayOnRequests.status, ['requested', 'approved'])))
      .returning({ childId: stayOnRequests.childId });
    if (!withdrawn) throw new AppError('not_found', 'There is no request to stay on the index to withdraw');
    const [child] = await tx.select({ stayOnUntil: children.stayOnUntil, stayOnBasis: children.stayOnBasis }).from(children).where(eq(children.id, withdrawn.childId));
    if (child?.stayOnUntil) {
      await tx.update(children).set({ stayOnUntil: null, stayOnBasis: null }).where(eq(children.id, withdrawn.childId));
      await writeRecordVersion({
        db: tx,
        childId: withdrawn.childId,
        changedByStaffId: null,
        reason: 'The young person withdrew their consent to stay on the index until 25',
        changes: [{ item: 'child', itemId: withdrawn.childId, field: 'stayOnUntil', before: child.stayOnUntil, after: null }],
      });
    }
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'citizen', actorId: citizen.id, action: 'stay_on.withdraw', query: { stayOnRequestId }, childIds: [withdrawn.childId], clientAddress },
    });
  });
}
