import 'server-only';
import type { Database } from '@/db';
import { stayOnRequests } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { newReference } from '@/lib/kernel/request-reference';
import { todayInLondon } from '@/lib/kernel/dates';
import type { TStayOnRaise } from '@/lib/validation/stay-on-casework';
import type { Caseworker } from '@/lib/kernel/actors';
import { checkStayOnCandidate } from './check-stay-on-candidate';

export type RaiseStayOnOptions = { db: Database; caseworker: Caseworker; childId: string; request: TStayOnRaise; clientAddress?: string | null; now?: Date };

/**
 * A caseworker puts forward a care leaver or a young person with learning difficulties (16 or 17) to stay on the
 * index until 25, with the young person's consent in their own words. It waits, like a young person's own request,
 * for a decision, which must be another caseworker's (four eyes). Returns the new request's id.
 */
export async function raiseStayOn({ db, caseworker, childId, request, clientAddress = null, now = new Date() }: RaiseStayOnOptions): Promise<string> {
  return db.transaction(async (tx) => {
    await checkStayOnCandidate({ db: tx, caseworker, childId, today: todayInLondon(now) });
    const [created] = await tx
      .insert(stayOnRequests)
      .values({ reference: newReference('SO'), childId, requestedByStaffId: caseworker.id, basis: request.basis, consentStatement: request.consentStatement, requestedAt: now })
      .returning({ id: stayOnRequests.id });
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'staff', actorId: caseworker.id, organisationId: caseworker.organisationId, action: 'stay_on.raise', query: { stayOnRequestId: created!.id, basis: request.basis }, childIds: [childId], clientAddress },
    });
    return created!.id;
  });
}
