import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children, localAuthorities, shields, staffUsers } from '@/db/schema';
import { findViewingPurpose } from './find-viewing-purpose';
import { shieldingRefusal, type ShieldingStaff } from './shielding-refusal';

export type ShieldState = {
  child: { id: string; indexNumber: string; givenNames: string; familyName: string; version: number; isShielded: boolean };
  /** The shield in force, if any. */
  shield: { reason: string; shieldedAt: Date; shieldedBy: string | null; localAuthorityName: string } | null;
  /** Why this caseworker may not change it, or null. */
  refusal: string | null;
};

export type LoadShieldStateOptions = {
  db: DbOrTx;
  caseworker: ShieldingStaff;
  childId: string;
  /** The audited view of the record this page is reached from (see findViewingPurpose). */
  purposeEventId: number;
  now?: Date;
};

/**
 * What a caseworker sees before setting or lifting a shield: the child, the shield in force, and the version they act
 * on; null if there is no such live child, 'purpose_needed' unless reached from the caseworker's own audited view.
 */
export async function loadShieldState({ db, caseworker, childId, purposeEventId, now = new Date() }: LoadShieldStateOptions): Promise<ShieldState | 'purpose_needed' | null> {
  if (!(await findViewingPurpose({ db, viewerId: caseworker.id, childId, purposeEventId, now }))) return 'purpose_needed';
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
  return { child, shield: shield ?? null, refusal: await shieldingRefusal({ db, staff: caseworker, childId }) };
}
