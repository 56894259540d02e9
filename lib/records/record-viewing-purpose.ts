import 'server-only';
import type { DbOrTx } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { describeReason, type TViewingPurpose } from '@/lib/validation/viewing-purpose';

export type RecordViewingPurposeOptions = {
  db: DbOrTx;
  viewer: { id: string; organisationId: string };
  childId: string;
  purpose: TViewingPurpose;
  clientAddress?: string | null;
};

/** Writes down why a member of staff is about to open a record, and returns the event a view will cite. */
export async function recordViewingPurpose({ db, viewer, childId, purpose, clientAddress = null }: RecordViewingPurposeOptions): Promise<number> {
  return recordAuditEvent({
    db,
    event: {
      actorKind: 'staff',
      actorId: viewer.id,
      organisationId: viewer.organisationId,
      action: 'child.view.purpose',
      reason: describeReason(purpose),
      childIds: [childId],
      clientAddress,
    },
  });
}
