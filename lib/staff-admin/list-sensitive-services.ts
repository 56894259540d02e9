import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { serviceTypes } from '@/db/schema';

/** The services the index team has marked sensitive (sexual health, substance misuse…). */
export async function listSensitiveServices({ db }: { db: Database }) {
  return db.select({ code: serviceTypes.code, name: serviceTypes.name }).from(serviceTypes).where(eq(serviceTypes.isSensitive, true)).orderBy(asc(serviceTypes.name));
}
