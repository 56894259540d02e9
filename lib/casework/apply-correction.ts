import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { addresses, carers, childAddresses, children, correctionNotices, type RecordChange } from '@/db/schema';
import { writeRecordVersion } from '@/lib/records/write-record-version';
import type { CorrectionChange } from '@/lib/validation/correction-change';
import type { CurrentItem } from './current-item';

export type ApplyCorrectionOptions = {
  db: DbOrTx;
  request: { id: string; reference: string; childId: string; itemKind: (typeof correctionNotices.$inferInsert)['itemKind']; field: string };
  item: CurrentItem;
  change: CorrectionChange;
  staffId: string;
  expectedVersion: number;
  now: Date;
};

const asText = (value: Record<string, string | null>) => Object.values(value).filter(Boolean).join(', ');

/**
 * Makes an approved change, inside the caller's transaction: a new version of the record (refused as a conflict if
 * the record moved on since the caseworker looked), the item itself with the caseworker as its source, and — for an
 * item a source system sent — a correction notice, so that the source's next load does not put the old value back.
 */
export async function applyCorrection({ db, request, item, change, staffId, expectedVersion, now }: ApplyCorrectionOptions): Promise<number> {
  const changes: RecordChange[] = Object.entries(change.value)
    .filter(([field, after]) => (item.value[field] ?? null) !== (after ?? null))
    .map(([field, after]) => ({ item: request.itemKind, itemId: item.rowId, field, before: item.value[field] ?? null, after }));
  const version = await writeRecordVersion({
    db,
    childId: request.childId,
    changedByStaffId: staffId,
    reason: `Correction ${request.reference}`,
    changes,
    expectedVersion,
    correctionRequestId: request.id,
  });
  const provenance = { sourceSystemId: null, recordedByStaffId: staffId, lastConfirmedAt: now };

  switch (change.key) {
    case 'child:name':
    case 'child:dateOfBirth':
    case 'child:gender':
      await db.update(children).set({ ...change.value, ...provenance }).where(eq(children.id, request.childId));
      break;
    case 'address:address': {
      // A new address row: the old one may be a sibling's or a parent's too, and they are not what was corrected.
      const [old] = await db.select({ localAuthorityCode: addresses.localAuthorityCode }).from(childAddresses).innerJoin(addresses, eq(addresses.id, childAddresses.addressId)).where(eq(childAddresses.id, item.rowId));
      const [created] = await db.insert(addresses).values({ ...change.value, localAuthorityCode: old?.localAuthorityCode ?? null }).returning({ id: addresses.id });
      await db.update(childAddresses).set({ addressId: created!.id, ...provenance }).where(eq(childAddresses.id, item.rowId));
      const [child] = await db.select({ isShielded: children.isShielded }).from(children).where(eq(children.id, request.childId));
      // The searchable postcode of a shielded child stays empty.
      if (!child!.isShielded) await db.update(children).set({ postcode: change.value.postcode }).where(eq(children.id, request.childId));
      break;
    }
    case 'carer:details':
      await db.update(carers).set({ ...change.value, ...provenance }).where(eq(carers.id, item.rowId));
      break;
  }

  if (item.sourceSystemId) {
    await db.insert(correctionNotices).values({
      sourceSystemId: item.sourceSystemId,
      childId: request.childId,
      requestId: request.id,
      itemKind: request.itemKind,
      field: request.field,
      previousValue: asText(item.value),
      correctedValue: asText(change.value),
      recordVersion: version,
      createdAt: now,
    });
  }
  return version;
}
