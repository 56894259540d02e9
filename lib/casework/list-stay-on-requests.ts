import 'server-only';
import { and, asc, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children, stayOnRequests, staffUsers } from '@/db/schema';
import { responsibleAuthorityCode } from '@/lib/records/responsible-authority-code';
import { AppError } from '@/lib/kernel/errors';
import { anniversary, RETENTION } from '@/lib/retention/retention-rules';

export type StayOnStatus = (typeof stayOnRequests.$inferSelect)['status'];

export type StayOnFilter = { status?: StayOnStatus | 'all'; sort?: 'newest' | 'oldest' };

export type StayOnRow = {
  id: string;
  reference: string;
  status: StayOnStatus;
  basis: 'care_leaver' | 'learning_difficulty';
  requestedAt: Date;
  /** The caseworker who took it down, or null when the young person asked in the portal. */
  raisedBy: string | null;
  /** The last day it can be decided on is the day before. */
  eighteenthBirthday: string;
};

export type ListStayOnRequestsOptions = { db: DbOrTx; caseworker: { role: string; localAuthorityCode: string }; filter?: StayOnFilter };

/**
 * Requests to stay on the index until 25 about children the caseworker's council answers for (worked out from the
 * child as it is now, as a request belongs to whichever council answers for the child), or that no council does yet.
 * Waiting requests by default, newest first. No names: the list is by reference.
 */
export async function listStayOnRequests({ db, caseworker, filter = {} }: ListStayOnRequestsOptions): Promise<StayOnRow[]> {
  if (caseworker.role !== 'caseworker') throw new AppError('forbidden', 'Only the index team decides requests to stay on');
  const council = responsibleAuthorityCode(stayOnRequests.childId);
  const conditions: SQL[] = [or(eq(council, caseworker.localAuthorityCode), isNull(council))!];
  const status = filter.status ?? 'requested';
  if (status !== 'all') conditions.push(eq(stayOnRequests.status, status));
  const rows = await db
    .select({
      id: stayOnRequests.id,
      reference: stayOnRequests.reference,
      status: stayOnRequests.status,
      basis: stayOnRequests.basis,
      requestedAt: stayOnRequests.requestedAt,
      raisedBy: staffUsers.displayName,
      dateOfBirth: children.dateOfBirth,
    })
    .from(stayOnRequests)
    .innerJoin(children, eq(children.id, stayOnRequests.childId))
    .leftJoin(staffUsers, eq(staffUsers.id, stayOnRequests.requestedByStaffId))
    .where(and(...conditions))
    .orderBy(filter.sort === 'oldest' ? asc(stayOnRequests.requestedAt) : desc(stayOnRequests.requestedAt), asc(stayOnRequests.reference))
    .limit(200);
  return rows.map(({ dateOfBirth, ...row }) => ({ ...row, eighteenthBirthday: anniversary(dateOfBirth, RETENTION.leaveAtAge) }));
}
