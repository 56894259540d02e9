import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children, recordVersions, type RecordChange } from '@/db/schema';
import { AppError } from './errors';

export type WriteRecordVersionOptions = {
  db: DbOrTx;
  childId: string;
  /** Null when the young person made the change themselves (withdrawing consent). */
  changedByStaffId: string | null;
  reason: string;
  changes: RecordChange[];
  /** The version the person making the change was looking at: if the record has moved on since, nothing is written. */
  expectedVersion?: number;
  correctionRequestId?: string;
  /** The source system whose load made the change (lib/loads writes its versions with this writer's SQL twin). */
  sourceSystemId?: string;
};

/**
 * Keeps a change as a new version of the record: who, when, why and what. Call it in the transaction that makes the
 * change; bumping the record's version number also serialises concurrent changes to one child.
 */
export async function writeRecordVersion(options: WriteRecordVersionOptions): Promise<number> {
  const { db, childId, changedByStaffId, reason, changes, expectedVersion, correctionRequestId = null, sourceSystemId = null } = options;
  const sameVersion = expectedVersion === undefined ? undefined : eq(children.version, expectedVersion);
  const [bumped] = await db
    .update(children)
    .set({ version: sql`${children.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(children.id, childId), sameVersion))
    .returning({ version: children.version });
  if (!bumped && expectedVersion !== undefined) {
    throw new AppError('conflict', 'Someone else changed this record while you were looking at it. Nothing has been saved: check the record as it is now, then decide again.');
  }
  if (!bumped) throw new Error(`No child ${childId} to version`);
  await db.insert(recordVersions).values({ childId, version: bumped.version, changedByStaffId, reason, changes, correctionRequestId, sourceSystemId });
  return bumped.version;
}
