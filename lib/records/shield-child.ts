import 'server-only';
import { eq } from 'drizzle-orm';
import { children, shields } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { lockChildForShielding, type ShieldChangeOptions } from './lock-child-for-shielding';
import { recordChange } from './record-change';

export type ShieldChildOptions = ShieldChangeOptions;

/**
 * The index team shields a child's record. In one transaction: the shield with its reason, the child marked shielded,
 * the searchable postcode emptied (so a search by postcode can never find the child), a record version (refused as a
 * conflict if the record moved on since the caseworker looked) and the audit event. Returns the new version.
 */
export async function shieldChild({ db, caseworker, childId, change, clientAddress = null, now = new Date() }: ShieldChildOptions): Promise<number> {
  return db.transaction(async (tx) => {
    const child = await lockChildForShielding({ db: tx, staff: caseworker, childId });
    if (child.isShielded) throw new AppError('conflict', 'This record is already shielded.');
    const [shield] = await tx
      .insert(shields)
      .values({ childId, responsibleLocalAuthorityCode: caseworker.localAuthorityCode, reason: change.reason, shieldedAt: now, shieldedByStaffId: caseworker.id })
      .returning({ id: shields.id });
    await tx.update(children).set({ isShielded: true, postcode: null }).where(eq(children.id, childId));
    return recordChange({
      db: tx,
      staff: caseworker,
      childId,
      action: 'child.shield',
      reason: `Shielded by the index team: ${change.reason}`,
      auditReason: change.reason,
      // The searchable postcode is a copy of the address, which does not change: the shield is the change.
      changes: [{ item: 'child', itemId: childId, field: 'isShielded', before: false, after: true }],
      query: { shieldId: shield!.id },
      expectedVersion: change.expectedVersion,
      clientAddress,
    });
  });
}
