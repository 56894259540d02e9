import 'server-only';
import { and, eq, not, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEvents, children, organisations, staffUsers } from '@/db/schema';
import type { TAuditFilter } from '@/lib/validation/audit-filter';
import { aboutAnyOf, onOrAfterLondonDay, onOrBeforeLondonDay, revealsSensitiveServiceHiddenFrom } from './audit-conditions';
import { type Auditor, sensitiveServicesSeenByAuditor } from './auditor';

export type ResolvedAuditFilter = {
  conditions: SQL[];
  /** The records the filter names: the child with the index number and any duplicate merged into it. */
  childIds: string[];
  /** What the trail keeps of the filter used to read it: identifiers and dates, never the user name typed. */
  audited: Record<string, string | null | undefined>;
};

export type ResolveAuditFilterOptions = { db: DbOrTx; viewer: Auditor; filter: TAuditFilter };

/**
 * Turns the filter's identifiers into record and user ids, and the filter into conditions on the events of
 * selectAuditEvents (the organisation is matched on its join). "Who looked at this child" leaves out the events of a
 * sensitive service the viewer may not see tied to a child: being listed under the child would tie it.
 */
export async function resolveAuditFilter({ db, viewer, filter }: ResolveAuditFilterOptions): Promise<ResolvedAuditFilter> {
  const conditions: SQL[] = [];
  let childIds: string[] = [];
  let staffUserId: string | null = null;
  if (filter.indexNumber) {
    const named = db.select({ id: children.id }).from(children).where(eq(children.indexNumber, filter.indexNumber));
    const found = await db.select({ id: children.id }).from(children).where(or(eq(children.indexNumber, filter.indexNumber), sql`${children.mergedIntoId} in ${named}`));
    childIds = found.map((c) => c.id);
    // An index number no record has (or no longer has, once purged) matches nothing.
    conditions.push(childIds.length ? and(aboutAnyOf(childIds), not(revealsSensitiveServiceHiddenFrom(sensitiveServicesSeenByAuditor(viewer))))! : sql`false`);
  }
  if (filter.username) {
    const [user] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(sql`lower(${staffUsers.username})`, filter.username));
    staffUserId = user?.id ?? null;
    conditions.push(user ? sql`${auditEvents.actorKind} = 'staff' and ${auditEvents.actorId} = ${user.id}` : sql`false`);
  }
  // The organisation the event names, else (for a failed sign-in) the user's own, as the list shows it.
  if (filter.organisationId) conditions.push(eq(organisations.id, filter.organisationId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.from) conditions.push(onOrAfterLondonDay(filter.from));
  if (filter.to) conditions.push(onOrBeforeLondonDay(filter.to));
  const { indexNumber, organisationId, action, from, to } = filter;
  return { conditions, childIds, audited: { indexNumber, staffUserId: filter.username ? staffUserId : undefined, organisationId, action, from, to } };
}
