import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db';
import { children } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import type { TShieldChange } from '@/lib/validation/shield-change';
import { shieldingRefusal, type ShieldingStaff } from './shielding-refusal';

/** What setting and lifting a shield both take: who, which child, the reason and the version they saw. */
export type ShieldChangeOptions = {
  db: Database;
  caseworker: ShieldingStaff;
  childId: string;
  change: TShieldChange;
  clientAddress?: string | null;
  now?: Date;
};

export type LockChildForShieldingOptions = { db: DbOrTx; staff: ShieldingStaff; childId: string };

/**
 * The start of setting or lifting a shield, inside its transaction: the live child's row locked (so two caseworkers
 * cannot both act on it), and the refusal if this member of staff may not.
 */
export async function lockChildForShielding({ db, staff, childId }: LockChildForShieldingOptions) {
  const [child] = await db
    .select({ isShielded: children.isShielded, addressStatus: children.addressStatus })
    .from(children)
    .where(and(eq(children.id, childId), eq(children.status, 'live'), isNull(children.mergedIntoId)))
    .for('update');
  if (!child) throw new AppError('not_found', 'This child is no longer on the index');
  const refusal = await shieldingRefusal({ db, staff, childId });
  if (refusal) throw new AppError('forbidden', refusal);
  return child;
}
