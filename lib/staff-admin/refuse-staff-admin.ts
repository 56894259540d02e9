import 'server-only';
import type { Database } from '@/db';
import { AppError, type ErrorCode } from '@/lib/kernel/errors';
import type { Administrator } from './manages';
import { recordStaffAdminEvent, type StaffAdminAction } from './record-staff-admin-event';

export type RefuseStaffAdminOptions = {
  db: Database;
  admin: Administrator;
  action: StaffAdminAction;
  query: Record<string, unknown>;
  code: ErrorCode;
  message: string;
  reason?: string | null;
  clientAddress?: string | null;
};

/** Audits a refused change to a staff account (outside any transaction, so it stays) and throws. */
export async function refuseStaffAdmin({ db, admin, action, query, code, message, reason = null, clientAddress = null }: RefuseStaffAdminOptions): Promise<never> {
  await recordStaffAdminEvent({ db, admin, action, query: { ...query, refusal: message }, reason, outcome: 'refused', clientAddress });
  throw new AppError(code, message);
}
