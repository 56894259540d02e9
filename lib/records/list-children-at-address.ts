import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { childAddresses, children } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { ChildIdentity, RecordViewer } from './child-record';
import { findViewingPurpose } from './find-viewing-purpose';

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
 * household is shown to a practitioner.
 */
export async function listChildrenAtAddress({ db, viewer, childId, viewEventId, clientAddress = null, now = new Date() }: ListChildrenAtAddressOptions): Promise<ListChildrenAtAddressResult> {
  return db.transaction(async (tx) => {
    const purpose = await findViewingPurpose({ db: tx, viewerId: viewer.id, childId, purposeEventId: viewEventId, now });
    const [child] = await tx
      .select({ isShielded: children.isShielded })
      .from(children)
      .where(and(eq(children.id, childId), eq(children.status, 'live'), isNull(children.mergedIntoId)));
    const indexTeam = viewer.role === 'caseworker';
    if (!purpose || !child || (child.isShielded && !indexTeam)) return { outcome: 'not_available' };

    const home = alias(childAddresses, 'home');
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
      .innerJoin(childAddresses, and(eq(childAddresses.addressId, home.addressId), isNull(childAddresses.livedUntil)))
      .innerJoin(children, eq(children.id, childAddresses.childId))
      .where(
        and(
          eq(home.childId, childId),
          isNull(home.livedUntil),
          ne(children.id, childId),
          eq(children.status, 'live'),
          isNull(children.mergedIntoId),
          indexTeam ? sql`true` : eq(children.isShielded, false),
        ),
      )
      .orderBy(children.dateOfBirth);
    const eventId = await recordAuditEvent({
      db: tx,
      event: {
        actorKind: 'staff',
        actorId: viewer.id,
        organisationId: viewer.organisationId,
        action: 'child.household.view',
        reason: purpose.reason,
        query: { fromChildId: childId, viewEventId },
        childIds: [childId, ...others.map((o) => o.id)],
        clientAddress,
      },
    });
    return { outcome: 'listed', children: others, eventId };
  });
}
