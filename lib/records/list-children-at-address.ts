import 'server-only';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { childAddresses, children, shields } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import type { ChildIdentity, RecordViewer } from './child-record';
import { findViewingPurpose } from './find-viewing-purpose';
import { isIndexTeamFor } from './is-index-team-for';
import { othersAtAddressOf } from './others-at-address';

export type ListChildrenAtAddressResult =
  | { outcome: 'not_available' }
  | { outcome: 'listed'; children: ChildIdentity[]; eventId: number };

export type ListChildrenAtAddressOptions = {
  db: Database;
  viewer: RecordViewer & { organisationId: string };
  childId: string;
  /** The audited view of the child's record this list is asked from. */
  viewEventId: number;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * For safeguarding, the other children living at a child's current address — audited like a view, with the reason
 * of the view it comes from. A shielded child's address is hidden, so neither its household nor its place in another
 * household is shown to anyone but the index team of the council holding its shield. A refusal is audited too.
 */
export async function listChildrenAtAddress({ db, viewer, childId, viewEventId, clientAddress = null, now = new Date() }: ListChildrenAtAddressOptions): Promise<ListChildrenAtAddressResult> {
  return db.transaction(async (tx) => {
    const purpose = await findViewingPurpose({ db: tx, viewerId: viewer.id, childId, purposeEventId: viewEventId, now });
    const [child] = await tx
      .select({ isShielded: children.isShielded, shieldAuthorityCode: shields.responsibleLocalAuthorityCode })
      .from(children)
      .leftJoin(shields, and(eq(shields.childId, children.id), isNull(shields.liftedAt)))
      .where(and(eq(children.id, childId), eq(children.status, 'live'), isNull(children.mergedIntoId)));
    const event = { actorKind: 'staff', actorId: viewer.id, organisationId: viewer.organisationId, action: 'child.household.view', reason: purpose?.reason ?? null, clientAddress } as const;
    if (!purpose || !child || (child.isShielded && !isIndexTeamFor(viewer, child.shieldAuthorityCode))) {
      await recordAuditEvent({ db: tx, event: { ...event, query: { fromChildId: childId, viewEventId }, childIds: child ? [childId] : [], outcome: 'refused' } });
      return { outcome: 'not_available' };
    }

    const { home, sameAddress, others: livingThere } = othersAtAddressOf(childId);
    const shieldHeldByViewersCouncil = sql`exists (select 1 from ${shields} where ${shields.childId} = ${children.id} and ${shields.liftedAt} is null
      and ${shields.responsibleLocalAuthorityCode} = ${viewer.role === 'caseworker' ? viewer.localAuthorityCode : null})`;
    const others = await tx
      .select({
        id: children.id,
        indexNumber: children.indexNumber,
        givenNames: children.givenNames,
        familyName: children.familyName,
        gender: children.gender,
        dateOfBirth: children.dateOfBirth,
      })
      .from(home)
      .innerJoin(childAddresses, sameAddress)
      .innerJoin(children, eq(children.id, childAddresses.childId))
      .where(and(livingThere, or(eq(children.isShielded, false), shieldHeldByViewersCouncil)))
      .orderBy(children.dateOfBirth);
    const eventId = await recordAuditEvent({ db: tx, event: { ...event, query: { fromChildId: childId, viewEventId }, childIds: [childId, ...others.map((o) => o.id)] } });
    return { outcome: 'listed', children: others, eventId };
  });
}
