import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { children, stayOnRequests } from '@/db/schema';
import { queueEmail } from '@/lib/email/queue-email';
import { AppError } from '@/lib/kernel/errors';
import { recordChange } from '@/lib/kernel/record-change';
import type { Caseworker } from '@/lib/kernel/actors';
import { lockStayOnRequest } from './lock-stay-on-request';
import { stayOnEmails } from './stay-on-emails';

export type EndStayOnOptions = { db: Database; caseworker: Caseworker; stayOnRequestId: string; reason: string; clientAddress?: string | null; now?: Date };

/**
 * The index team ends an approved stay-on (the young person no longer receives services, say): the normal rule
 * returns, so a young person of 18 or over leaves at the next retention run. In one transaction the request ends
 * (as withdrawn, with the reason; the decision that approved it is kept), the stay-on date and basis are cleared with
 * a record version, the audit event and the young person's email.
 */
export async function endStayOn({ db, caseworker, stayOnRequestId, reason, clientAddress = null, now = new Date() }: EndStayOnOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const { request, email } = await lockStayOnRequest({ db: tx, caseworker, stayOnRequestId });
    if (request.status !== 'approved') throw new AppError('conflict', 'Only an agreed request to stay on can be ended.');
    const [child] = await tx.select({ stayOnUntil: children.stayOnUntil }).from(children).where(eq(children.id, request.childId));
    await tx.update(stayOnRequests).set({ status: 'withdrawn', withdrawnAt: now, decisionReason: reason }).where(eq(stayOnRequests.id, request.id));
    await tx.update(children).set({ stayOnUntil: null, stayOnBasis: null }).where(eq(children.id, request.childId));
    await recordChange({
      db: tx,
      staff: caseworker,
      childId: request.childId,
      action: 'stay_on.end',
      reason: `The index team ended the stay-on until 25 (${request.reference}): ${reason}`,
      auditReason: reason,
      changes: [{ item: 'child', itemId: request.childId, field: 'stayOnUntil', before: child!.stayOnUntil, after: null }],
      query: { stayOnRequestId },
      clientAddress,
    });
    if (email) await queueEmail({ db: tx, email: stayOnEmails.ended(email, request.reference) });
  });
}
