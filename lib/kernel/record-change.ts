import 'server-only';
import type { DbOrTx } from '@/db';
import type { RecordChange } from '@/db/schema';
import { recordAuditEvent } from './record-audit-event';
import { writeRecordVersion } from './write-record-version';

export type RecordChangeOptions = {
  db: DbOrTx;
  staff: { id: string; organisationId: string };
  childId: string;
  /** The audit action, e.g. "involvement.record". */
  action: string;
  /** Why, in the record's history: "Practitioner recorded their involvement". */
  reason: string;
  changes: RecordChange[];
  /** What the audit trail keeps beside the action: ids, never names. */
  query: Record<string, unknown>;
  /** The reason the member of staff gave, when the change needs one (shielding). */
  auditReason?: string;
  /** The version the member of staff was looking at (see writeRecordVersion). */
  expectedVersion?: number;
  clientAddress?: string | null;
};

/** Every change by a member of staff leaves a version of the record and an audit event, in the change's transaction. */
export async function recordChange(options: RecordChangeOptions): Promise<number> {
  const { db, staff, childId, action, reason, changes, query, auditReason = null, expectedVersion, clientAddress = null } = options;
  const version = await writeRecordVersion({ db, childId, changedByStaffId: staff.id, reason, changes, expectedVersion });
  await recordAuditEvent({
    db,
    event: { actorKind: 'staff', actorId: staff.id, organisationId: staff.organisationId, action, reason: auditReason, query: { ...query, version }, childIds: [childId], clientAddress },
  });
  return version;
}
