import { and, eq, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { childAddresses, children } from '@/db/schema';

/**
 * The other live children at a child's current address, as the household lists read them: `from(home)`, join
 * `childAddresses` on `sameAddress` and `children` on the address's child, and keep `others`, with whatever a list
 * adds (which shielded children it may show).
 */
export function othersAtAddressOf(childId: string) {
  const home = alias(childAddresses, 'home');
  return {
    home,
    sameAddress: and(eq(childAddresses.addressId, home.addressId), isNull(childAddresses.livedUntil))!,
    others: and(eq(home.childId, childId), isNull(home.livedUntil), ne(children.id, childId), eq(children.status, 'live'), isNull(children.mergedIntoId))!,
  };
}
