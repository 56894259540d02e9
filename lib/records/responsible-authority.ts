import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { responsibleAuthorityCode } from './responsible-authority-code';

/**
 * The council whose index team answers for a child: the one holding the child's shield, else the council of the
 * child's current address; null when neither is known (the request then shows in every index team's queue).
 */
export async function findResponsibleAuthority(db: DbOrTx, childId: string): Promise<string | null> {
  const [row] = await db.execute<{ code: string | null }>(sql`select ${responsibleAuthorityCode(sql`${childId}::uuid`)} as code`);
  return row?.code ?? null;
}
