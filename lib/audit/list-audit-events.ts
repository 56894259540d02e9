import 'server-only';
import { and, asc, desc } from 'drizzle-orm';
import type { Database } from '@/db';
import { auditEvents } from '@/db/schema';
import type { TAuditFilter } from '@/lib/validation/audit-filter';
import { beyondCursor } from './audit-page-position';
import { type Auditor, requireAuditor } from './auditor';
import { recordAuditRead } from './record-audit-read';
import { resolveAuditFilter } from './resolve-audit-filter';
import { type AuditEventRow, inScopeOf, selectAuditEvents, toAuditEventRow } from './select-audit-events';

export const AUDIT_PAGE_SIZE = 50;
/** A search lists a short list; a retention run thousands. The list names the first few, the detail page all. */
const INDEX_NUMBERS_LISTED = 10;

export type AuditEventPage = {
  events: AuditEventRow[];
  /** The cursors for the links to the newer and the older page, null where there is none. */
  newer: string | null;
  older: string | null;
};

export type ListAuditEventsOptions = { db: Database; viewer: Auditor; filter: TAuditFilter; clientAddress?: string | null };

/**
 * One page of the audit trail that the viewer may read, newest first, narrowed by the filter. Reading it is itself
 * audited (the filter as identifiers, and the record the filter names), after the read, so the list never shows
 * its own reading.
 */
export async function listAuditEvents({ db, viewer, filter, clientAddress = null }: ListAuditEventsOptions): Promise<AuditEventPage> {
  requireAuditor(viewer);
  return db.transaction(async (tx) => {
    const resolved = await resolveAuditFilter({ db: tx, viewer, filter });
    const backwards = Boolean(filter.after);
    const position = filter.after ? beyondCursor(filter.after, 'newer') : filter.before ? beyondCursor(filter.before, 'older') : undefined;
    const rows = await selectAuditEvents(tx, viewer, { indexNumberLimit: INDEX_NUMBERS_LISTED })
      .where(and(inScopeOf(viewer), ...resolved.conditions, position))
      .orderBy(...(backwards ? [asc(auditEvents.occurredAt), asc(auditEvents.id)] : [desc(auditEvents.occurredAt), desc(auditEvents.id)]))
      .limit(AUDIT_PAGE_SIZE + 1);
    const more = rows.length > AUDIT_PAGE_SIZE;
    const events = rows.slice(0, AUDIT_PAGE_SIZE).map(toAuditEventRow);
    if (backwards) events.reverse();
    const first = events[0]?.cursor ?? null;
    const last = events.at(-1)?.cursor ?? null;
    const page = filter.before ? { before: filter.before } : filter.after ? { after: filter.after } : 'newest';
    await recordAuditRead({ db: tx, viewer, action: 'audit.explore', query: { filter: resolved.audited, page, shown: events.length }, childIds: resolved.childIds, clientAddress });
    if (backwards) return { events, newer: more ? first : null, older: last };
    return { events, newer: filter.before ? first : null, older: more ? last : null };
  });
}
