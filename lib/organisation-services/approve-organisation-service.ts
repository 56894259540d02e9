import 'server-only';
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisationServices } from '@/db/schema';
import type { Administrator } from '@/lib/staff-admin/manages';
import { recordOrganisationServiceEvent } from './record-organisation-service-event';
import { refuseOrganisationService } from './refuse-organisation-service';
import { requireManagedOrganisation } from './require-managed-organisation';

export type ApproveOrganisationServiceOptions = {
  db: Database;
  admin: Administrator;
  organisationId: string;
  serviceCode: string;
  reason: string;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * The second access manager approves a sensitive service that another added: only then may the organisation's
 * practitioners of that service record involvement as it. Nobody approves their own addition.
 */
export async function approveOrganisationService({ db, admin, organisationId, serviceCode, reason, clientAddress = null, now = new Date() }: ApproveOrganisationServiceOptions): Promise<void> {
  const action = 'organisation_services.approve';
  const query = { organisationId, serviceCode };
  await requireManagedOrganisation({ db, admin, organisationId, action, query: { serviceCode }, reason, clientAddress });
  const approved = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisationServices)
      .set({ approvedByStaffId: admin.id, approvedAt: now })
      .where(
        and(
          eq(organisationServices.organisationId, organisationId),
          eq(organisationServices.serviceTypeCode, serviceCode),
          isNull(organisationServices.approvedAt),
          or(isNull(organisationServices.addedByStaffId), ne(organisationServices.addedByStaffId, admin.id)),
        ),
      )
      .returning({ addedBy: organisationServices.addedByStaffId });
    if (row) await recordOrganisationServiceEvent({ db: tx, admin, action, query: { ...query, addedByStaffId: row.addedBy }, reason, clientAddress });
    return Boolean(row);
  });
  if (approved) return;
  const [row] = await db
    .select()
    .from(organisationServices)
    .where(and(eq(organisationServices.organisationId, organisationId), eq(organisationServices.serviceTypeCode, serviceCode)));
  const refuse = (code: 'not_found' | 'conflict' | 'forbidden', message: string) => refuseOrganisationService({ db, admin, action, query, reason, code, message, clientAddress });
  if (!row) return refuse('not_found', 'The organisation has no such service waiting for approval');
  if (row.approvedAt) return refuse('conflict', 'That service has already been approved');
  return refuse('forbidden', 'You added this service, so another access manager must approve it');
}
