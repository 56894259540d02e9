import 'server-only';
import { and, asc, eq, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { children, correctionMessages, correctionRequests, localAuthorities, type RecordChange, shields, sourceSystems, staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { AppError } from '@/lib/kernel/errors';
import { isIndexTeamFor } from '@/lib/records/is-index-team-for';
import { listRecordVersions } from '@/lib/records/list-record-versions';
import { changeKeyOf } from '@/lib/validation/correction-change';
import type { Caseworker } from '@/lib/kernel/actors';
import { hasConflictOfInterest } from '@/lib/records/conflict-of-interest';
import { type CurrentItem, loadCurrentItem } from './current-item';
import { canTake, type RequestAction } from '@/lib/corrections/request-transitions';
import { suggestChange } from './suggest-change';

export type RequestForCasework = {
  /** `raisedBySource`: the source system whose load holds the child otherwise (a link never changes who a child is). */
  request: typeof correctionRequests.$inferSelect & { assignedTo: string | null; proposedBy: string | null; raisedBySource: string | null };
  child: { id: string; indexNumber: string; givenNames: string; familyName: string; dateOfBirth: string; version: number; isShielded: boolean };
  /** The item as held now, with its source; null when it is not changed from this page. */
  item: CurrentItem | null;
  /** The form's starting values: the proposed edit waiting for approval, else a reading of what was asked. */
  startingValues: Record<string, string>;
  messages: { author: 'citizen' | 'staff'; staffName: string | null; body: string; createdAt: Date }[];
  history: { version: number; changedAt: Date; reason: string; changedBy: string | null; changes: RecordChange[] }[];
  colleagues: { id: string; displayName: string }[];
  /** What this caseworker may do now, and why not when a rule stops them. */
  allowed: Set<RequestAction>;
  blockedBecause: string | null;
};

/**
 * A correction request as the index team works on it: the item as held and where it came from, what the requester
 * says, the conversation and the record's history. Reading it is audited, as is every read of a child's record.
 * About a shielded child, only the index team holding the shield may read it (the request, the item and the history
 * all carry the child's whereabouts); anyone else is refused, and the refusal audited.
 */
export async function viewRequest({ db, caseworker, requestId, clientAddress = null }: { db: Database; caseworker: Caseworker; requestId: string; clientAddress?: string | null }): Promise<RequestForCasework | null> {
  const assignee = alias(staffUsers, 'assignee');
  const proposer = alias(staffUsers, 'proposer');
  const [found] = await db
    .select({ request: correctionRequests, assignedTo: assignee.displayName, proposedBy: proposer.displayName, raisedBySource: sourceSystems.name, child: children })
    .from(correctionRequests)
    .innerJoin(children, eq(children.id, correctionRequests.childId))
    .leftJoin(assignee, eq(assignee.id, correctionRequests.assignedToStaffId))
    .leftJoin(proposer, eq(proposer.id, correctionRequests.proposedByStaffId))
    .leftJoin(sourceSystems, eq(sourceSystems.id, correctionRequests.raisedBySourceSystemId))
    .where(and(eq(correctionRequests.id, requestId), or(eq(correctionRequests.localAuthorityCode, caseworker.localAuthorityCode), isNull(correctionRequests.localAuthorityCode))));
  if (!found) return null;
  const { request, child } = found;
  const audit = (outcome: string) =>
    recordAuditEvent({
      db,
      event: { actorKind: 'staff', actorId: caseworker.id, organisationId: caseworker.organisationId, action: 'correction.view', query: { requestId }, childIds: [child.id], outcome, clientAddress },
    });
  if (child.isShielded) {
    const [shield] = await db
      .select({ code: shields.responsibleLocalAuthorityCode, name: localAuthorities.name, phone: localAuthorities.indexTeamPhone })
      .from(shields)
      .innerJoin(localAuthorities, eq(localAuthorities.code, shields.responsibleLocalAuthorityCode))
      .where(and(eq(shields.childId, child.id), isNull(shields.liftedAt)));
    if (!isIndexTeamFor(caseworker, shield?.code ?? null)) {
      await audit('refused');
      const whom = shield ? `the index team at ${shield.name} on ${shield.phone}` : 'the index team holding the shield';
      throw new AppError('forbidden', `This request is about a shielded child. Only the index team holding the shield can read it: contact ${whom}.`);
    }
  }

  const item = await loadCurrentItem({ db, childId: child.id, itemKind: request.itemKind, field: request.field, itemId: request.itemId });
  const key = changeKeyOf(request.itemKind, request.field);
  const given = request.proposedChange ?? request.requestedChange;
  const startingValues = given
    ? Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v ?? '']))
    : key
      ? suggestChange(key, request.requestedValue)
      : {};
  const messages = await db
    .select({ author: correctionMessages.author, staffName: staffUsers.displayName, body: correctionMessages.body, createdAt: correctionMessages.createdAt })
    .from(correctionMessages)
    .leftJoin(staffUsers, eq(staffUsers.id, correctionMessages.staffUserId))
    .where(eq(correctionMessages.requestId, requestId))
    .orderBy(asc(correctionMessages.createdAt));
  const history = await listRecordVersions({ db, childId: child.id, limit: 20 });
  const colleagues = await db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'caseworker'), eq(staffUsers.localAuthorityCode, caseworker.localAuthorityCode), eq(staffUsers.status, 'active'), ne(staffUsers.id, caseworker.id)))
    .orderBy(asc(staffUsers.displayName));

  let blockedBecause: string | null = null;
  if (await hasConflictOfInterest({ db, caseworker, childId: child.id })) blockedBecause = 'This request is about a child who shares your family name and address. Ask a colleague to deal with it.';
  const allowed = new Set<RequestAction>();
  if (!blockedBecause) {
    for (const action of ['assign', 'ask_for_information', 'approve', 'propose_edit', 'confirm_edit', 'return_edit', 'refuse', 'close'] as RequestAction[]) {
      if (!canTake(request.status, action)) continue;
      if ((action === 'approve' || action === 'propose_edit') && !item) continue;
      // A source's load raised it: there is nobody to reply to a question.
      if (action === 'ask_for_information' && request.raisedBySourceSystemId) continue;
      if (action === 'confirm_edit' && (request.proposedByStaffId === caseworker.id || request.raisedByStaffId === caseworker.id)) continue;
      allowed.add(action);
    }
    if (request.status === 'awaiting_approval' && request.proposedByStaffId === caseworker.id) blockedBecause = 'You edited this change, so another caseworker must approve it.';
  }

  await audit('ok');
  return {
    request: { ...request, assignedTo: found.assignedTo, proposedBy: found.proposedBy, raisedBySource: found.raisedBySource },
    child: { id: child.id, indexNumber: child.indexNumber, givenNames: child.givenNames, familyName: child.familyName, dateOfBirth: child.dateOfBirth, version: child.version, isShielded: child.isShielded },
    item,
    startingValues,
    messages,
    history,
    colleagues,
    allowed,
    blockedBecause,
  };
}
