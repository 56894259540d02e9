import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db';
import { auditEvents, children, shields } from '@/db/schema';
import { recordAuditEvent, type AuditEvent } from '@/lib/kernel/record-audit-event';
import type { RecordView, RecordViewer } from './child-record';
import { findViewingPurpose, type ViewingPurpose } from './find-viewing-purpose';
import { isIndexTeamFor } from './is-index-team-for';
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
      /** The search this visit started from, for the way back to its results; null if it started elsewhere. */
      searchEventId: number | null;
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

type ViewRequest = Omit<ViewChildRecordOptions, 'purposeEventId' | 'now'> & { resolvedId: string; purpose: ViewingPurpose };

/**
 * Opens a child's record for a member of staff: follows a merge, checks the stated reason, applies the shield and
 * sensitive-service rules, and writes the view to the audit trail. Nothing is returned unless its audit event has
 * been committed.
 */
export async function viewChildRecord({ db, viewer, childId, purposeEventId, clientAddress = null, now = new Date() }: ViewChildRecordOptions): Promise<ViewChildRecordResult> {
  const resolvedId = await resolveMergedRecord({ db, childId });
  if (!resolvedId) return { outcome: 'not_found' };
  if (purposeEventId === null) return { outcome: 'purpose_needed' };
  const purpose = await findViewingPurpose({ db, viewerId: viewer.id, childId, purposeEventId, now });
  if (!purpose) return { outcome: 'purpose_needed' };
  const request = { db, viewer, childId, resolvedId, purpose, clientAddress };
  return purpose.action === 'child.shield_override' ? viewOverriddenRecord({ ...request, now }) : viewWithPurpose(request);
}

/**
 * The usual view. Its audit event is committed on a connection of its own while the record is read, so the
 * trail's commit (a disk flush) overlaps the reads instead of following them. What the event says was shown is
 * decided from the shield flag first and checked against the record as read: a shield set or lifted in between
 * gets an event of its own before anything is returned.
 */
async function viewWithPurpose(request: ViewRequest): Promise<ViewChildRecordResult> {
  const { db, viewer, resolvedId } = request;
  const [child] = await db
    .select({ isShielded: children.isShielded, shieldAuthorityCode: shields.responsibleLocalAuthorityCode })
    .from(children)
    .leftJoin(shields, and(eq(shields.childId, children.id), isNull(shields.liftedAt)))
    .where(eq(children.id, resolvedId));
  if (!child) return { outcome: 'not_found' };
  const expected = child.isShielded && !isIndexTeamFor(viewer, child.shieldAuthorityCode) ? 'shielded' : 'full';
  const [record, expectedEventId] = await Promise.all([
    db.transaction((tx) => loadChildRecord({ db: tx, childId: resolvedId }), { isolationLevel: 'repeatable read', accessMode: 'read only' }),
    recordAuditEvent({ db, event: viewEvent(request, expected, false) }),
  ]);
  if (!record) return { outcome: 'not_found' };
  const view = visibleRecord({ record, viewer, shieldOverridden: false });
  const viewEventId = view.kind === expected ? expectedEventId : await recordAuditEvent({ db, event: viewEvent(request, view.kind, false) });
  return { outcome: 'viewed', view, viewEventId, mergedFromId: mergedFrom(request), overrideSpent: false, searchEventId: request.purpose.searchEventId };
}

/** After a shield override: one transaction, so that two tabs opening the same override cannot both get the details. */
async function viewOverriddenRecord(request: ViewRequest & { now: Date }): Promise<ViewChildRecordResult> {
  const { viewer, resolvedId, purpose, now } = request;
  return request.db.transaction(async (tx) => {
    const record = await loadChildRecord({ db: tx, childId: resolvedId });
    if (!record) return { outcome: 'not_found' };
    await tx.execute(sql`select pg_advisory_xact_lock(${purpose.eventId})`);
    const fresh = now.getTime() - purpose.occurredAt.getTime() < OVERRIDE_LIFETIME_MS;
    const overridden = fresh && !(await overrideAlreadyUsed(tx, viewer.id, purpose.eventId));
    const view = visibleRecord({ record, viewer, shieldOverridden: overridden });
    const viewEventId = await recordAuditEvent({ db: tx, event: viewEvent(request, view.kind, overridden) });
    return { outcome: 'viewed', view, viewEventId, mergedFromId: mergedFrom(request), overrideSpent: !overridden, searchEventId: request.purpose.searchEventId };
  });
}

const overrideAlreadyUsed = async (tx: DbOrTx, viewerId: string, overrideEventId: number) => {
  const [used] = await tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, viewerId), eq(auditEvents.action, 'child.view'), sql`(${auditEvents.query}->>'overrideEventId')::bigint = ${overrideEventId}`))
    .limit(1);
  return Boolean(used);
};

const mergedFrom = ({ childId, resolvedId }: ViewRequest) => (resolvedId === childId ? null : childId);

const viewEvent = ({ viewer, childId, resolvedId, purpose, clientAddress }: ViewRequest, shown: RecordView['kind'], overridden: boolean): AuditEvent => ({
  actorKind: 'staff',
  actorId: viewer.id,
  organisationId: viewer.organisationId,
  action: 'child.view',
  reason: purpose.reason,
  query: {
    purposeEventId: purpose.eventId,
    shown,
    shieldOverride: overridden,
    ...(overridden ? { overrideEventId: purpose.eventId } : {}),
    ...(purpose.searchEventId === null ? {} : { searchEventId: purpose.searchEventId }),
  },
  childIds: resolvedId === childId ? [childId] : [resolvedId, childId],
  clientAddress: clientAddress ?? null,
});
