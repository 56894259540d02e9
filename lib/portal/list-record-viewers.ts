import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { alerts, auditEvents, organisations } from '@/db/schema';
import { RECORD_VIEW_ACTIONS } from '@/lib/kernel/audit-actions';
import { aboutAnyOf, londonDay, sensitiveServiceRevealed } from '@/lib/audit/audit-conditions';
import { seesSensitiveService } from '@/lib/sensitive-services/sensitive-services-seen-by';

export type RecordViewer = { on: string; organisationName: string; organisationKind: string };

/** What a reader not entitled to a sensitive service sees in its place (the DOMAIN's words for the parent's view). */
const UNNAMED_SERVICE = { organisationName: 'A health service', organisationKind: 'health_service' } as const;

/** Enough for anyone's record; older views stay on the audit trail and in a subject access request. */
const MAX_LISTED = 200;

export type ListRecordViewersOptions = { db: DbOrTx; childId: string; relationship: 'self' | 'parent' };

/**
 * "Who looked at my record": the organisations whose staff opened it, one line per organisation per day, newest
 * first — never a person's name. The same events as the audit explorer's "who looked at this child", coarser. A
 * shield override is listed only once the index team has closed its review, so the list cannot tip anyone off
 * during an investigation. A sensitive service (or an organisation practising one) that the reader may not know of
 * is "a health service": the young person sees it named, their parent never does (see sensitive-services-seen-by).
 */
export async function listRecordViewers({ db, childId, relationship }: ListRecordViewersOptions): Promise<RecordViewer[]> {
  const day = londonDay();
  const overrideReviewed = sql`exists (
    select 1 from ${alerts}
    where ${alerts.childId} = ${childId}::uuid and ${alerts.staffUserId} = ${auditEvents.actorId} and ${alerts.kind} = 'shield_override'
      and ${alerts.reviewedAt} is not null and ${alerts.raisedAt} <= ${auditEvents.occurredAt})`;
  const service = sensitiveServiceRevealed();
  const rows = await db
    .select({ on: day, organisationName: organisations.name, organisationKind: sql<string>`${organisations.kind}::text`, service })
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
    .groupBy(day, organisations.name, organisations.kind, service)
    .orderBy(desc(day), asc(organisations.name))
    .limit(MAX_LISTED);
  const listed = new Map<string, RecordViewer>();
  for (const { service: code, ...viewer } of rows) {
    const shown = code && !seesSensitiveService({ kind: 'citizen', relationship }, code) ? { on: viewer.on, ...UNNAMED_SERVICE } : viewer;
    listed.set(JSON.stringify(shown), shown);
  }
  return [...listed.values()];
}
