import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { involvements } from '@/db/schema';
import { todayInLondon } from '@/lib/kernel/dates';
import { AppError } from '@/lib/kernel/errors';
import { recordChange } from '@/lib/kernel/record-change';
import { assertPractitioner, type Practitioner } from './practitioner';

export type EndInvolvementOptions = { db: Database; practitioner: Practitioner; involvementId: string; clientAddress?: string | null; now?: Date };

/** A practitioner stops working with a child: only their own involvement, ended today. Returns the child's id. */
export async function endInvolvement({ db, practitioner, involvementId, clientAddress = null, now = new Date() }: EndInvolvementOptions): Promise<string> {
  assertPractitioner(practitioner);
  return db.transaction(async (tx) => {
    const endedOn = todayInLondon(now);
    const [ended] = await tx
      .update(involvements)
      .set({ endedOn, recordedByStaffId: practitioner.id, lastConfirmedAt: now })
      .where(and(eq(involvements.id, involvementId), eq(involvements.practitionerStaffId, practitioner.id), isNull(involvements.endedOn)))
      .returning({ childId: involvements.childId, service: involvements.serviceTypeCode });
    if (!ended) throw new AppError('not_found', 'This involvement is not yours, or has already ended');
    await recordChange({
      db: tx,
      staff: practitioner,
      childId: ended.childId,
      action: 'involvement.end',
      reason: 'Practitioner ended their involvement',
      changes: [{ item: 'involvement', itemId: involvementId, field: 'endedOn', before: null, after: endedOn }],
      query: { involvementId, service: ended.service },
      clientAddress,
    });
    return ended.childId;
  });
}
