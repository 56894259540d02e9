import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { addresses, childAddresses, children, shields } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import { lockChildForShielding, type ShieldChangeOptions } from './lock-child-for-shielding';
import { recordChange } from '@/lib/kernel/record-change';

export type LiftShieldOptions = ShieldChangeOptions;

/** The postcode of the child's current address, which searches match on once the child is no longer shielded. */
async function currentPostcode(db: DbOrTx, childId: string): Promise<string | null> {
  const [home] = await db
    .select({ postcode: addresses.postcode })
    .from(childAddresses)
    .innerJoin(addresses, eq(addresses.id, childAddresses.addressId))
    .where(and(eq(childAddresses.childId, childId), isNull(childAddresses.livedUntil)))
    .orderBy(desc(childAddresses.livedFrom))
    .limit(1);
  return home?.postcode ?? null;
}

/**
 * The index team lifts a child's shield. In one transaction: the shield closed with who and why, the child no longer
 * marked shielded, the searchable postcode put back from the current address, a record version (refused as a conflict
 * if the record moved on since the caseworker looked) and the audit event. Returns the new version.
 */
export async function liftShield({ db, caseworker, childId, change, clientAddress = null, now = new Date() }: LiftShieldOptions): Promise<number> {
  return db.transaction(async (tx) => {
    const child = await lockChildForShielding({ db: tx, staff: caseworker, childId });
    if (!child.isShielded) throw new AppError('conflict', 'This record is not shielded.');
    const lifted = await tx
      .update(shields)
      .set({ liftedAt: now, liftedByStaffId: caseworker.id, liftReason: change.reason })
      .where(and(eq(shields.childId, childId), isNull(shields.liftedAt)))
      .returning({ id: shields.id });
    const hasPostcode = child.addressStatus === 'current' || child.addressStatus === 'last_known';
    const postcode = hasPostcode ? await currentPostcode(tx, childId) : null;
    await tx.update(children).set({ isShielded: false, postcode }).where(eq(children.id, childId));
    return recordChange({
      db: tx,
      staff: caseworker,
      childId,
      action: 'child.shield_lift',
      reason: `Shield lifted by the index team: ${change.reason}`,
      auditReason: change.reason,
      changes: [{ item: 'child', itemId: childId, field: 'isShielded', before: true, after: false }],
      query: { shieldIds: lifted.map((s) => s.id) },
      expectedVersion: change.expectedVersion,
      clientAddress,
    });
  });
}
