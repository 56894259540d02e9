import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { revokeStaffSessions } from '@/lib/auth/staff-sessions';
import { queueEmail } from '@/lib/email/queue-email';
import { appUrl } from '@/lib/http/app-url';

export type SuspendSearchWithoutViewingOptions = {
  db: Database;
  staff: { id: string; sessionId: string };
  /** Searches in the last hour, with no record opened, that end the session. */
  searchesWithoutViewing: number;
  now: Date;
};

/**
 * The "searches without viewing" rule, applied the moment a member of staff searches rather than by the hourly job:
 * a session that has searched that often in the last hour without opening any record is ended at once, and the
 * index team alerted (once per hour: the hourly job finds the same alert already raised). True when it was ended.
 */
export async function suspendSearchWithoutViewing({ db, staff, searchesWithoutViewing, now }: SuspendSearchWithoutViewingOptions): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const [activity] = await tx.execute<{ searches: number; views: number }>(sql`
      select count(*) filter (where action = 'child.search')::int as searches,
             count(*) filter (where action = 'child.view')::int as views
      from audit_events
      where actor_kind = 'staff' and actor_id = ${staff.id} and action in ('child.search', 'child.view')
        and occurred_at > ${at}::timestamptz - interval '1 hour'`);
    if (!activity || activity.searches < searchesWithoutViewing || activity.views > 0) return false;
    const [raised] = await tx.execute<{ indexTeamEmail: string; staffName: string; organisationName: string }>(sql`
      with raised as (
      insert into alerts (kind, staff_user_id, local_authority_code, reason, window_start)
      select 'searching_without_viewing', s.id, coalesce(s.local_authority_code, o.local_authority_code),
             format('%s searches in the hour to %s without opening any record; the session was ended at once', ${activity.searches}::int,
                    to_char(${at}::timestamptz at time zone 'Europe/London', 'HH24:MI on DD Mon YYYY')),
             date_trunc('hour', ${at}::timestamptz)
      from staff_users s join organisations o on o.id = s.organisation_id
      where s.id = ${staff.id} and coalesce(s.local_authority_code, o.local_authority_code) is not null
      on conflict do nothing
      returning local_authority_code, staff_user_id)
      select la.index_team_email as "indexTeamEmail", s.display_name as "staffName", o.name as "organisationName"
      from raised r join local_authorities la on la.code = r.local_authority_code
      join staff_users s on s.id = r.staff_user_id join organisations o on o.id = s.organisation_id`);
    // The team hears at once, as for a shield override; what was searched stays inside the index.
    if (raised) {
      await queueEmail({
        db: tx,
        email: {
          to: raised.indexTeamEmail,
          subject: 'Searching without viewing: a session was ended',
          text: [
            `${raised.staffName} of ${raised.organisationName} searched the index ${activity.searches} times in an hour without opening any record, so their session was ended.`,
            '',
            'Sign in to the Children’s Index to review the alert:',
            appUrl('/staff/sign-in'),
          ].join('\n'),
        },
      });
    }
    await revokeStaffSessions({ db: tx, staffUserId: staff.id, sessionId: staff.sessionId, now });
    return true;
  });
}
