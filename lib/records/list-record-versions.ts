import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { recordVersions, staffUsers } from '@/db/schema';

export type ListRecordVersionsOptions = { db: DbOrTx; childId: string; limit?: number };

/** A record's history as the index team reads it, newest first: each version, when, why, what and by which member of staff. */
export async function listRecordVersions({ db, childId, limit }: ListRecordVersionsOptions) {
  const query = db
    .select({ version: recordVersions.version, changedAt: recordVersions.changedAt, reason: recordVersions.reason, changedBy: staffUsers.displayName, changes: recordVersions.changes })
    .from(recordVersions)
    .leftJoin(staffUsers, eq(staffUsers.id, recordVersions.changedByStaffId))
    .where(eq(recordVersions.childId, childId))
    .orderBy(desc(recordVersions.version));
  return limit === undefined ? query : query.limit(limit);
}
