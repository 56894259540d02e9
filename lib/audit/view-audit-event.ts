import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { auditEvents } from '@/db/schema';
import { type Auditor, requireAuditor } from './auditor';
import { recordAuditRead } from './record-audit-read';
import { type AuditEventRow, inScopeOf, selectAuditEvents, toAuditEventRow } from './select-audit-events';

/** One event in full: every record involved, and the query as typed (a search's names and dates of birth). */
export type AuditEventDetail = AuditEventRow & { query: Record<string, unknown> | null; clientAddress: string | null };

export type ViewAuditEventOptions = { db: Database; viewer: Auditor; eventId: number; clientAddress?: string | null };

/** One event the viewer may read, or null (whether it does not exist or is another council's); audited either way. */
export async function viewAuditEvent({ db, viewer, eventId, clientAddress = null }: ViewAuditEventOptions): Promise<AuditEventDetail | null> {
  requireAuditor(viewer);
  return db.transaction(async (tx) => {
    const [row] = await selectAuditEvents(tx, viewer).where(and(inScopeOf(viewer), eq(auditEvents.id, eventId)));
    await recordAuditRead({ db: tx, viewer, action: 'audit.view_event', query: { eventId }, outcome: row ? 'ok' : 'not_found', clientAddress });
    if (!row) return null;
    const [typed] = await tx.select({ query: auditEvents.query, clientAddress: auditEvents.clientAddress }).from(auditEvents).where(eq(auditEvents.id, eventId));
    const event = toAuditEventRow(row);
    // What a searcher typed, or which involvement, ties the event to a child as surely as its index numbers.
    const query = event.childLinkWithheld ? null : ((typed?.query as Record<string, unknown> | null) ?? null);
    return { ...event, query, clientAddress: typed?.clientAddress ?? null };
  });
}
