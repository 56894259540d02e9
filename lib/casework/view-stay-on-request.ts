import 'server-only';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { children, stayOnRequests, staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { ageOn } from '@/lib/citizen-access/age';
import { findResponsibleAuthority } from '@/lib/records/responsible-authority';
import { todayInLondon } from '@/lib/kernel/dates';
import { AppError } from '@/lib/kernel/errors';
import { anniversary, RETENTION } from '@/lib/retention/retention-rules';
import type { Caseworker } from '@/lib/kernel/actors';
import { requireRecordInCare } from './require-record-in-care';

export type StayOnAction = 'approve' | 'refuse' | 'end';

export type StayOnRequestForCasework = {
  request: typeof stayOnRequests.$inferSelect & { raisedBy: string | null; decidedBy: string | null };
  child: { id: string; indexNumber: string; givenNames: string; familyName: string; dateOfBirth: string; age: number; stayOnUntil: string | null; isLive: boolean };
  eighteenthBirthday: string;
  twentyFifthBirthday: string;
  /** What this caseworker may do now, and why not when a rule stops them. */
  allowed: Set<StayOnAction>;
  blockedBecause: string | null;
};

export type ViewStayOnRequestOptions = { db: Database; caseworker: Caseworker; stayOnRequestId: string; clientAddress?: string | null; now?: Date };

/**
 * A request to stay on as the index team decides it: who the young person is, their consent, and when they turn 18
 * and 25. Null for a request about a child another council answers for. Reading it is audited.
 */
export async function viewStayOnRequest({ db, caseworker, stayOnRequestId, clientAddress = null, now = new Date() }: ViewStayOnRequestOptions): Promise<StayOnRequestForCasework | null> {
  const raiser = alias(staffUsers, 'raiser');
  const decider = alias(staffUsers, 'decider');
  const [found] = await db
    .select({ request: stayOnRequests, raisedBy: raiser.displayName, decidedBy: decider.displayName, child: children })
    .from(stayOnRequests)
    .innerJoin(children, eq(children.id, stayOnRequests.childId))
    .leftJoin(raiser, eq(raiser.id, stayOnRequests.requestedByStaffId))
    .leftJoin(decider, eq(decider.id, stayOnRequests.decidedByStaffId))
    .where(eq(stayOnRequests.id, stayOnRequestId));
  if (!found) return null;
  const authority = await findResponsibleAuthority(db, found.child.id);
  if (authority && authority !== caseworker.localAuthorityCode) return null;
  const { request, child } = found;
  const age = ageOn(child.dateOfBirth, todayInLondon(now));

  let blockedBecause: string | null = null;
  try {
    await requireRecordInCare({ db, caseworker, childId: child.id });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    blockedBecause = error.userMessage;
  }
  const allowed = new Set<StayOnAction>();
  if (!blockedBecause && request.status === 'requested') {
    if (age >= RETENTION.leaveAtAge) blockedBecause = 'The young person is 18 now, so the request can no longer be decided.';
    else {
      allowed.add('refuse');
      if (request.requestedByStaffId === caseworker.id) blockedBecause = 'You took this request down, so another caseworker must approve it.';
      else allowed.add('approve');
    }
  }
  if (!blockedBecause && request.status === 'approved') allowed.add('end');

  await recordAuditEvent({
    db,
    event: { actorKind: 'staff', actorId: caseworker.id, organisationId: caseworker.organisationId, action: 'stay_on.view', query: { stayOnRequestId }, childIds: [child.id], clientAddress },
  });
  return {
    request: { ...request, raisedBy: found.raisedBy, decidedBy: found.decidedBy },
    child: { id: child.id, indexNumber: child.indexNumber, givenNames: child.givenNames, familyName: child.familyName, dateOfBirth: child.dateOfBirth, age, stayOnUntil: child.stayOnUntil, isLive: child.status === 'live' },
    eighteenthBirthday: anniversary(child.dateOfBirth, RETENTION.leaveAtAge),
    twentyFifthBirthday: anniversary(child.dateOfBirth, RETENTION.stayOnUntilAge),
    allowed,
    blockedBecause,
  };
}
