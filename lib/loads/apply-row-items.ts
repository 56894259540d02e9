import 'server-only';
import type postgres from 'postgres';
import { REPEATS_EARLIER_ROW } from './repeats-earlier-row';

export type ApplyRowItemsOptions = { tx: postgres.TransactionSql };

/**
 * The items beside the child's own fields that apply_rows brings, for new and linked children alike, each added only
 * if the child does not already hold it: former names (never for a child with a new identity: they are the identity
 * it replaced), the school (a different current school from a source ends on the load's date), the GP practice
 * (likewise), the service involved; and the source's person id, so that its next load finds the child by it. Items
 * held already and sent again are marked confirmed on the load's date. Several rows of one batch for one child count
 * once, the earliest row first; a row repeating a child an earlier row of the load is or makes (repeats-earlier-row.ts) adds a school or practice only if the child has none.
 */
export async function applyRowItems({ tx }: ApplyRowItemsOptions): Promise<void> {
  await tx.unsafe(`
    insert into other_names (child_id, kind, given_names, family_name, source_system_id, last_confirmed_at)
    select distinct r.child_id, 'former'::other_name_kind, trim(split_part(f, '|', 1)), trim(split_part(f, '|', 2)), r.source_system_id, r.as_of
    from apply_rows r cross join lateral regexp_split_to_table(r.former_names, ';') f
    where r.former_names is not null
      and not exists (select 1 from children c where c.id = r.child_id and c.is_new_identity)
      and not exists (select 1 from other_names o where o.child_id = r.child_id
                      and lower(o.given_names) = lower(trim(split_part(f, '|', 1))) and lower(o.family_name) = lower(trim(split_part(f, '|', 2))))`);
  for (const [table, started, code, kinds] of [
    ['education_placements', 'started_on', 'school_urn', `('school', 'nursery', 'college')`],
    ['gp_registrations', 'registered_on', 'gp_practice_code', `('gp_practice')`],
  ] as const) {
    await tx.unsafe(`
      create temp table wanted_${table} on commit drop as
      select distinct on (r.child_id) r.child_id, o.id as organisation_id, r.source_system_id, r.as_of, r.outcome,
             ${REPEATS_EARLIER_ROW} as repeats
      from apply_rows r join organisations o on o.code = r.${code} and o.kind in ${kinds}
      order by r.child_id, r.row_number`);
    await tx.unsafe(`
      update ${table} t set ended_on = w.as_of
      from wanted_${table} w
      where t.child_id = w.child_id and t.ended_on is null and t.organisation_id <> w.organisation_id
        and t.recorded_by_staff_id is null and t.last_confirmed_at < w.as_of`);
    await tx.unsafe(`
      update ${table} t set last_confirmed_at = w.as_of
      from wanted_${table} w
      where t.child_id = w.child_id and t.ended_on is null and t.organisation_id = w.organisation_id and t.last_confirmed_at < w.as_of`);
    await tx.unsafe(`
      insert into ${table} (child_id, organisation_id, ${started}, source_system_id, last_confirmed_at)
      select w.child_id, w.organisation_id, case when w.outcome = 'new' then null else w.as_of end, w.source_system_id, w.as_of
      from wanted_${table} w
      where not exists (select 1 from ${table} t where t.child_id = w.child_id and t.ended_on is null
                        and (t.organisation_id = w.organisation_id or w.repeats))`);
  }
  await tx.unsafe(`
    insert into involvements (child_id, service_type_code, practitioner_name, phone, started_on, source_system_id, last_confirmed_at)
    select distinct on (r.child_id, r.service_code) r.child_id, r.service_code, r.service_practitioner, r.service_phone, r.service_started_on, r.source_system_id, r.as_of
    from apply_rows r
    where r.service_code is not null
      and not exists (select 1 from involvements i where i.child_id = r.child_id and i.service_type_code = r.service_code and i.ended_on is null)
    order by r.child_id, r.service_code, r.row_number`);
  await tx.unsafe(`
    insert into source_identities (source_system_id, source_person_id, child_id, first_seen_on, last_seen_on)
    select source_system_id, source_person_id, child_id, as_of, as_of from apply_rows
    on conflict (source_system_id, source_person_id) do update set last_seen_on = greatest(source_identities.last_seen_on, excluded.last_seen_on)`);
}
