import 'server-only';
import { asc, eq, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations } from '@/db/schema';
import type { Administrator } from './manages';

/**
 * Organisations an administrator may add users to: those of their own local authority, and for a national
 * administrator every council as well (its access managers are created there).
 */
export async function listManagedOrganisations({ db, admin }: { db: Database; admin: Administrator }) {
  const ownAuthority = eq(organisations.localAuthorityCode, admin.localAuthorityCode);
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(admin.isNationalAdministrator ? or(ownAuthority, eq(organisations.kind, 'local_authority')) : ownAuthority)
    .orderBy(asc(organisations.kind), asc(organisations.name));
}
