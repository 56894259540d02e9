import 'server-only';
import type { Database } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { AppError } from '@/lib/kernel/errors';
import type { CorrectionChange } from '@/lib/validation/correction-change';
import type { Caseworker } from '@/lib/kernel/actors';
import { applyChange } from './apply-change';
import { loadCurrentItem } from './current-item';
import { requireRecordInCare } from './require-record-in-care';

export type EditRecordOptions = {
  db: Database;
  caseworker: Caseworker;
  childId: string;
  change: CorrectionChange;
  /** The carer whose details change; the other items are the child's own. */
  itemId: string | null;
  reason: string;
  expectedVersion: number;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * A caseworker changes one item of a record without a request (a source's mistake reported by phone, say): in one
 * transaction the item, a record version with the caseworker's reason, a correction notice for the source that sent
 * the item, and the audit event. Returns the new version.
 */
export async function editRecord({ db, caseworker, childId, change, itemId, reason, expectedVersion, clientAddress = null, now = new Date() }: EditRecordOptions): Promise<number> {
  return db.transaction(async (tx) => {
    await requireRecordInCare({ db: tx, caseworker, childId });
    const [itemKind, field] = change.key.split(':') as [string, string];
    const item = await loadCurrentItem({ db: tx, childId, itemKind, field, itemId });
    if (!item) throw new AppError('conflict', 'This item is no longer on the record. Go back to the record to see it as it is now.');
    if (Object.entries(change.value).every(([name, value]) => (item.value[name] ?? null) === (value ?? null))) {
      throw new AppError('invalid', 'That is what the record already holds. Change something, or go back to the record.');
    }
    const version = await applyChange({ db: tx, childId, item, change, staffId: caseworker.id, reason, expectedVersion, now });
    await recordAuditEvent({
      db: tx,
      event: {
        actorKind: 'staff',
        actorId: caseworker.id,
        organisationId: caseworker.organisationId,
        action: 'child.edit',
        reason,
        query: { item: change.key, itemId: item.rowId, version },
        childIds: [childId],
        clientAddress,
      },
    });
    return version;
  });
}
