import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { carers, childCarers, children } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import type { ChangeKey } from '@/lib/validation/correction-change';
import type { Caseworker } from '@/lib/kernel/actors';
import { type CurrentItem, loadCurrentItem } from './current-item';
import { requireRecordInCare } from './require-record-in-care';

export type EditableItem = CurrentItem & { label: string; itemId: string | null };

export type EditableRecord = {
  child: { id: string; indexNumber: string; givenNames: string; familyName: string; version: number };
  items: EditableItem[];
};

const CHILD_ITEMS: { key: ChangeKey; label: string }[] = [
  { key: 'child:name', label: 'Name' },
  { key: 'child:dateOfBirth', label: 'Date of birth' },
  { key: 'child:gender', label: 'Gender' },
  { key: 'address:address', label: 'Address' },
];

/**
 * The items of a record that a caseworker can change directly, as held now with their sources, and the version the
 * change will be checked against. Refused (AppError) where the caseworker may not change the record; the read is
 * audited.
 */
export async function loadEditableRecord({ db, caseworker, childId, clientAddress = null }: { db: Database; caseworker: Caseworker; childId: string; clientAddress?: string | null }): Promise<EditableRecord> {
  return db.transaction(async (tx) => {
    await requireRecordInCare({ db: tx, caseworker, childId });
    const [child] = await tx
      .select({ id: children.id, indexNumber: children.indexNumber, givenNames: children.givenNames, familyName: children.familyName, version: children.version })
      .from(children)
      .where(eq(children.id, childId));
    const items: EditableItem[] = [];
    for (const { key, label } of CHILD_ITEMS) {
      const [itemKind, field] = key.split(':') as [string, string];
      const item = await loadCurrentItem({ db: tx, childId, itemKind, field, itemId: null });
      if (item) items.push({ ...item, label, itemId: null });
    }
    const linked = await tx
      .select({ carerId: carers.id, givenNames: carers.givenNames, familyName: carers.familyName })
      .from(childCarers)
      .innerJoin(carers, eq(carers.id, childCarers.carerId))
      .where(eq(childCarers.childId, childId))
      .orderBy(asc(carers.familyName), asc(carers.givenNames));
    for (const carer of linked) {
      const item = await loadCurrentItem({ db: tx, childId, itemKind: 'carer', field: 'details', itemId: carer.carerId });
      if (item) items.push({ ...item, label: `Contact details of ${carer.givenNames} ${carer.familyName}`, itemId: carer.carerId });
    }
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'staff', actorId: caseworker.id, organisationId: caseworker.organisationId, action: 'child.view_for_edit', childIds: [childId], clientAddress },
    });
    return { child: child!, items };
  });
}
