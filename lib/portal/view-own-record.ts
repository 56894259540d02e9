import 'server-only';
import type { Database } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { type DeniedReason, findCitizenAccess } from '@/lib/citizen-access/find-citizen-access';
import { loadChildRecord } from '@/lib/records/load-child-record';
import { type CitizenRecord, citizenRecord } from './citizen-record';
import { listRecordViewers, type RecordViewer } from './list-record-viewers';

export type CitizenRecordView = { relationship: 'self' | 'parent'; record: CitizenRecord; viewers: RecordViewer[] };

export type ViewOwnRecordResult = { outcome: 'not_allowed'; reason: DeniedReason } | { outcome: 'viewed'; view: CitizenRecordView };

export type ViewOwnRecordOptions = { db: Database; citizen: { id: string }; linkId: string; clientAddress?: string | null; now?: Date };

/**
 * A young person's or parent's view of the record, as held (see citizenRecord), with where each item came from and
 * who looked at it. Every view is audited in the same transaction.
 */
export async function viewOwnRecord({ db, citizen, linkId, clientAddress = null, now = new Date() }: ViewOwnRecordOptions): Promise<ViewOwnRecordResult> {
  return db.transaction(async (tx) => {
    const access = await findCitizenAccess({ db: tx, citizenId: citizen.id, linkId, now });
    if (!access.allowed) return { outcome: 'not_allowed', reason: access.reason };
    const held = await loadChildRecord({ db: tx, childId: access.childId });
    if (!held) return { outcome: 'not_allowed', reason: 'not_available' };
    const relationship = access.link.relationship;
    const view: CitizenRecordView = {
      relationship,
      record: citizenRecord(held, relationship),
      viewers: await listRecordViewers({ db: tx, childId: access.childId, relationship }),
    };
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'citizen', actorId: citizen.id, action: 'citizen.record.view', query: { linkId, relationship }, childIds: [access.childId], clientAddress },
    });
    return { outcome: 'viewed', view };
  });
}
