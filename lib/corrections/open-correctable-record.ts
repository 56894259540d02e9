import 'server-only';
import type { Database } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { type CorrectableRecord, loadCorrectableRecord } from './load-correctable-record';

export type OpenCorrectableRecordOptions = { db: Database; citizen: { id: string }; linkId: string; clientAddress?: string | null };

/** The correction form shows the record's items as held: that is a view of the record, audited as one. */
export async function openCorrectableRecord({ db, citizen, linkId, clientAddress = null }: OpenCorrectableRecordOptions): Promise<CorrectableRecord | null> {
  return db.transaction(async (tx) => {
    const correctable = await loadCorrectableRecord({ db: tx, citizenId: citizen.id, linkId });
    if (!correctable) return null;
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'citizen', actorId: citizen.id, action: 'citizen.record.view', query: { linkId, for: 'correction' }, childIds: [correctable.childId], clientAddress },
    });
    return correctable;
  });
}
