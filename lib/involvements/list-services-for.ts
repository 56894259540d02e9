import 'server-only';
import { and, asc, eq, isNotNull, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organisationServices, serviceTypes } from '@/db/schema';

export type ListServicesForOptions = { db: DbOrTx; practitioner: { organisationId: string; sensitiveServiceCode: string | null } };

/**
 * The services a practitioner may record as: those their own organisation provides (a sensitive one once a second
 * access manager has approved it), and of the sensitive ones only their own.
 */
export async function listServicesFor({ db, practitioner }: ListServicesForOptions) {
  const own = practitioner.sensitiveServiceCode;
  return db
    .select({ code: serviceTypes.code, name: serviceTypes.name, isSensitive: serviceTypes.isSensitive })
    .from(organisationServices)
    .innerJoin(serviceTypes, eq(serviceTypes.code, organisationServices.serviceTypeCode))
    .where(
      and(
        eq(organisationServices.organisationId, practitioner.organisationId),
        isNotNull(organisationServices.approvedAt),
        own ? or(eq(serviceTypes.isSensitive, false), eq(serviceTypes.code, own)) : eq(serviceTypes.isSensitive, false),
      ),
    )
    .orderBy(asc(serviceTypes.name));
}
