import 'server-only';
import type { DbOrTx } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import type { Administrator } from './manages';

export type StaffAdminAction =
  | 'staff_admin.user_viewed'
  | 'staff_admin.user_created'
  | 'staff_admin.vetting_recorded'
  | 'staff_admin.privileges_approved'
  | 'staff_admin.suspend'
  | 'staff_admin.reinstate'
  | 'staff_admin.reset_token';

export type RecordStaffAdminEventOptions = {
  db: DbOrTx;
  admin: Administrator;
  action: StaffAdminAction;
  query: Record<string, unknown>;
  reason?: string | null;
  outcome?: 'ok' | 'refused';
  clientAddress?: string | null;
};

/** One audit event for an access manager's read, change or refusal of a staff account. */
export async function recordStaffAdminEvent({ db, admin, action, query, reason = null, outcome = 'ok', clientAddress = null }: RecordStaffAdminEventOptions) {
  await recordAuditEvent({ db, event: { actorKind: 'staff', actorId: admin.id, organisationId: admin.organisationId, action, reason, query, outcome, clientAddress } });
}
