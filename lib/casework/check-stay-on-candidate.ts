import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children, stayOnRequests } from '@/db/schema';
import { ageOn } from '@/lib/citizen-access/age';
import { AppError } from '@/lib/kernel/errors';
import type { Caseworker } from '@/lib/kernel/actors';
import { requireRecordInCare } from './require-record-in-care';

export type CheckStayOnCandidateOptions = { db: DbOrTx; caseworker: Caseworker; childId: string; today: string };

/**
 * Whether this caseworker may ask for this young person to stay on until 25, throwing the reason if not: a live
 * record their council answers for (and not of their own family), a young person of 16 or 17, and no request already
 * waiting or agreed. Returns the child as the page shows them.
 */
export async function checkStayOnCandidate({ db, caseworker, childId, today }: CheckStayOnCandidateOptions) {
  await requireRecordInCare({ db, caseworker, childId });
  const [child] = await db
    .select({ id: children.id, indexNumber: children.indexNumber, givenNames: children.givenNames, familyName: children.familyName, dateOfBirth: children.dateOfBirth })
    .from(children)
    .where(eq(children.id, childId));
  const age = ageOn(child!.dateOfBirth, today);
  if (age < 16 || age > 17) throw new AppError('invalid', 'A young person can be put forward to stay on the index until 25 only when they are 16 or 17.');
  const [open] = await db
    .select({ status: stayOnRequests.status })
    .from(stayOnRequests)
    .where(and(eq(stayOnRequests.childId, childId), inArray(stayOnRequests.status, ['requested', 'approved'])));
  if (open) throw new AppError('conflict', open.status === 'approved' ? 'This young person already stays on the index until 25.' : 'A request for this young person to stay on is already waiting for a decision.');
  return child!;
}
