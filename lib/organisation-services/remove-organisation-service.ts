import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisationServices } from '@/db/schema';
import type { Administrator } from '@/lib/staff-admin/manages';
import { recordOrganisationServiceEvent } from './record-organisation-service-event';
import { refuseOrganisationService } from './refuse-organisation-service';
import { requireManagedOrganisation } from './require-managed-organisation';

export type RemoveOrganisationServiceOptions = {
  db: Database;
  admin: Administrator;
  organisationId: string;
  serviceCode: string;
  reason: string;
  clientAddress?: string | null;
};

/**
 * The organisation no longer provides the service (or a sensitive one waiting for approval is withdrawn): its
 * practitioners can no longer record involvement as it. Involvements already recorded stay, each with its own end.
 * One access manager is enough, as this takes access away.
 */
export async function removeOrganisationService({ db, admin, organisationId, serviceCode, reason, clientAddress = null }: RemoveOrganisationServiceOptions): Promise<void> {
  const action = 'organisation_services.remove';
  const query = { organisationId, serviceCode };
  await requireManagedOrganisation({ db, admin, organisationId, action, query: { serviceCode }, reason, clientAddress });
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(organisationServices)
      .where(and(eq(organisationServices.organisationId, organisationId), eq(organisationServices.serviceTypeCode, serviceCode)))
      .returning({ approvedAt: organisationServices.approvedAt });
    if (row) await recordOrganisationServiceEvent({ db: tx, admin, action, query: { ...query, wasPending: row.approvedAt === null }, reason, clientAddress });
    return Boolean(row);
  });
  if (!removed) await refuseOrganisationService({ db, admin, action, query, reason, code: 'not_found', message: 'The organisation does not provide that service', clientAddress });
}
