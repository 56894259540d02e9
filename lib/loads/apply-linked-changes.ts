import 'server-only';
import type postgres from 'postgres';

export type ApplyLinkedChangesOptions = { tx: postgres.TransactionSql };

// A held item gives way to the load's value only if the load is newer than the item's last confirmation (the same
// source confirming on the same day is no change), and never while a caseworker's correction of it is waiting for
// this source to take in (a correction notice not yet acknowledged): an older source value never undoes a correction.
const GIVES_WAY = (item: string, kind: string) => `(
  (${item}.last_confirmed_at < r.as_of or (${item}.source_system_id = r.source_system_id and ${item}.last_confirmed_at <= r.as_of))
  and not (${item}.recorded_by_staff_id is not null and ${item}.last_confirmed_at >= r.as_of)
  and not exists (select 1 from correction_notices n where n.source_system_id = r.source_system_id and n.child_id = r.child_id
                  and n.item_kind = '${kind}' and n.acknowledged_at is null))`;

/**
 * What the rows of apply_rows linked to a held child change on it, set-based: the child's own fields (names, gender,
 * date of birth; a date of death only ever added) and a move of address (the old one ended on the load's date, the
 * new one current). Each changed child gets one new version listing every field before and after, naming the
 * source. A shielded child's searchable postcode stays empty. Unchanged items from this source are marked confirmed.
 */
export async function applyLinkedChanges({ tx }: ApplyLinkedChangesOptions): Promise<number> {
  await tx.unsafe(`
    create temp table linked_diff on commit drop as
    select r.row_number, r.child_id, c.is_shielded, r.address_id, r.postcode, ca.id as old_child_address_id,
      ${GIVES_WAY('c', 'child')} as child_gives_way,
      ca.id is distinct from null and ca.address_id is distinct from r.address_id and ${GIVES_WAY('ca', 'address')} as moves,
      ca.id is null and r.address_id is not null as first_address,
      jsonb_build_object('givenNames', r.given_names is distinct from c.given_names, 'familyName', r.family_name is distinct from c.family_name,
                         'gender', r.gender is distinct from c.gender, 'dateOfBirth', r.date_of_birth is distinct from c.date_of_birth,
                         'dateOfDeath', r.date_of_death is not null and r.date_of_death is distinct from c.date_of_death) as differs,
      jsonb_build_object('givenNames', c.given_names, 'familyName', c.family_name, 'gender', c.gender, 'dateOfBirth', c.date_of_birth,
                         'dateOfDeath', c.date_of_death, 'address', ca.address_id) as before,
      jsonb_build_object('givenNames', r.given_names, 'familyName', r.family_name, 'gender', r.gender, 'dateOfBirth', r.date_of_birth,
                         'dateOfDeath', r.date_of_death, 'address', r.address_id) as after
    from apply_rows r
    join children c on c.id = r.child_id and c.status = 'live'
    left join child_addresses ca on ca.child_id = r.child_id and ca.lived_until is null
    where r.outcome <> 'new'`);
  await tx.unsafe(`
    create temp table linked_changes on commit drop as
    select d.row_number, d.child_id, d.is_shielded, d.moves or d.first_address as moves, d.address_id, d.postcode, d.old_child_address_id,
      case when d.child_gives_way then array(select key from jsonb_each(d.differs) where value = 'true') else '{}' end as fields,
      d.before, d.after
    from linked_diff d`);
  await tx.unsafe(`delete from linked_changes where cardinality(fields) = 0 and not moves`);
  await tx`analyze linked_changes`;
  await tx.unsafe(`
    update child_addresses ca set lived_until = r.as_of
    from linked_changes l join apply_rows r on r.row_number = l.row_number
    where l.moves and ca.id = l.old_child_address_id`);
  await tx.unsafe(`
    insert into child_addresses (child_id, address_id, lived_from, source_system_id, last_confirmed_at)
    select l.child_id, l.address_id, r.as_of, r.source_system_id, r.as_of
    from linked_changes l join apply_rows r on r.row_number = l.row_number where l.moves`);
  const changed = await tx.unsafe(`
    with bumped as (
      update children c set
        given_names = case when 'givenNames' = any(l.fields) then r.given_names else c.given_names end,
        family_name = case when 'familyName' = any(l.fields) then r.family_name else c.family_name end,
        gender = case when 'gender' = any(l.fields) then r.gender else c.gender end,
        date_of_birth = case when 'dateOfBirth' = any(l.fields) then r.date_of_birth else c.date_of_birth end,
        date_of_death = case when 'dateOfDeath' = any(l.fields) then r.date_of_death else c.date_of_death end,
        postcode = case when l.moves and not c.is_shielded then l.postcode else c.postcode end,
        address_status = case when l.moves then 'current' else c.address_status end,
        source_system_id = case when cardinality(l.fields) > 0 then r.source_system_id else c.source_system_id end,
        recorded_by_staff_id = case when cardinality(l.fields) > 0 then null else c.recorded_by_staff_id end,
        last_confirmed_at = case when cardinality(l.fields) > 0 then r.as_of else c.last_confirmed_at end,
        version = c.version + 1, updated_at = now()
      from linked_changes l join apply_rows r on r.row_number = l.row_number
      where c.id = l.child_id
      returning c.id, c.version, l.fields, l.moves, l.before, l.after, r.source_system_id, r.file_name, r.row_number)
    insert into record_versions (child_id, version, source_system_id, reason, changes)
    select id, version, source_system_id, 'Load ' || file_name || ', row ' || row_number,
      (select coalesce(jsonb_agg(jsonb_build_object('item', 'child', 'itemId', id, 'field', f, 'before', before -> f, 'after', after -> f)), '[]'::jsonb)
       from unnest(fields) f)
      || case when moves then jsonb_build_array(jsonb_build_object('item', 'address', 'field', 'address', 'before', before -> 'address', 'after', after -> 'address')) else '[]'::jsonb end
    from bumped
    returning child_id`);
  await tx.unsafe(`
    update children c set last_confirmed_at = r.as_of
    from apply_rows r
    where r.outcome <> 'new' and c.id = r.child_id and c.source_system_id = r.source_system_id and c.last_confirmed_at < r.as_of`);
  await tx.unsafe(`
    update child_addresses ca set last_confirmed_at = r.as_of
    from apply_rows r
    where r.outcome <> 'new' and ca.child_id = r.child_id and ca.lived_until is null and ca.address_id = r.address_id
      and ca.source_system_id = r.source_system_id and ca.last_confirmed_at < r.as_of`);
  return changed.length;
}
