import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db';
import { carers, children, citizenRecordLinks, correctionRequests, correctionStatus, sourceSystems, staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { todayInLondon } from '@/lib/kernel/dates';
import { FINISHED, type RequestStatus } from '@/lib/corrections/request-transitions';

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
  child: { givenNames: string; familyName: string; dateOfBirth: string };
  requester: Requester;
};

/** Who asked: the young person, a parent (named as the record holds them), a caseworker for someone, or a source's load. */
export type Requester =
  | { kind: 'young_person' }
  | { kind: 'parent'; name: string | null }
  | { kind: 'caseworker'; name: string }
  | { kind: 'source'; name: string }
  | { kind: 'unknown' };

type RequesterColumns = { relationship: 'self' | 'parent' | null; parentName: string | null; raisedByStaff: string | null; raisedBySource: string | null };

function requesterOf({ relationship, parentName, raisedByStaff, raisedBySource }: RequesterColumns): Requester {
  if (raisedBySource) return { kind: 'source', name: raisedBySource };
  if (raisedByStaff) return { kind: 'caseworker', name: raisedByStaff };
  if (relationship === 'self') return { kind: 'young_person' };
  if (relationship === 'parent') return { kind: 'parent', name: parentName };
  return { kind: 'unknown' };
}

const OPEN = correctionStatus.enumValues.filter((s) => !FINISHED.includes(s));

export type ListWorkQueueOptions = {
  db: DbOrTx;
  caseworker: { id: string; organisationId: string; localAuthorityCode: string };
  filter?: QueueFilter;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * One council's queue of correction requests, each with the child it is about and who asked. Overdue requests come
 * first whatever the sort (answering late breaks the law), then by due date, or by age. Requests with no council are
 * in every index team's queue. The list names children, so reading it is audited with the children it shows.
 */
export async function listWorkQueue({ db, caseworker, filter = {}, clientAddress = null, now = new Date() }: ListWorkQueueOptions): Promise<QueueRow[]> {
  const today = todayInLondon(now);
  const conditions: (SQL | undefined)[] = [or(eq(correctionRequests.localAuthorityCode, caseworker.localAuthorityCode), isNull(correctionRequests.localAuthorityCode))];
  const status = filter.status ?? 'open';
  if (status === 'open') conditions.push(inArray(correctionRequests.status, OPEN));
  else if (status !== 'all') conditions.push(eq(correctionRequests.status, status));
  if (filter.assigned === 'me') conditions.push(eq(correctionRequests.assignedToStaffId, caseworker.id));
  if (filter.assigned === 'nobody') conditions.push(isNull(correctionRequests.assignedToStaffId));

  const overdue = and(inArray(correctionRequests.status, OPEN), lt(correctionRequests.dueOn, today));
  const order = filter.sort === 'oldest' ? asc(correctionRequests.receivedAt) : filter.sort === 'newest' ? desc(correctionRequests.receivedAt) : asc(correctionRequests.dueOn);
  const raiser = alias(staffUsers, 'raiser');
  // A citizen may be linked to the child more than once (a link revoked and made again): the latest says who they are.
  const link = <T>(column: SQL) =>
    sql<T>`(select ${column} from ${citizenRecordLinks} left join ${carers} on ${carers.id} = ${citizenRecordLinks.carerId}
      where ${citizenRecordLinks.citizenId} = ${correctionRequests.requestedByCitizenId} and ${citizenRecordLinks.childId} = ${correctionRequests.childId}
      order by ${citizenRecordLinks.verifiedAt} desc limit 1)`;
  const rows = await db
    .select({
      id: correctionRequests.id,
      childId: correctionRequests.childId,
      reference: correctionRequests.reference,
      status: correctionRequests.status,
      itemKind: correctionRequests.itemKind,
      field: correctionRequests.field,
      receivedAt: correctionRequests.receivedAt,
      dueOn: correctionRequests.dueOn,
      overdue: sql<boolean>`coalesce(${overdue}, false)`,
      assignedTo: staffUsers.displayName,
      child: { givenNames: children.givenNames, familyName: children.familyName, dateOfBirth: children.dateOfBirth },
      relationship: link<RequesterColumns['relationship']>(sql`${citizenRecordLinks.relationship}`),
      parentName: link<string | null>(sql`${carers.givenNames} || ' ' || ${carers.familyName}`),
      raisedByStaff: raiser.displayName,
      raisedBySource: sourceSystems.name,
    })
    .from(correctionRequests)
    .innerJoin(children, eq(children.id, correctionRequests.childId))
    .leftJoin(staffUsers, eq(staffUsers.id, correctionRequests.assignedToStaffId))
    .leftJoin(raiser, eq(raiser.id, correctionRequests.raisedByStaffId))
    .leftJoin(sourceSystems, eq(sourceSystems.id, correctionRequests.raisedBySourceSystemId))
    .where(and(...conditions))
    .orderBy(sql`coalesce(${overdue}, false) desc`, order, asc(correctionRequests.reference))
    .limit(200);
  await recordAuditEvent({
    db,
    event: {
      actorKind: 'staff',
      actorId: caseworker.id,
      organisationId: caseworker.organisationId,
      action: 'correction.queue',
      query: { ...filter },
      childIds: [...new Set(rows.map((row) => row.childId))],
      clientAddress,
    },
  });
  return rows.map(({ relationship, parentName, raisedByStaff, raisedBySource, childId: _childId, ...row }) => ({
    ...row,
    requester: requesterOf({ relationship, parentName, raisedByStaff, raisedBySource }),
    ageDays: Math.floor((now.getTime() - row.receivedAt.getTime()) / 86_400_000),
  }));
}
