import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { alerts, auditEvents, organisations } from '@/db/schema';
import { RECORD_VIEW_ACTIONS } from '@/lib/audit/audit-actions';
import { aboutAnyOf, londonDay } from '@/lib/audit/audit-conditions';

export type RecordViewer = { on: string; organisationName: string; organisationKind: string };

/** Enough for anyone's record; older views stay on the audit trail and in a subject access request. */
const MAX_LISTED = 200;

export type ListRecordViewersOptions = { db: DbOrTx; childId: string };

/**
 * "Who looked at my record": the organisations whose staff opened it, one line per organisation per day, newest
 * first — never a person's name. The same events as the audit explorer's "who looked at this child", coarser. A
 * shield override is listed only once the index team has closed its review, so the list cannot tip anyone off
 * during an investigation.
 */
export async function listRecordViewers({ db, childId }: ListRecordViewersOptions): Promise<RecordViewer[]> {
  const day = londonDay();
  const overrideReviewed = sql`exists (
    select 1 from ${alerts}
    where ${alerts.childId} = ${childId}::uuid and ${alerts.staffUserId} = ${auditEvents.actorId} and ${alerts.kind} = 'shield_override'
      and ${alerts.reviewedAt} is not null and ${alerts.raisedAt} <= ${auditEvents.occurredAt})`;
  const rows = await db
    .select({ on: day, organisationName: organisations.name, organisationKind: sql<string>`${organisations.kind}::text` })
    .from(auditEvents)
    .innerJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(
      and(
        aboutAnyOf([childId]),
        inArray(auditEvents.action, [...RECORD_VIEW_ACTIONS]),
        eq(auditEvents.actorKind, 'staff'),
        sql`(coalesce((${auditEvents.query}->>'shieldOverride')::boolean, false) = false or ${overrideReviewed})`,
      ),
    )
    .groupBy(day, organisations.name, organisations.kind)
    .orderBy(desc(day), asc(organisations.name))
    .limit(MAX_LISTED);
  return rows;
}
