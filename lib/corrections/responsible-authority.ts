import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { addresses, childAddresses, shields } from '@/db/schema';

/**
 * The council whose index team answers for a child: the one holding the child's shield, else the council of the
 * child's current address; null when neither is known (the request then shows in every index team's queue).
 */
export async function findResponsibleAuthority(db: DbOrTx, childId: string): Promise<string | null> {
  const [shield] = await db
    .select({ code: shields.responsibleLocalAuthorityCode })
    .from(shields)
    .where(and(eq(shields.childId, childId), isNull(shields.liftedAt)));
  if (shield) return shield.code;
  const [home] = await db
    .select({ code: addresses.localAuthorityCode })
    .from(childAddresses)
    .innerJoin(addresses, eq(addresses.id, childAddresses.addressId))
    .where(and(eq(childAddresses.childId, childId), isNull(childAddresses.livedUntil)));
  return home?.code ?? null;
}
