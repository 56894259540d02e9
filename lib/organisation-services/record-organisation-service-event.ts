import 'server-only';
import type { DbOrTx } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import type { Administrator } from '@/lib/staff-admin/manages';

export type OrganisationServiceAction = 'organisation_services.list' | 'organisation_services.view' | 'organisation_services.add' | 'organisation_services.approve' | 'organisation_services.remove';

export type RecordOrganisationServiceEventOptions = {
  db: DbOrTx;
  admin: Administrator;
  action: OrganisationServiceAction;
  query: Record<string, unknown>;
  reason?: string | null;
  outcome?: 'ok' | 'refused';
  clientAddress?: string | null;
};

/** One audit event for the reads, writes and refusals of an organisation's services. */
export async function recordOrganisationServiceEvent({ db, admin, action, query, reason = null, outcome = 'ok', clientAddress = null }: RecordOrganisationServiceEventOptions) {
  await recordAuditEvent({ db, event: { actorKind: 'staff', actorId: admin.id, organisationId: admin.organisationId, action, reason, query, outcome, clientAddress } });
}
