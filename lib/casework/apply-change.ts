import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { addresses, carers, childAddresses, children, correctionNotices, type RecordChange } from '@/db/schema';
import { writeRecordVersion } from '@/lib/kernel/write-record-version';
import type { CorrectionChange } from '@/lib/validation/correction-change';
import type { CurrentItem } from './current-item';

export type ApplyChangeOptions = {
  db: DbOrTx;
  childId: string;
  item: CurrentItem;
  change: CorrectionChange;
  staffId: string;
  /** Why, as the record version keeps it: the correction request's reference, or the caseworker's own words. */
  reason: string;
  /** The correction request the change answers, if any. */
  requestId?: string;
  expectedVersion: number;
  now: Date;
};

type ItemKind = (typeof correctionNotices.$inferInsert)['itemKind'];

const asText = (value: Record<string, string | null>) => Object.values(value).filter(Boolean).join(', ');

/**
 * Makes a caseworker's change to one item, inside the caller's transaction: a new version of the record (refused as
 * a conflict if the record moved on since the caseworker looked), the item itself with the caseworker as its source,
 * and — for an item a source system sent — a correction notice, so that the source's next load does not put the old
 * value back.
 */
export async function applyChange({ db, childId, item, change, staffId, reason, requestId, expectedVersion, now }: ApplyChangeOptions): Promise<number> {
  const [itemKind, field] = change.key.split(':') as [ItemKind, string];
  const changes: RecordChange[] = Object.entries(change.value)
    .filter(([name, after]) => (item.value[name] ?? null) !== (after ?? null))
    .map(([name, after]) => ({ item: itemKind, itemId: item.rowId, field: name, before: item.value[name] ?? null, after }));
  const version = await writeRecordVersion({ db, childId, changedByStaffId: staffId, reason, changes, expectedVersion, correctionRequestId: requestId });
  const provenance = { sourceSystemId: null, recordedByStaffId: staffId, lastConfirmedAt: now };

  switch (change.key) {
    case 'child:name':
    case 'child:dateOfBirth':
    case 'child:gender':
      await db.update(children).set({ ...change.value, ...provenance }).where(eq(children.id, childId));
      break;
    case 'address:address': {
      // A new address row: the old one may be a sibling's or a parent's too, and they are not what was corrected.
      const [old] = await db.select({ localAuthorityCode: addresses.localAuthorityCode }).from(childAddresses).innerJoin(addresses, eq(addresses.id, childAddresses.addressId)).where(eq(childAddresses.id, item.rowId));
      const [created] = await db.insert(addresses).values({ ...change.value, localAuthorityCode: old?.localAuthorityCode ?? null }).returning({ id: addresses.id });
      await db.update(childAddresses).set({ addressId: created!.id, ...provenance }).where(eq(childAddresses.id, item.rowId));
      const [child] = await db.select({ isShielded: children.isShielded }).from(children).where(eq(children.id, childId));
      // The searchable postcode of a shielded child stays empty.
      if (!child!.isShielded) await db.update(children).set({ postcode: change.value.postcode }).where(eq(children.id, childId));
      break;
    }
    case 'carer:details':
    case 'carer:name':
    case 'carer:phone':
    case 'carer:email':
      await db.update(carers).set({ ...change.value, ...provenance }).where(eq(carers.id, item.rowId));
      break;
  }

  if (item.sourceSystemId) {
    await db.insert(correctionNotices).values({
      sourceSystemId: item.sourceSystemId,
      childId: childId,
      requestId: requestId ?? null,
      itemKind,
      field,
      previousValue: asText(item.value),
      correctedValue: asText(change.value),
      recordVersion: version,
      createdAt: now,
    });
  }
  return version;
}
