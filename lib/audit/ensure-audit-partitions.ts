import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';

export type EnsureAuditPartitionsOptions = { db: DbOrTx; monthsAhead?: number };

/**
 * Creates the audit trail's monthly partitions up to `monthsAhead` months from now, if missing; returns how many it
 * made. Every migration run calls it, and the job worker once a day, so events never have to fall into the default
 * partition.
 */
export async function ensureAuditPartitions({ db, monthsAhead = 3 }: EnsureAuditPartitionsOptions): Promise<number> {
  const [row] = await db.execute<{ created: number }>(sql`select ensure_audit_partitions(now(), ${monthsAhead}::int) as created`);
  return row!.created;
}
