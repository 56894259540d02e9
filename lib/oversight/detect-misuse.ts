import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import type { MisuseThresholds } from './misuse-thresholds';

export type DetectMisuseOptions = { db: DbOrTx; windowStart: Date; thresholds: MisuseThresholds };

export type RaisedAlert = { kind: string; staffUserId: string; childId: string | null };

const HOUR_MS = 3_600_000;

// A member of staff's family name as the rules compare it: the last word of their name, letters only, with any
// "(index team)"-style note left off.
const staffFamilyName = sql`regexp_replace(upper(regexp_replace(regexp_replace(s.display_name, '\\s*\\(.*\\)\\s*$', ''), '^.*\\s', '')), '[^A-Z]', '', 'g')`;
const squashed = (column: ReturnType<typeof sql.raw>) => sql`regexp_replace(upper(${column}), '[^A-Z0-9]', '', 'g')`;

/**
 * Looks at one hour of the audit trail for use of the index that the index team should look at, and raises an alert
 * for each finding (the review is theirs: an alert is a question, not a verdict):
 * - far more record views than the user's peers of the same role in that hour;
 * - bursts of record views at night (London time);
 * - searches without opening any record (fishing);
 * - pages, actions and API calls refused again and again (probing);
 * - a view of a child who shares the user's family name, or lives at the user's home address.
 * Shield overrides and emergency access raise their alerts the moment they happen. Safe to run twice for the same hour:
 * an alert is raised once per rule, user, hour (and child). Returns the alerts raised by this run.
 */
export async function detectMisuse({ db, windowStart, thresholds: t }: DetectMisuseOptions): Promise<RaisedAlert[]> {
  const from = windowStart.toISOString();
  const to = new Date(windowStart.getTime() + HOUR_MS).toISOString();
  const night =
    t.outOfHoursStart > t.outOfHoursEnd
      ? sql`(extract(hour from e.occurred_at at time zone 'Europe/London') >= ${t.outOfHoursStart} or extract(hour from e.occurred_at at time zone 'Europe/London') < ${t.outOfHoursEnd})`
      : sql`extract(hour from e.occurred_at at time zone 'Europe/London') between ${t.outOfHoursStart} and ${t.outOfHoursEnd - 1}`;

  const raised = await db.execute<RaisedAlert>(sql`
    with events as (
      select e.* from audit_events e
      where e.actor_kind = 'staff' and e.action in ('child.view', 'child.search')
        and e.occurred_at >= ${from}::timestamptz and e.occurred_at < ${to}::timestamptz
    ),
    activity as (
      select e.actor_id as staff_id, s.role,
             count(*) filter (where e.action = 'child.view') as views,
             count(*) filter (where e.action = 'child.search') as searches
      from events e join staff_users s on s.id = e.actor_id
      group by e.actor_id, s.role
    ),
    peers as (
      select role, count(*) as users, percentile_cont(0.5) within group (order by views) as median_views
      from activity where views > 0 group by role
    ),
    findings as (
      -- Far more views than peers: above the floor, and (with enough peers to compare) a multiple of their median.
      select 'unusual_volume'::text as kind, a.staff_id, null::uuid as child_id,
             format('%s record views in the hour from %s, where the median of %s users of the same role was %s',
                    a.views, to_char(${from}::timestamptz at time zone 'Europe/London', 'HH24:MI on DD Mon YYYY'), p.users, p.median_views) as reason
      from activity a join peers p using (role)
      where a.views > ${t.viewsPerHourFloor} and (p.users < 5 or a.views > ${t.peerMultiple} * p.median_views)
      union all
      -- Bursts at night: many views within any quarter of an hour.
      select 'out_of_hours', b.actor_id, null,
             format('%s record views between %s and %s (London time)', max(b.views), min(b.first_at), max(b.last_at))
      from (
        select e.actor_id, count(*) as views,
               to_char(min(e.occurred_at) at time zone 'Europe/London', 'HH24:MI') as first_at,
               to_char(max(e.occurred_at) at time zone 'Europe/London', 'HH24:MI on DD Mon YYYY') as last_at
        from events e
        where e.action = 'child.view' and ${night}
        group by e.actor_id, date_bin('15 minutes', e.occurred_at, ${from}::timestamptz)
        having count(*) >= ${t.outOfHoursBurst}
      ) b
      group by b.actor_id
      union all
      -- Fishing: searching without ever opening a record.
      select 'searching_without_viewing', a.staff_id, null,
             format('%s searches in the hour from %s without opening any record', a.searches,
                    to_char(${from}::timestamptz at time zone 'Europe/London', 'HH24:MI on DD Mon YYYY'))
      from activity a where a.searches >= ${t.searchesWithoutViewing} and a.views = 0
      union all
      -- Probing: pages, actions and API calls refused again and again.
      select 'repeated_refusals', r.actor_id, null,
             format('%s refused requests in the hour from %s, the last for %s', count(*),
                    to_char(${from}::timestamptz at time zone 'Europe/London', 'HH24:MI on DD Mon YYYY'),
                    (array_agg(r.query->>'route' order by r.occurred_at desc))[1])
      from audit_events r
      where r.actor_kind = 'staff' and r.action = 'access.refused'
        and r.occurred_at >= ${from}::timestamptz and r.occurred_at < ${to}::timestamptz
      group by r.actor_id
      having count(*) >= ${t.refusalsPerHour}
      union all
      -- A child who may be the user's own family: the same family name (either part of a double-barrelled one),
      -- or the user's own home address.
      select distinct 'possible_relative', e.actor_id, viewed.child_id,
             case when exists (select 1 from regexp_split_to_table(upper(c.family_name), '[\\s-]+') part
                               where regexp_replace(part, '[^A-Z]', '', 'g') = ${staffFamilyName})
                  then 'Viewed the record of a child who shares their family name'
                  else 'Viewed the record of a child who lives at their home address' end
      from events e
      cross join lateral unnest(e.child_ids) as viewed(child_id)
      join staff_users s on s.id = e.actor_id
      join children c on c.id = viewed.child_id
      left join child_addresses ca on ca.child_id = c.id and ca.lived_until is null
      left join addresses ad on ad.id = ca.address_id
      where e.action = 'child.view'
        and (exists (select 1 from regexp_split_to_table(upper(c.family_name), '[\\s-]+') part
                     where regexp_replace(part, '[^A-Z]', '', 'g') = ${staffFamilyName} and ${staffFamilyName} <> '')
             or (s.home_postcode is not null and s.home_address_line1 is not null
                 and ${squashed(sql.raw('ad.postcode'))} = ${squashed(sql.raw('s.home_postcode'))}
                 and ${squashed(sql.raw('ad.line1'))} = ${squashed(sql.raw('s.home_address_line1'))}))
    )
    insert into alerts (kind, child_id, staff_user_id, local_authority_code, reason, window_start)
    select f.kind::alert_kind, f.child_id, f.staff_id, coalesce(s.local_authority_code, o.local_authority_code), f.reason, ${from}::timestamptz
    from findings f
    join staff_users s on s.id = f.staff_id
    join organisations o on o.id = s.organisation_id
    where coalesce(s.local_authority_code, o.local_authority_code) is not null
    on conflict do nothing
    returning kind, staff_user_id as "staffUserId", child_id as "childId"`);
  return [...raised];
}
