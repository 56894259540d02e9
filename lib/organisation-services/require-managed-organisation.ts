import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import { type Administrator, manages } from '@/lib/staff-admin/manages';
import { type OrganisationServiceAction, recordOrganisationServiceEvent } from './record-organisation-service-event';

export type RequireManagedOrganisationOptions = {
  db: Database;
  admin: Administrator;
  organisationId: string;
  action: OrganisationServiceAction;
  query?: Record<string, unknown>;
  reason?: string | null;
  clientAddress?: string | null;
};

export const NO_SUCH_ORGANISATION = 'There is no such organisation in the local authority you manage.';

/**
 * The organisation an access manager is acting on. Anyone else (another council's access manager, a practitioner)
 * is refused without learning whether it exists, and the refusal is audited: call it outside a transaction.
 */
export async function requireManagedOrganisation({ db, admin, organisationId, action, query = {}, reason = null, clientAddress = null }: RequireManagedOrganisationOptions) {
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, localAuthorityCode: organisations.localAuthorityCode })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (organisation && manages(admin, organisation.localAuthorityCode)) return organisation;
  await recordOrganisationServiceEvent({ db, admin, action, query: { organisationId, ...query }, reason, outcome: 'refused', clientAddress });
  throw new AppError('not_found', NO_SUCH_ORGANISATION);
}
