import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { auditEvents } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RecordView, RecordViewer } from './child-record';
import { findViewingPurpose } from './find-viewing-purpose';
import { loadChildRecord } from './load-child-record';
import { resolveMergedRecord } from './resolve-merged-record';
import { visibleRecord } from './visible-record';

/** A shield override opens the record once, straight after the reason is given. */
export const OVERRIDE_LIFETIME_MS = 10 * 60 * 1000;

export type ViewChildRecordResult =
  | { outcome: 'not_found' }
  | { outcome: 'purpose_needed' }
  | {
      outcome: 'viewed';
      view: RecordView;
      /** The audited view: a link onward from this page (other children at the address) cites it. */
      viewEventId: number;
      /** Set when the id asked for was merged into this record. */
      mergedFromId: string | null;
      /** The practitioner came back to a record whose single overridden view was already used. */
      overrideSpent: boolean;
    };

export type ViewChildRecordOptions = {
  db: Database;
  viewer: RecordViewer & { organisationId: string };
  childId: string;
  /** The audited step that explains this view (see findViewingPurpose). */
  purposeEventId: number | null;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * Opens a child's record for a member of staff: follows a merge, checks the stated reason, applies the shield and
 * sensitive-service rules, and writes the view to the audit trail in the same transaction as the read.
 */
export async function viewChildRecord({ db, viewer, childId, purposeEventId, clientAddress = null, now = new Date() }: ViewChildRecordOptions): Promise<ViewChildRecordResult> {
  return db.transaction(async (tx) => {
    const resolvedId = await resolveMergedRecord({ db: tx, childId });
    if (!resolvedId) return { outcome: 'not_found' };
    if (purposeEventId === null) return { outcome: 'purpose_needed' };
    const purpose = await findViewingPurpose({ db: tx, viewerId: viewer.id, childId, purposeEventId, now });
    if (!purpose) return { outcome: 'purpose_needed' };
    const record = await loadChildRecord({ db: tx, childId: resolvedId });
    if (!record) return { outcome: 'not_found' };

    let overridden = false;
    let overrideSpent = false;
    if (purpose.action === 'child.shield_override') {
      // Two tabs opening the same override must not both get the details.
      await tx.execute(sql`select pg_advisory_xact_lock(${purpose.eventId})`);
      const fresh = now.getTime() - purpose.occurredAt.getTime() < OVERRIDE_LIFETIME_MS;
      const [used] = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, viewer.id), eq(auditEvents.action, 'child.view'), sql`(${auditEvents.query}->>'overrideEventId')::bigint = ${purpose.eventId}`))
        .limit(1);
      overridden = fresh && !used;
      overrideSpent = !overridden;
    }
    const view = visibleRecord({ record, viewer, shieldOverridden: overridden });
    const viewEventId = await recordAuditEvent({
      db: tx,
      event: {
        actorKind: 'staff',
        actorId: viewer.id,
        organisationId: viewer.organisationId,
        action: 'child.view',
        reason: purpose.reason,
        query: {
          purposeEventId: purpose.eventId,
          shown: view.kind,
          shieldOverride: overridden,
          ...(overridden ? { overrideEventId: purpose.eventId } : {}),
        },
        childIds: resolvedId === childId ? [childId] : [resolvedId, childId],
        clientAddress,
      },
    });
    return { outcome: 'viewed', view, viewEventId, mergedFromId: resolvedId === childId ? null : childId, overrideSpent };
  });
}
