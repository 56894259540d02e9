import 'server-only';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { apiClients, organisations, staffUsers } from '@/db/schema';
import { type Auditor, requireAuditor, seesEveryCouncil } from './auditor';

export type ListAuditOrganisationsOptions = { db: DbOrTx; viewer: Auditor };

/**
 * The organisations the explorer's filter offers: those whose staff or system clients can act (no other organisation
 * appears in the trail as an actor), in the viewer's council unless they read every council's events.
 */
export async function listAuditOrganisations({ db, viewer }: ListAuditOrganisationsOptions): Promise<{ id: string; name: string }[]> {
  requireAuditor(viewer);
  const acts = or(
    sql`exists (select 1 from ${staffUsers} where ${staffUsers.organisationId} = ${organisations.id})`,
    sql`exists (select 1 from ${apiClients} where ${apiClients.organisationId} = ${organisations.id})`,
  );
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(acts, seesEveryCouncil(viewer) ? undefined : eq(organisations.localAuthorityCode, viewer.localAuthorityCode)))
    .orderBy(asc(organisations.name));
}
