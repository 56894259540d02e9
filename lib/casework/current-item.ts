import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { addresses, carers, childAddresses, childCarers, children, sourceSystems, staffUsers } from '@/db/schema';
import { type ChangeKey, changeKeyOf } from '@/lib/validation/correction-change';

type ProvenanceRow = { sourceSystemId: string | null; recordedByStaffId: string | null; lastConfirmedAt: Date };

/** An item as the record holds it now, in the shape its change schema uses, with where it came from. */
export type CurrentItem = {
  key: ChangeKey;
  /** The row that changes: the child, the child's current address link, or the carer. */
  rowId: string;
  value: Record<string, string | null>;
  sourceSystemId: string | null;
  source: string;
  lastConfirmedAt: Date;
};

async function describeSource(db: DbOrTx, row: ProvenanceRow): Promise<string> {
  if (row.sourceSystemId) {
    const [system] = await db.select({ name: sourceSystems.name }).from(sourceSystems).where(eq(sourceSystems.id, row.sourceSystemId));
    return system?.name ?? 'A source system';
  }
  if (row.recordedByStaffId) {
    const [staff] = await db.select({ name: staffUsers.displayName }).from(staffUsers).where(eq(staffUsers.id, row.recordedByStaffId));
    return staff ? `${staff.name} (index team or practitioner)` : 'A member of staff';
  }
  return 'Not recorded';
}

async function itemWithSource(db: DbOrTx, key: ChangeKey, rowId: string, value: CurrentItem['value'], row: ProvenanceRow): Promise<CurrentItem> {
  return { key, rowId, value, sourceSystemId: row.sourceSystemId, source: await describeSource(db, row), lastConfirmedAt: row.lastConfirmedAt };
}

/**
 * Reads the item a request is about, as it is now (it may have changed since the request arrived). Null when the
 * item is not one the index team changes here, or no longer exists.
 */
export async function loadCurrentItem({ db, childId, itemKind, field, itemId }: { db: DbOrTx; childId: string; itemKind: string; field: string; itemId: string | null }): Promise<CurrentItem | null> {
  const key = changeKeyOf(itemKind, field);
  if (!key) return null;
  if (key === 'address:address') {
    const [home] = await db
      .select({ link: childAddresses, address: addresses })
      .from(childAddresses)
      .innerJoin(addresses, eq(addresses.id, childAddresses.addressId))
      .where(and(eq(childAddresses.childId, childId), isNull(childAddresses.livedUntil)));
    if (!home) return null;
    const { line1, line2, town, postcode } = home.address;
    return itemWithSource(db, key, home.link.id, { line1, line2, town, postcode }, home.link);
  }
  if (key.startsWith('carer:')) {
    if (!itemId) return null;
    // Only a carer of this child: an id from a form must not reach someone else's carer.
    const [carer] = await db
      .select({ id: carers.id, givenNames: carers.givenNames, familyName: carers.familyName, phone: carers.phone, email: carers.email, sourceSystemId: carers.sourceSystemId, recordedByStaffId: carers.recordedByStaffId, lastConfirmedAt: carers.lastConfirmedAt })
      .from(carers)
      .innerJoin(childCarers, and(eq(childCarers.carerId, carers.id), eq(childCarers.childId, childId)))
      .where(eq(carers.id, itemId));
    if (!carer) return null;
    const value: CurrentItem['value'] =
      key === 'carer:name'
        ? { givenNames: carer.givenNames, familyName: carer.familyName }
        : key === 'carer:phone'
          ? { phone: carer.phone }
          : key === 'carer:email'
            ? { email: carer.email }
            : { phone: carer.phone, email: carer.email };
    return itemWithSource(db, key, carer.id, value, carer);
  }
  const [child] = await db.select().from(children).where(eq(children.id, childId));
  if (!child) return null;
  const value: CurrentItem['value'] =
    key === 'child:name'
      ? { givenNames: child.givenNames, familyName: child.familyName }
      : key === 'child:dateOfBirth'
        ? { dateOfBirth: child.dateOfBirth }
        : { gender: child.gender };
  return itemWithSource(db, key, child.id, value, child);
}
