import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';

export type RecordViewer = { on: string; organisationName: string; organisationKind: string };

/** Enough for anyone's record; older views stay on the audit trail and in a subject access request. */
const MAX_LISTED = 200;

export type ListRecordViewersOptions = { db: DbOrTx; childId: string };

/**
 * "Who looked at my record": the organisations whose staff opened it, one line per organisation per day, newest
 * first — never a person's name. A shield override is listed only once the index team has closed its review, so the
 * list cannot tip anyone off during an investigation.
 */
export async function listRecordViewers({ db, childId }: ListRecordViewersOptions): Promise<RecordViewer[]> {
  const rows = await db.execute<{ day: string; organisation_name: string; organisation_kind: string }>(sql`
    select (e.occurred_at at time zone 'Europe/London')::date::text as day, o.name as organisation_name, o.kind::text as organisation_kind
    from audit_events e
    join organisations o on o.id = e.organisation_id
    where e.child_ids @> array[${childId}::uuid]
      and e.action in ('child.view', 'child.household.view')
      and e.actor_kind = 'staff'
      and (
        coalesce((e.query->>'shieldOverride')::boolean, false) = false
        or exists (
          select 1 from alerts a
          where a.child_id = ${childId}::uuid and a.staff_user_id = e.actor_id and a.kind = 'shield_override'
            and a.reviewed_at is not null and a.raised_at <= e.occurred_at
        )
      )
    group by 1, 2, 3
    order by 1 desc, 2
    limit ${MAX_LISTED}`);
  return [...rows].map((r) => ({ on: r.day, organisationName: r.organisation_name, organisationKind: r.organisation_kind }));
}
