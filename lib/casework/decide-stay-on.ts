import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { children, stayOnRequests } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { ageOn } from '@/lib/citizen-access/age';
import { todayInLondon } from '@/lib/kernel/dates';
import { queueEmail } from '@/lib/email/queue-email';
import { AppError } from '@/lib/kernel/errors';
import { recordChange } from '@/lib/kernel/record-change';
import { anniversary, RETENTION } from '@/lib/retention/retention-rules';
import type { Caseworker } from '@/lib/kernel/actors';
import { lockStayOnRequest } from './lock-stay-on-request';
import { stayOnEmails } from './stay-on-emails';

export type StayOnDecision = { kind: 'approve' } | { kind: 'refuse'; reason: string };

export type DecideStayOnOptions = {
  db: Database;
  caseworker: Caseworker;
  stayOnRequestId: string;
  decision: StayOnDecision;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * The index team agrees or refuses a request to stay on the index until 25, in one transaction: the request decided,
 * on approval the record's stay-on date set to the 25th birthday (as the retention job counts it, 29 February
 * included) with the basis and a record version, the audit event, and the young person's email. Only a request still
 * waiting, about a young person still under 18 today; a request a caseworker took down needs another to approve it.
 */
export async function decideStayOn({ db, caseworker, stayOnRequestId, decision, clientAddress = null, now = new Date() }: DecideStayOnOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const { request, email } = await lockStayOnRequest({ db: tx, caseworker, stayOnRequestId });
    if (request.status !== 'requested') throw new AppError('conflict', 'This request has already been decided or withdrawn.');
    const [child] = await tx.select({ dateOfBirth: children.dateOfBirth, stayOnUntil: children.stayOnUntil }).from(children).where(eq(children.id, request.childId));
    if (ageOn(child!.dateOfBirth, todayInLondon(now)) >= RETENTION.leaveAtAge) {
      throw new AppError('invalid', 'The young person is 18 now, so the request can no longer be decided. Their record leaves the index at the next retention run.');
    }
    const decided = { decidedByStaffId: caseworker.id, decidedAt: now };
    if (decision.kind === 'refuse') {
      await tx.update(stayOnRequests).set({ ...decided, status: 'refused', decisionReason: decision.reason }).where(eq(stayOnRequests.id, request.id));
      await recordAuditEvent({
        db: tx,
        event: { actorKind: 'staff', actorId: caseworker.id, organisationId: caseworker.organisationId, action: 'stay_on.refuse', reason: decision.reason, query: { stayOnRequestId }, childIds: [request.childId], clientAddress },
      });
      if (email) await queueEmail({ db: tx, email: stayOnEmails.notAgreed(email, request.reference) });
      return;
    }
    if (request.requestedByStaffId === caseworker.id) throw new AppError('forbidden', 'You took this request down, so another caseworker must approve it.');
    const stayOnUntil = anniversary(child!.dateOfBirth, RETENTION.stayOnUntilAge);
    await tx.update(stayOnRequests).set({ ...decided, status: 'approved' }).where(eq(stayOnRequests.id, request.id));
    await tx.update(children).set({ stayOnUntil, stayOnBasis: request.basis }).where(eq(children.id, request.childId));
    await recordChange({
      db: tx,
      staff: caseworker,
      childId: request.childId,
      action: 'stay_on.approve',
      reason: `Stays on the index until 25, as the young person asked and agreed: ${request.reference}`,
      changes: [{ item: 'child', itemId: request.childId, field: 'stayOnUntil', before: child!.stayOnUntil, after: stayOnUntil }],
      query: { stayOnRequestId, stayOnUntil, basis: request.basis },
      clientAddress,
    });
    if (email) await queueEmail({ db: tx, email: stayOnEmails.agreed(email, request.reference) });
  });
}
