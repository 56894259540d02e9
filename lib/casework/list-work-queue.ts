import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { correctionRequests, correctionStatus, staffUsers } from '@/db/schema';
import { todayInLondon } from '@/lib/dates/london';
import { FINISHED, type RequestStatus } from './request-transitions';

export type QueueFilter = {
  /** Open requests (the default), one status, or every request. */
  status?: RequestStatus | 'open' | 'all';
  assigned?: 'anyone' | 'me' | 'nobody';
  sort?: 'due' | 'oldest' | 'newest';
};

export type QueueRow = {
  id: string;
  reference: string;
  status: RequestStatus;
  itemKind: string;
  field: string;
  receivedAt: Date;
  dueOn: string;
  ageDays: number;
  overdue: boolean;
  assignedTo: string | null;
};

const OPEN = correctionStatus.enumValues.filter((s) => !FINISHED.includes(s));

/**
 * One council's queue of correction requests. Overdue requests come first whatever the sort (answering late
 * breaks the law), then by due date, or by age. Requests with no council are in every index team's queue.
 */
export async function listWorkQueue({ db, caseworker, filter = {}, now = new Date() }: { db: DbOrTx; caseworker: { id: string; localAuthorityCode: string }; filter?: QueueFilter; now?: Date }): Promise<QueueRow[]> {
  const today = todayInLondon(now);
  const conditions: (SQL | undefined)[] = [or(eq(correctionRequests.localAuthorityCode, caseworker.localAuthorityCode), isNull(correctionRequests.localAuthorityCode))];
  const status = filter.status ?? 'open';
  if (status === 'open') conditions.push(inArray(correctionRequests.status, OPEN));
  else if (status !== 'all') conditions.push(eq(correctionRequests.status, status));
  if (filter.assigned === 'me') conditions.push(eq(correctionRequests.assignedToStaffId, caseworker.id));
  if (filter.assigned === 'nobody') conditions.push(isNull(correctionRequests.assignedToStaffId));

  const overdue = and(inArray(correctionRequests.status, OPEN), lt(correctionRequests.dueOn, today));
  const order = filter.sort === 'oldest' ? asc(correctionRequests.receivedAt) : filter.sort === 'newest' ? desc(correctionRequests.receivedAt) : asc(correctionRequests.dueOn);
  const rows = await db
    .select({
      id: correctionRequests.id,
      reference: correctionRequests.reference,
      status: correctionRequests.status,
      itemKind: correctionRequests.itemKind,
      field: correctionRequests.field,
      receivedAt: correctionRequests.receivedAt,
      dueOn: correctionRequests.dueOn,
      overdue: sql<boolean>`coalesce(${overdue}, false)`,
      assignedTo: staffUsers.displayName,
    })
    .from(correctionRequests)
    .leftJoin(staffUsers, eq(staffUsers.id, correctionRequests.assignedToStaffId))
    .where(and(...conditions))
    .orderBy(sql`coalesce(${overdue}, false) desc`, order, asc(correctionRequests.reference))
    .limit(200);
  return rows.map((row) => ({ ...row, ageDays: Math.floor((now.getTime() - row.receivedAt.getTime()) / 86_400_000) }));
}
