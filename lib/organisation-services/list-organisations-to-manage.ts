import 'server-only';
import { asc, eq, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisationServices, organisations, serviceTypes } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import type { Administrator } from '@/lib/staff-admin/manages';
import { recordOrganisationServiceEvent } from './record-organisation-service-event';

export type ListOrganisationsToManageOptions = { db: Database; admin: Administrator; clientAddress?: string | null };

/**
 * The organisations whose services an access manager keeps, each with the services it provides and how many wait
 * for a second access manager: their own local authority's, and for a national one every council as well. Audited.
 */
export async function listOrganisationsToManage({ db, admin, clientAddress = null }: ListOrganisationsToManageOptions) {
  if (admin.role !== 'administrator') {
    await recordOrganisationServiceEvent({ db, admin, action: 'organisation_services.list', query: {}, outcome: 'refused', clientAddress });
    throw new AppError('forbidden', 'Only access managers keep organisations’ services');
  }
  const ownAuthority = eq(organisations.localAuthorityCode, admin.localAuthorityCode);
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      localAuthorityCode: organisations.localAuthorityCode,
      services: sql<string[]>`coalesce(array_agg(${serviceTypes.name} order by ${serviceTypes.name}) filter (where ${organisationServices.approvedAt} is not null), '{}')`,
      waiting: sql<number>`(count(*) filter (where ${organisationServices.serviceTypeCode} is not null and ${organisationServices.approvedAt} is null))::int`,
    })
    .from(organisations)
    .leftJoin(organisationServices, eq(organisationServices.organisationId, organisations.id))
    .leftJoin(serviceTypes, eq(serviceTypes.code, organisationServices.serviceTypeCode))
    .where(admin.isNationalAdministrator ? or(ownAuthority, eq(organisations.kind, 'local_authority')) : ownAuthority)
    .groupBy(organisations.id)
    .orderBy(asc(organisations.kind), asc(organisations.name));
  await recordOrganisationServiceEvent({ db, admin, action: 'organisation_services.list', query: { organisations: rows.length }, clientAddress });
  return rows;
}
