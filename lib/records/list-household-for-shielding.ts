import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { childAddresses, children } from '@/db/schema';
import { othersAtAddressOf } from './others-at-address';

export type HouseholdMember = { id: string; indexNumber: string; givenNames: string; familyName: string; dateOfBirth: string };

export type ListHouseholdForShieldingOptions = { db: DbOrTx; childId: string };

/**
 * The other live, unshielded children at a child's current address: those a caseworker shielding the child is asked
 * about, since one shielded child beside an unshielded sibling leaves the address and a parent's phone one search
 * away. Only for the index team allowed to shield the child (the caller checks).
 */
export async function listHouseholdForShielding({ db, childId }: ListHouseholdForShieldingOptions): Promise<HouseholdMember[]> {
  const { home, sameAddress, others } = othersAtAddressOf(childId);
  return db
    .select({ id: children.id, indexNumber: children.indexNumber, givenNames: children.givenNames, familyName: children.familyName, dateOfBirth: children.dateOfBirth })
    .from(home)
    .innerJoin(childAddresses, sameAddress)
    .innerJoin(children, eq(children.id, childAddresses.childId))
    .where(and(others, eq(children.isShielded, false)))
    .orderBy(children.dateOfBirth, children.id);
}
