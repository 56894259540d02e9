import 'server-only';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { apiClients, auditEvents, organisations, staffUsers } from '@/db/schema';
import { roleName } from '@/lib/auth/role-names';
import { actionLabel, outcomeLabel, reasonLabel } from './audit-actions';
import { aboutChildOfCouncil } from './audit-conditions';
import { type Auditor, seesEveryCouncil } from './auditor';

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
 * itself) and the index numbers of the records involved.
 */
export function selectAuditEvents(db: DbOrTx, { indexNumberLimit }: { indexNumberLimit?: number } = {}) {
  const indexNumbers = sql<string[]>`array(select c.index_number from children c where c.id = any(${auditEvents.childIds}) order by c.index_number ${indexNumberLimit ? sql`limit ${indexNumberLimit}` : sql``})`;
  return db
    .select({ ...ROW_FIELDS, indexNumbers })
    .from(auditEvents)
    .leftJoin(staffUsers, and(eq(auditEvents.actorKind, 'staff'), eq(staffUsers.id, auditEvents.actorId)))
    .leftJoin(apiClients, and(eq(auditEvents.actorKind, 'api_client'), eq(apiClients.id, auditEvents.actorId)))
    .leftJoin(organisations, eq(organisations.id, sql`coalesce(${auditEvents.organisationId}, ${staffUsers.organisationId})`));
}

/**
 * The events a local access manager or index team may read: those of their own council's staff and organisations,
 * and those about children their council answers for now, whoever acted. A national access manager reads all.
 */
export function inScopeOf(viewer: Auditor): SQL | undefined {
  if (seesEveryCouncil(viewer)) return undefined;
  const council = viewer.localAuthorityCode;
  return or(eq(staffUsers.localAuthorityCode, council), eq(organisations.localAuthorityCode, council), aboutChildOfCouncil(council));
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

/** A selected event in the explorer's words. */
export function toAuditEventRow(row: RawRow): AuditEventRow {
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
    reason: reasonLabel(row.reason),
    indexNumbers: row.indexNumbers,
    recordCount: Number(row.recordCount),
    outcome: outcomeLabel(row.outcome),
  };
}
