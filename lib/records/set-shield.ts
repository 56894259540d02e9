import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children, shields } from '@/db/schema';

export type SetShieldOptions = { db: DbOrTx; caseworker: { id: string; localAuthorityCode: string }; childId: string; reason: string; now: Date };

/**
 * The rows of a shield, inside the caller's transaction and after its checks: the shield held by the caseworker's
 * council, the child marked shielded, the searchable postcode emptied (so a search by postcode can never find the
 * child). Returns the shield's id.
 */
export async function setShield({ db, caseworker, childId, reason, now }: SetShieldOptions): Promise<string> {
  const [shield] = await db
    .insert(shields)
    .values({ childId, responsibleLocalAuthorityCode: caseworker.localAuthorityCode, reason, shieldedAt: now, shieldedByStaffId: caseworker.id })
    .returning({ id: shields.id });
  await db.update(children).set({ isShielded: true, postcode: null }).where(eq(children.id, childId));
  return shield!.id;
}
