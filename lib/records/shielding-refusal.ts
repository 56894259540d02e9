import 'server-only';
import type { DbOrTx } from '@/db';
import type { Caseworker } from '@/lib/kernel/actors';
import { hasConflictOfInterest } from './conflict-of-interest';
import { findResponsibleAuthority } from './responsible-authority';

export type ShieldingStaff = Caseworker & { role: string };

export type ShieldingRefusalOptions = { db: DbOrTx; staff: ShieldingStaff; childId: string };

/**
 * Why this member of staff may not set or lift this child's shield, or null if they may: only the index team of the
 * council that answers for the child (the one holding the shield, else the council of the child's current address),
 * and never a caseworker who shares the child's family name and home address.
 */
export async function shieldingRefusal({ db, staff, childId }: ShieldingRefusalOptions): Promise<string | null> {
  if (staff.role !== 'caseworker') return 'Only the index team can shield a record or lift a shield.';
  if ((await findResponsibleAuthority(db, childId)) !== staff.localAuthorityCode) {
    return 'Only the index team of the council that answers for this child can shield the record or lift its shield.';
  }
  if (await hasConflictOfInterest({ db, caseworker: staff, childId })) {
    return 'This child shares your family name and home address. Ask a colleague to do this.';
  }
  return null;
}
