import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { organisationServices, serviceTypes, staffUsers } from '@/db/schema';
import type { Administrator } from '@/lib/staff-admin/manages';
import { recordOrganisationServiceEvent } from './record-organisation-service-event';
import { requireManagedOrganisation } from './require-managed-organisation';

export type ListOrganisationServicesOptions = { db: Database; admin: Administrator; organisationId: string; clientAddress?: string | null };

export type OrganisationService = {
  code: string;
  name: string;
  isSensitive: boolean;
  /** A sensitive service waiting for a second access manager. */
  pending: boolean;
  addedBy: string | null;
  addedByStaffId: string | null;
  addedAt: Date;
  reason: string | null;
  approvedBy: string | null;
};

const addedBy = alias(staffUsers, 'added_by');
const approvedBy = alias(staffUsers, 'approved_by');

/** An organisation's services with who added (and approved) each and why, and the services it could add. Audited. */
export async function listOrganisationServices({ db, admin, organisationId, clientAddress = null }: ListOrganisationServicesOptions) {
  const organisation = await requireManagedOrganisation({ db, admin, organisationId, action: 'organisation_services.view', clientAddress });
  const rows = await db
    .select({
      code: serviceTypes.code,
      name: serviceTypes.name,
      isSensitive: serviceTypes.isSensitive,
      approvedAt: organisationServices.approvedAt,
      addedBy: addedBy.displayName,
      addedByStaffId: organisationServices.addedByStaffId,
      addedAt: organisationServices.addedAt,
      reason: organisationServices.reason,
      approvedBy: approvedBy.displayName,
    })
    .from(organisationServices)
    .innerJoin(serviceTypes, eq(serviceTypes.code, organisationServices.serviceTypeCode))
    .leftJoin(addedBy, eq(addedBy.id, organisationServices.addedByStaffId))
    .leftJoin(approvedBy, eq(approvedBy.id, organisationServices.approvedByStaffId))
    .where(eq(organisationServices.organisationId, organisation.id))
    .orderBy(asc(serviceTypes.name));
  const all = await db.select({ code: serviceTypes.code, name: serviceTypes.name, isSensitive: serviceTypes.isSensitive }).from(serviceTypes).orderBy(asc(serviceTypes.name));
  await recordOrganisationServiceEvent({ db, admin, action: 'organisation_services.view', query: { organisationId }, clientAddress });
  const services: OrganisationService[] = rows.map(({ approvedAt, ...row }) => ({ ...row, pending: approvedAt === null }));
  return { organisation, services, notProvided: all.filter((s) => !rows.some((r) => r.code === s.code)) };
}
