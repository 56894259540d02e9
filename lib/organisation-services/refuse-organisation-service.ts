import 'server-only';
import type { Database } from '@/db';
import { AppError, type ErrorCode } from '@/lib/kernel/errors';
import type { Administrator } from '@/lib/staff-admin/manages';
import { type OrganisationServiceAction, recordOrganisationServiceEvent } from './record-organisation-service-event';

export type RefuseOrganisationServiceOptions = {
  db: Database;
  admin: Administrator;
  action: OrganisationServiceAction;
  query: Record<string, unknown>;
  reason: string;
  code: ErrorCode;
  message: string;
  clientAddress?: string | null;
};

/** Audits a refused change to an organisation's services (outside any transaction, so it stays) and throws. */
export async function refuseOrganisationService({ db, admin, action, query, reason, code, message, clientAddress = null }: RefuseOrganisationServiceOptions): Promise<never> {
  await recordOrganisationServiceEvent({ db, admin, action, query: { ...query, refusal: message }, reason, outcome: 'refused', clientAddress });
  throw new AppError(code, message);
}
