import 'server-only';
import { and, eq, not, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { apiClients, auditEvents, organisations, staffUsers } from '@/db/schema';
import { roleName } from '@/lib/auth/role-names';
import { actionLabel, outcomeLabel } from '@/lib/kernel/audit-actions';
import { reasonLabel } from './reason-label';
import { aboutChildOfCouncil, revealsSensitiveServiceHiddenFrom } from './audit-conditions';
import { type Auditor, seesEveryCouncil, sensitiveServicesSeenByAuditor } from './auditor';

/** An audit event as the explorer shows it: who, what, why, which records, and how it ended. Never the query typed. */
export type AuditEventRow = {
  id: number;
  occurredAt: Date;
  /** Where the list continues after (or before) this event. */
  cursor: string;
  who: string;
  /** Set for a member of staff, for the "what did this user do" link. */
  username: string | null;
  role: string | null;
  organisationId: string | null;
  organisationName: string | null;
  action: string;
  actionLabel: string;
  reason: string | null;
  /** The records involved that are still held (a purged record's number is gone), at most `indexNumberLimit`. */
  indexNumbers: string[];
  /**
   * The event would tie a sensitive service to the children it names, and the reader is neither the index team nor
   * that service: the records (and the reason in the actor's own words, which may name the child) are withheld.
   */
  childLinkWithheld: boolean;
  recordCount: number;
  outcome: string;
};

const ROW_FIELDS = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  cursor: sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || ${auditEvents.id}`,
  actorKind: auditEvents.actorKind,
  staffName: staffUsers.displayName,
  username: staffUsers.username,
  role: staffUsers.role,
  isNationalAdministrator: staffUsers.isNationalAdministrator,
  apiClientName: apiClients.name,
  organisationId: organisations.id,
  organisationName: organisations.name,
  action: auditEvents.action,
  reason: auditEvents.reason,
  recordCount: sql<number>`cardinality(${auditEvents.childIds})`,
  outcome: auditEvents.outcome,
};

/**
 * Audit events with who acted (a member of staff with their organisation, a system client, a citizen or the index
 * itself), the index numbers of the records involved, and whether the viewer may see those records.
 */
export function selectAuditEvents(db: DbOrTx, viewer: Auditor, { indexNumberLimit }: { indexNumberLimit?: number } = {}) {
  const indexNumbers = sql<string[]>`array(select c.index_number from children c where c.id = any(${auditEvents.childIds}) order by c.index_number ${indexNumberLimit ? sql`limit ${indexNumberLimit}` : sql``})`;
  const childLinkWithheld = revealsSensitiveServiceHiddenFrom(sensitiveServicesSeenByAuditor(viewer));
  return db
    .select({ ...ROW_FIELDS, indexNumbers, childLinkWithheld })
    .from(auditEvents)
    .leftJoin(staffUsers, and(eq(auditEvents.actorKind, 'staff'), eq(staffUsers.id, auditEvents.actorId)))
    .leftJoin(apiClients, and(eq(auditEvents.actorKind, 'api_client'), eq(apiClients.id, auditEvents.actorId)))
    .leftJoin(organisations, eq(organisations.id, sql`coalesce(${auditEvents.organisationId}, ${staffUsers.organisationId})`));
}

/**
 * The events a local access manager or index team may read: those of their own council's staff and organisations,
 * and those about children their council answers for now, whoever acted. A national access manager reads all.
 * Reaching an event through the child is itself a link to the child, so a sensitive service's event the viewer may
 * not see tied to a child is in scope only through its staff or organisation.
 */
export function inScopeOf(viewer: Auditor): SQL | undefined {
  if (seesEveryCouncil(viewer)) return undefined;
  const council = viewer.localAuthorityCode;
  const throughChild = and(aboutChildOfCouncil(council), not(revealsSensitiveServiceHiddenFrom(sensitiveServicesSeenByAuditor(viewer))));
  return or(eq(staffUsers.localAuthorityCode, council), eq(organisations.localAuthorityCode, council), throughChild);
}

type RawRow = Awaited<ReturnType<typeof selectAuditEvents>>[number];

function whoActed(row: RawRow): string {
  switch (row.actorKind) {
    case 'staff':
      return row.staffName ?? 'Someone not known to the index (a wrong user name)';
    case 'api_client':
      return `System client: ${row.apiClientName ?? 'no longer registered'}`;
    case 'citizen':
      return 'A young person or parent';
    default:
      return 'The index itself';
  }
}

/** A reason in the actor's own words may name the child; a reason chosen from the list cannot. */
function withheldReason(reason: string | null): string | null {
  if (reason?.startsWith('other: ')) return 'Another reason (their words are withheld: a sensitive service’s event)';
  return reasonLabel(reason);
}

/** A selected event in the explorer's words. */
export function toAuditEventRow(row: RawRow): AuditEventRow {
  const withheld = Boolean(row.childLinkWithheld);
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    cursor: row.cursor,
    who: whoActed(row),
    username: row.username,
    role: row.role ? roleName({ role: row.role, isNationalAdministrator: Boolean(row.isNationalAdministrator) }) : null,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    action: row.action,
    actionLabel: actionLabel(row.action),
    reason: withheld ? withheldReason(row.reason) : reasonLabel(row.reason),
    indexNumbers: withheld ? [] : row.indexNumbers,
    childLinkWithheld: withheld,
    recordCount: Number(row.recordCount),
    outcome: outcomeLabel(row.outcome),
  };
}
