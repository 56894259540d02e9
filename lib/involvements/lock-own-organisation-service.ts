import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { organisationServices, serviceTypes } from '@/db/schema';

export type LockOwnOrganisationServiceOptions = { db: Transaction; organisationId: string; serviceCode: string };

/**
 * The service, if the organisation provides it (a sensitive one only once approved), held until the transaction ends
 * so that an access manager removing it meanwhile waits rather than leaving an involvement as a service not provided.
 */
export async function lockOwnOrganisationService({ db, organisationId, serviceCode }: LockOwnOrganisationServiceOptions) {
  const [service] = await db
    .select({ code: serviceTypes.code, name: serviceTypes.name, isSensitive: serviceTypes.isSensitive })
    .from(organisationServices)
    .innerJoin(serviceTypes, eq(serviceTypes.code, organisationServices.serviceTypeCode))
    .where(and(eq(organisationServices.organisationId, organisationId), eq(organisationServices.serviceTypeCode, serviceCode), isNotNull(organisationServices.approvedAt)))
    .for('share', { of: organisationServices });
  return service;
}
