import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { citizenAccounts, stayOnRequests } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import type { Caseworker } from '@/lib/kernel/actors';
import { requireRecordInCare } from './require-record-in-care';

export type LockStayOnRequestOptions = { db: DbOrTx; caseworker: Caseworker; stayOnRequestId: string };

/**
 * The start of every decision on a request to stay on, inside its transaction: the request locked (two caseworkers
 * deciding at once are serialised, and the second finds it decided), refused unless the child is live, answered for
 * by this caseworker's council and not of their own family. Returns the request and the young person's email, if
 * they asked through the portal.
 */
export async function lockStayOnRequest({ db, caseworker, stayOnRequestId }: LockStayOnRequestOptions) {
  const [request] = await db.select().from(stayOnRequests).where(eq(stayOnRequests.id, stayOnRequestId)).for('update');
  if (!request) throw new AppError('not_found', 'There is no such request to stay on the index');
  await requireRecordInCare({ db, caseworker, childId: request.childId });
  const [citizen] = request.requestedByCitizenId
    ? await db.select({ email: citizenAccounts.email }).from(citizenAccounts).where(eq(citizenAccounts.id, request.requestedByCitizenId))
    : [];
  return { request, email: citizen?.email ?? null };
}
