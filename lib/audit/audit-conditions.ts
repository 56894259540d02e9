import { sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import { idArray } from '@/lib/kernel/id-array';
import type { SensitiveServicesSeen } from '@/lib/sensitive-services/sensitive-services-seen-by';

/**
 * Conditions on audit events that more than one reader needs: the explorer, its CSV and the citizen's "who looked
 * at my record". Each is a plain predicate on the audit_events columns, so it holds whatever the table's storage.
 */

/** Events about any of these records (uses the GIN index on child_ids). */
export const aboutAnyOf = (childIds: readonly string[]): SQL =>
  sql`${auditEvents.childIds} && ${idArray(childIds)}`;

/** The day in England on which the event happened, as YYYY-MM-DD. */
export const londonDay = (): SQL<string> => sql<string>`(${auditEvents.occurredAt} at time zone 'Europe/London')::date::text`;

/** Events from the start of a day in England (midnight there, whether GMT or BST). */
export const onOrAfterLondonDay = (day: string): SQL => sql`${auditEvents.occurredAt} >= (${day}::date)::timestamp at time zone 'Europe/London'`;

/** Events up to the end of a day in England. */
export const onOrBeforeLondonDay = (day: string): SQL =>
  sql`${auditEvents.occurredAt} < (${day}::date + 1)::timestamp at time zone 'Europe/London'`;

/**
 * Events about a child whose council answers for them now: the council holding the child's shield, else the
 * council of the child's current address (the rule of lib/records/responsible-authority.ts, in SQL).
 */
export const aboutChildOfCouncil = (localAuthorityCode: string): SQL => sql`exists (
  select 1 from unnest(${auditEvents.childIds}) as involved(child_id)
  where coalesce(
    (select s.responsible_local_authority_code from shields s where s.child_id = involved.child_id and s.lifted_at is null limit 1),
    (select a.local_authority_code from child_addresses ca join addresses a on a.id = ca.address_id
     where ca.child_id = involved.child_id and ca.lived_until is null limit 1)
  ) = ${localAuthorityCode})`;

// The organisation an event was done for: its own, else the acting member of staff's.
const actedFor = sql`coalesce(${auditEvents.organisationId},
  (select a.organisation_id from staff_users a where ${auditEvents.actorKind} = 'staff' and a.id = ${auditEvents.actorId}))`;

/**
 * The sensitive service an event ties to the children it names, or null: the acting member of staff's own; the one
 * the event is about (an involvement recorded or ended, whoever did it); or that of the organisation acted for, when
 * any of its staff practise one or it provides one (organisation_services): a clinic's name is the secret, whoever
 * at the clinic looked.
 */
export const sensitiveServiceRevealed = (): SQL<string | null> => sql<string | null>`coalesce(
  (select s.sensitive_service_code from staff_users s where ${auditEvents.actorKind} = 'staff' and s.id = ${auditEvents.actorId}),
  (select st.code from service_types st where st.is_sensitive and st.code = ${auditEvents.query}->>'service'),
  (select min(s.sensitive_service_code) from staff_users s
   where s.sensitive_service_code is not null and s.organisation_id = ${actedFor}),
  (select min(os.service_type_code) from organisation_services os join service_types st on st.code = os.service_type_code and st.is_sensitive
   where os.organisation_id = ${actedFor}))`;

/** Events that would tell a reader who sees only `seen` that a sensitive service is involved with a child. */
export function revealsSensitiveServiceHiddenFrom(seen: SensitiveServicesSeen): SQL<boolean> {
  if (seen === 'every') return sql<boolean>`false`;
  const revealed = sensitiveServiceRevealed();
  if (seen.length === 0) return sql<boolean>`(${revealed} is not null)`;
  return sql<boolean>`(${revealed} is not null and ${revealed} not in (${sql.join(
    seen.map((code) => sql`${code}`),
    sql`, `,
  )}))`;
}
