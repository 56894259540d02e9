import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { children, stayOnRequests } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { ageOn } from '@/lib/citizen-access/age';
import { findCitizenAccess } from '@/lib/citizen-access/find-citizen-access';
import { todayInLondon } from '@/lib/kernel/dates';
import { AppError } from '@/lib/kernel/errors';
import type { TStayOnRequest } from '@/lib/validation/stay-on';
import { newReference } from '@/lib/kernel/request-reference';

export const STAY_ON_CONSENT = 'I agree to stay on the Children’s Index until I am 25.';

export type RequestStayOnOptions = { db: Database; citizen: { id: string }; linkId: string; request: TStayOnRequest; clientAddress?: string | null; now?: Date };

/** A young person of 16 or 17 asks, in their own account and with their own consent, to stay on until 25. */
export async function requestStayOn({ db, citizen, linkId, request, clientAddress = null, now = new Date() }: RequestStayOnOptions): Promise<string> {
  return db.transaction(async (tx) => {
    const access = await findCitizenAccess({ db: tx, citizenId: citizen.id, linkId, now });
    if (!access.allowed || access.link.relationship !== 'self') throw new AppError('forbidden', 'Only the young person can ask to stay on the index');
    const [child] = await tx.select({ dateOfBirth: children.dateOfBirth }).from(children).where(eq(children.id, access.childId));
    const age = ageOn(child!.dateOfBirth, todayInLondon(now));
    if (age < 16 || age > 17) throw new AppError('invalid', 'You can ask to stay on the index until 25 when you are 16 or 17');
    const [open] = await tx
      .select({ id: stayOnRequests.id })
      .from(stayOnRequests)
      .where(and(eq(stayOnRequests.childId, access.childId), inArray(stayOnRequests.status, ['requested', 'approved'])));
    if (open) throw new AppError('conflict', 'You have already asked to stay on the index until 25');
    const reference = newReference('SO');
    const [created] = await tx
      .insert(stayOnRequests)
      .values({ reference, childId: access.childId, requestedByCitizenId: citizen.id, basis: request.basis, consentStatement: STAY_ON_CONSENT, requestedAt: now })
      .returning({ id: stayOnRequests.id });
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'citizen', actorId: citizen.id, action: 'stay_on.request', query: { stayOnRequestId: created!.id, basis: request.basis }, childIds: [access.childId], clientAddress },
    });
    return reference;
  });
}
