import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { addresses, childAddresses, children } from '@/db/schema';

type Caseworker = { displayName: string; homeAddressLine1: string | null; homePostcode: string | null };

const squash = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * A caseworker may not process a request about a child who shares their family name and lives at their address:
 * most likely their own family. Compared loosely (case, spaces and punctuation ignored) so that "12 Oak Rd." and
 * "12 oak rd" are the same address.
 */
export async function hasConflictOfInterest({ db, caseworker, childId }: { db: DbOrTx; caseworker: Caseworker; childId: string }): Promise<boolean> {
  if (!caseworker.homeAddressLine1 || !caseworker.homePostcode) return false;
  const [home] = await db
    .select({ familyName: children.familyName, line1: addresses.line1, postcode: addresses.postcode })
    .from(children)
    .innerJoin(childAddresses, and(eq(childAddresses.childId, children.id), isNull(childAddresses.livedUntil)))
    .innerJoin(addresses, eq(addresses.id, childAddresses.addressId))
    .where(eq(children.id, childId));
  if (!home) return false;
  // Stryker disable next-line Regex,StringLiteral: trimmed first, the last piece is the last word whether runs of spaces split once or at each space; split never returns an empty list, so there is no fallback to reach
  const caseworkerFamilyName = squash(caseworker.displayName.trim().split(/\s+/).at(-1) ?? '');
  // A double-barrelled family name shares either part.
  const sharesName = home.familyName.split(/[\s-]+/).some((part) => squash(part) === caseworkerFamilyName);
  return sharesName && squash(home.postcode) === squash(caseworker.homePostcode) && squash(home.line1) === squash(caseworker.homeAddressLine1);
}
