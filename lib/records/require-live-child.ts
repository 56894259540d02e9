import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';

export type RequireLiveChildOptions = { db: DbOrTx; childId: string };

/** Changes are made only to a live record that has not been merged away; anything else is "no longer on the index". */
export async function requireLiveChild({ db, childId }: RequireLiveChildOptions): Promise<void> {
  const [child] = await db
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.id, childId), eq(children.status, 'live'), isNull(children.mergedIntoId)));
  if (!child) throw new AppError('not_found', 'This child is no longer on the index');
}
