import 'server-only';
import { and, desc } from 'drizzle-orm';
import type { Database } from '@/db';
import { auditEvents } from '@/db/schema';
import { formatLondonTimestamp } from '@/lib/kernel/dates';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import type { TAuditFilter } from '@/lib/validation/audit-filter';
import { type Auditor, requireAuditor } from './auditor';
import { recordAuditRead } from './record-audit-read';
import { resolveAuditFilter } from './resolve-audit-filter';
import { inScopeOf, selectAuditEvents, toAuditEventRow } from './select-audit-events';
import { toCsv } from './to-csv';

/** Enough for any single investigation; a bigger export is a job for the database team, not a browser download. */
export const EXPORT_LIMIT = 10_000;

export const EXPORT_HEADER = [
  'Event',
  'When (UK time)',
  'When (UTC)',
  'Who',
  'User name',
  'Role',
  'Organisation',
  'Action',
  'Action code',
  'Reason',
  'Index numbers',
  'Outcome',
] as const;

export type AuditExport = { csv: string; rowCount: number; truncated: boolean };

export type ExportAuditEventsOptions = { db: Database; viewer: Auditor; filter: TAuditFilter; clientAddress?: string | null };

/**
 * The events the viewer may read that match the filter, newest first, as CSV, at most EXPORT_LIMIT of them (a last
 * line says so when there were more). A search's typed query (names, dates of birth) is left out: the file leaves
 * the index, and the detail page shows the query one event at a time. The download is itself audited.
 */
export async function exportAuditEvents({ db, viewer, filter, clientAddress = null }: ExportAuditEventsOptions): Promise<AuditExport> {
  requireAuditor(viewer);
  return db.transaction(async (tx) => {
    const resolved = await resolveAuditFilter({ db: tx, viewer, filter });
    const rows = await selectAuditEvents(tx, viewer)
      .where(and(inScopeOf(viewer), ...resolved.conditions))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(EXPORT_LIMIT + 1);
    const truncated = rows.length > EXPORT_LIMIT;
    const events = rows.slice(0, EXPORT_LIMIT).map(toAuditEventRow);
    const lines = events.map((e) => [
      e.id,
      formatLondonTimestamp(e.occurredAt),
      e.occurredAt.toISOString(),
      e.who,
      e.username,
      e.role,
      e.organisationName,
      e.actionLabel,
      e.action,
      e.reason,
      e.childLinkWithheld ? 'Withheld: a sensitive service’s event' : e.indexNumbers.map(formatIndexNumber).join('; '),
      e.outcome,
    ]);
    const notice = truncated ? [[`Only the newest ${EXPORT_LIMIT.toLocaleString('en-GB')} events are in this file. Narrow the filter (for example by dates) to download the rest.`]] : [];
    await recordAuditRead({ db: tx, viewer, action: 'audit.export', query: { filter: resolved.audited, rows: events.length, truncated }, childIds: resolved.childIds, clientAddress });
    return { csv: toCsv([EXPORT_HEADER, ...lines, ...notice]), rowCount: events.length, truncated };
  });
}
