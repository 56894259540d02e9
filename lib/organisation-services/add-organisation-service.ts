import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisationServices, serviceTypes } from '@/db/schema';
import type { Administrator } from '@/lib/staff-admin/manages';
import { recordOrganisationServiceEvent } from './record-organisation-service-event';
import { refuseOrganisationService } from './refuse-organisation-service';
import { requireManagedOrganisation } from './require-managed-organisation';

export type AddOrganisationServiceOptions = {
  db: Database;
  admin: Administrator;
  organisationId: string;
  serviceCode: string;
  reason: string;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * An access manager says that an organisation they manage provides a service, with a reason. An ordinary service
 * counts at once; a sensitive one waits for a second access manager (approveOrganisationService).
 */
export async function addOrganisationService({ db, admin, organisationId, serviceCode, reason, clientAddress = null, now = new Date() }: AddOrganisationServiceOptions): Promise<{ pending: boolean }> {
  const action = 'organisation_services.add';
  const query = { organisationId, serviceCode };
  await requireManagedOrganisation({ db, admin, organisationId, action, query: { serviceCode }, reason, clientAddress });
  const refuse = (code: 'invalid' | 'conflict', message: string) => refuseOrganisationService({ db, admin, action, query, reason, code, message, clientAddress });
  const [service] = await db.select().from(serviceTypes).where(eq(serviceTypes.code, serviceCode));
  if (!service) return refuse('invalid', 'Select a service from the list');
  const added = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organisationServices)
      .values({ organisationId, serviceTypeCode: service.code, addedByStaffId: admin.id, addedAt: now, reason, approvedAt: service.isSensitive ? null : now })
      .onConflictDoNothing()
      .returning({ approvedAt: organisationServices.approvedAt });
    if (row) await recordOrganisationServiceEvent({ db: tx, admin, action, query: { ...query, pending: service.isSensitive }, reason, clientAddress });
    return Boolean(row);
  });
  if (!added) return refuse('conflict', 'The organisation already provides that service, or it is waiting for a second access manager');
  return { pending: service.isSensitive };
}
