import 'server-only';
import type postgres from 'postgres';

export type ApplyNewRecordsOptions = { tx: postgres.TransactionSql };

const SHIELD_REASON = 'Made by a source load from a row that resembled a protected record (shielded, or with a new identity): shielded until the index team decides otherwise';

/**
 * The children that rows of apply_rows (outcome "new") make, with everything the row holds: the record (its id and
 * index number fixed at matching, so a rerun makes the same one, and "on conflict do nothing" makes it once), its
 * first version, the shield if the row resembled a protected child (and then no searchable postcode), the address and
 * carers (school, GP practice and service: apply-row-items.ts); and the reviews of later rows of the file that may be
 * the same child. Every item names the load's source and is last confirmed on its date.
 */
export async function applyNewRecords({ tx }: ApplyNewRecordsOptions): Promise<void> {
  await tx.unsafe(`
    insert into children (id, index_number, given_names, family_name, gender, date_of_birth, date_of_death, address_status,
                          postcode, is_shielded, source_system_id, last_confirmed_at)
    select child_id, new_index_number, given_names, family_name, gender, date_of_birth, date_of_death,
           case when address_id is null then 'no_known_address' else 'current' end::address_status,
           case when shield_from_child_id is null then postcode end, shield_from_child_id is not null, source_system_id, as_of
    from apply_rows where outcome = 'new'
    on conflict (id) do nothing`);
  // The record's first version, set-based: writeRecordVersion's SQL twin (record-versions-twin.test.ts shows the same
  // row). A load makes thousands of children against a 15,000 rows/s target (docs/benchmarks.md), and the writer
  // takes two statements a child (measured 2026-12-08 on the 2-core machine, 2,000 children in one transaction: 308 versions/s through the writer, 11,500/s set-based). The writer bumps a version; a new record starts at its first (1).
  await tx.unsafe(`
    insert into record_versions (child_id, version, source_system_id, reason, changes)
    select child_id, 1, source_system_id, 'Created by load ' || file_name || ', row ' || row_number, '[]'::jsonb
    from apply_rows where outcome = 'new'
    on conflict do nothing`);
  // A later row of the file that may be the same child as this one waits for a caseworker, now that there is a
  // record to compare it with (match-rows-within-load.ts).
  await tx.unsafe(`
    insert into match_reviews (load_id, row_number, candidate_child_id, match_weight, because)
    select later.load_id, later.row_number, r.child_id, later.match_weight, 'another row of this load'
    from apply_rows r join source_load_rows later on later.load_id = r.load_id and later.same_child_as_row = r.row_number
    where r.outcome = 'new' and later.outcome = 'review'
    on conflict do nothing`);
  await tx.unsafe(
    `insert into shields (child_id, responsible_local_authority_code, reason)
     select r.child_id, coalesce(
         (select s.responsible_local_authority_code from shields s where s.child_id = r.shield_from_child_id and s.lifted_at is null),
         r.address_authority, r.source_authority), $1
     from apply_rows r
     where r.outcome = 'new' and r.shield_from_child_id is not null
       and not exists (select 1 from shields s where s.child_id = r.child_id and s.lifted_at is null)`,
    [SHIELD_REASON],
  );
  await tx.unsafe(`
    insert into child_addresses (child_id, address_id, source_system_id, last_confirmed_at)
    select child_id, address_id, source_system_id, as_of from apply_rows r
    where outcome = 'new' and address_id is not null
      and not exists (select 1 from child_addresses ca where ca.child_id = r.child_id)`);
  await tx.unsafe(`
    with wanted as materialized (
      select gen_random_uuid() as carer_id, r.child_id, r.address_id, r.source_system_id, r.as_of, e.*
      from apply_rows r
      cross join lateral jsonb_to_recordset(r.carers) as e("givenNames" text, "familyName" text, relationship carer_relationship,
                                                          "hasParentalResponsibility" boolean, phone text, email text)
      -- a lateral with a limit, not "not exists": the row count jsonb_to_recordset is guessed at (100 a row) made the
      -- planner scan every child's carers at 12 M children, for 30 s a batch
      left join lateral (
        select true as held from child_carers cc join carers k on k.id = cc.carer_id
        where cc.child_id = r.child_id and lower(k.given_names) = lower(e."givenNames") and lower(k.family_name) = lower(e."familyName")
        limit 1) h on true
      where r.outcome = 'new' and h.held is null),
    made as (
      insert into carers (id, given_names, family_name, address_id, phone, email, source_system_id, last_confirmed_at)
      select carer_id, "givenNames", "familyName", address_id, phone, email, source_system_id, as_of from wanted)
    insert into child_carers (child_id, carer_id, relationship, has_parental_responsibility, source_system_id, last_confirmed_at)
    select child_id, carer_id, relationship, "hasParentalResponsibility", source_system_id, as_of from wanted`);
}
