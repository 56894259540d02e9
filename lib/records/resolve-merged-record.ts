import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children } from '@/db/schema';

/** Merges are rarely chained; a longer chain than this is a data fault, not a record to show. */
const MAX_MERGE_HOPS = 5;

export type ResolveMergedRecordOptions = { db: DbOrTx; childId: string };

/** The live record a child id stands for now: itself, or the record it was merged into. Null if there is none. */
export async function resolveMergedRecord({ db, childId }: ResolveMergedRecordOptions): Promise<string | null> {
  let id = childId;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop += 1) {
    const [row] = await db.select({ mergedIntoId: children.mergedIntoId, status: children.status }).from(children).where(eq(children.id, id));
    if (!row) return null;
    if (!row.mergedIntoId) return row.status === 'live' ? id : null;
    id = row.mergedIntoId;
  }
  return null;
}
