import 'server-only';
import { asc, eq, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { serviceTypes } from '@/db/schema';

export type ListServicesForOptions = { db: Database; practitioner: { sensitiveServiceCode: string | null } };

/** The services a practitioner may record: every ordinary service, and a sensitive one only if it is their own. */
export async function listServicesFor({ db, practitioner }: ListServicesForOptions) {
  const own = practitioner.sensitiveServiceCode;
  return db
    .select({ code: serviceTypes.code, name: serviceTypes.name, isSensitive: serviceTypes.isSensitive })
    .from(serviceTypes)
    .where(own ? or(eq(serviceTypes.isSensitive, false), eq(serviceTypes.code, own)) : eq(serviceTypes.isSensitive, false))
    .orderBy(asc(serviceTypes.name));
}
