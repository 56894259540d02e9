import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children, localAuthorities, shields, staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { findViewingPurpose } from './find-viewing-purpose';
import { type HouseholdMember, listHouseholdForShielding } from './list-household-for-shielding';
import { shieldingRefusal, type ShieldingStaff } from './shielding-refusal';

export type ShieldState = {
  child: { id: string; indexNumber: string; givenNames: string; familyName: string; version: number; isShielded: boolean };
  /** The shield in force, if any. */
  shield: { reason: string; shieldedAt: Date; shieldedBy: string | null; localAuthorityName: string } | null;
  /** Why this caseworker may not change it, or null. */
  refusal: string | null;
  /** Before shielding: the other unshielded children at the address, each to be answered for in the same step. */
  household: HouseholdMember[];
};

export type LoadShieldStateOptions = {
  db: DbOrTx;
  caseworker: ShieldingStaff;
  childId: string;
  /** The audited view of the record this page is reached from (see findViewingPurpose). */
  purposeEventId: number;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * What a caseworker sees before setting or lifting a shield: the child, the shield in force, the version they act
 * on and, before shielding, the other children at the address (a household view, audited as one); null if there is
 * no such live child, 'purpose_needed' unless reached from the caseworker's own audited view.
 */
export async function loadShieldState({ db, caseworker, childId, purposeEventId, clientAddress = null, now = new Date() }: LoadShieldStateOptions): Promise<ShieldState | 'purpose_needed' | null> {
  const purpose = await findViewingPurpose({ db, viewerId: caseworker.id, childId, purposeEventId, now });
  if (!purpose) return 'purpose_needed';
  const [child] = await db
    .select({ id: children.id, indexNumber: children.indexNumber, givenNames: children.givenNames, familyName: children.familyName, version: children.version, isShielded: children.isShielded })
    .from(children)
    .where(and(eq(children.id, childId), eq(children.status, 'live'), isNull(children.mergedIntoId)));
  if (!child) return null;
  const [shield] = await db
    .select({ reason: shields.reason, shieldedAt: shields.shieldedAt, shieldedBy: staffUsers.displayName, localAuthorityName: localAuthorities.name })
    .from(shields)
    .innerJoin(localAuthorities, eq(localAuthorities.code, shields.responsibleLocalAuthorityCode))
    .leftJoin(staffUsers, eq(staffUsers.id, shields.shieldedByStaffId))
    .where(and(eq(shields.childId, childId), isNull(shields.liftedAt)));
  const refusal = await shieldingRefusal({ db, staff: caseworker, childId });
  const household = refusal || child.isShielded ? [] : await listHouseholdForShielding({ db, childId });
  if (household.length > 0) {
    await recordAuditEvent({
      db,
      event: {
        actorKind: 'staff',
        actorId: caseworker.id,
        organisationId: caseworker.organisationId,
        action: 'child.household.view',
        reason: purpose.reason,
        query: { fromChildId: childId, viewEventId: purposeEventId, forShielding: true },
        childIds: [childId, ...household.map((m) => m.id)],
        clientAddress,
      },
    });
  }
  return { child, shield: shield ?? null, refusal, household };
}
