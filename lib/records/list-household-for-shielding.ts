import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db';
import { childAddresses, children } from '@/db/schema';

export type HouseholdMember = { id: string; indexNumber: string; givenNames: string; familyName: string; dateOfBirth: string };

export type ListHouseholdForShieldingOptions = { db: DbOrTx; childId: string };

/**
 * The other live, unshielded children at a child's current address: those a caseworker shielding the child is asked
 * about, since one shielded child beside an unshielded sibling leaves the address and a parent's phone one search
 * away. Only for the index team allowed to shield the child (the caller checks).
 */
export async function listHouseholdForShielding({ db, childId }: ListHouseholdForShieldingOptions): Promise<HouseholdMember[]> {
  const home = alias(childAddresses, 'home');
  return db
    .select({ id: children.id, indexNumber: children.indexNumber, givenNames: children.givenNames, familyName: children.familyName, dateOfBirth: children.dateOfBirth })
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
        eq(children.isShielded, false),
      ),
    )
    .orderBy(children.dateOfBirth, children.id);
}
