import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations } from '@/db/schema';
import type { Administrator } from './manages';

/** Organisations an administrator may add users to: those of their own local authority. */
export async function listManagedOrganisations({ db, admin }: { db: Database; admin: Administrator }) {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.localAuthorityCode, admin.localAuthorityCode))
    .orderBy(asc(organisations.kind), asc(organisations.name));
}
