import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children, recordVersions, type RecordChange } from '@/db/schema';

export type WriteRecordVersionOptions = {
  db: DbOrTx;
  childId: string;
  /** Null when the young person made the change themselves (withdrawing consent). */
  changedByStaffId: string | null;
  reason: string;
  changes: RecordChange[];
};

/**
 * Keeps a change as a new version of the record: who, when, why and what. Call it in the transaction that makes the
 * change; bumping the record's version number also serialises concurrent changes to one child.
 */
export async function writeRecordVersion({ db, childId, changedByStaffId, reason, changes }: WriteRecordVersionOptions): Promise<number> {
  const [bumped] = await db
    .update(children)
    .set({ version: sql`${children.version} + 1`, updatedAt: sql`now()` })
    .where(eq(children.id, childId))
    .returning({ version: children.version });
  if (!bumped) throw new Error(`No child ${childId} to version`);
  await db.insert(recordVersions).values({ childId, version: bumped.version, changedByStaffId, reason, changes });
  return bumped.version;
}
