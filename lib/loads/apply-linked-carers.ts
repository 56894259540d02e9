import 'server-only';
import type postgres from 'postgres';
import { GIVES_WAY } from './gives-way';
import { REPEATS_EARLIER_ROW } from './repeats-earlier-row';
import { LIVE_HELD_CHILD } from './live-held-child';

export type ApplyLinkedCarersOptions = { tx: postgres.TransactionSql };

const CARER_NOTICE = 'n.child_id in (select x.child_id from child_carers x where x.carer_id = k.id)';

/**
 * The carers that rows of apply_rows linked to a held child bring (a new child's are made with it), set-based. A
 * carer is the child's already when one linked to the child has the same given and family names (case aside):
 *  - a carer not yet linked is added and linked, naming the source, last confirmed on the load's date;
 *  - a linked carer's phone and email (the carer) and relationship and parental responsibility (the link to the
 *    child) are each an item: changed only if it gives way to the load (gives-way.ts: newer than its last
 *    confirmation, not corrected by a caseworker since, no correction notice of a carer waiting), else, unchanged
 *    and from the same source, confirmed on the load's date. An empty phone or email in the file leaves the held one;
 *  - a row repeating a child an earlier row of the same load is or makes (repeats-earlier-row.ts) only adds: the
 *    earlier row's values stand.
 * Several rows of a batch for one child count once per carer, the earliest row first. Every change is left in the
 * temporary table linked_carer_changes (child, row, change as a record version lists it) for the child's version.
 */
export async function applyLinkedCarers({ tx }: ApplyLinkedCarersOptions): Promise<void> {
  await tx.unsafe(`
    create temp table incoming_carers on commit drop as
    select distinct on (r.child_id, lower(e."givenNames"), lower(e."familyName"))
      r.row_number, r.child_id, r.address_id, r.source_system_id, r.as_of, ${REPEATS_EARLIER_ROW} as repeats,
      e."givenNames" as given_names, e."familyName" as family_name, e.relationship, e."hasParentalResponsibility" as has_pr, e.phone, e.email,
      held.carer_id, held.link_id, gen_random_uuid() as new_carer_id
    from apply_rows r
    ${LIVE_HELD_CHILD}
    cross join lateral jsonb_to_recordset(r.carers) as e("givenNames" text, "familyName" text, relationship carer_relationship,
                                                        "hasParentalResponsibility" boolean, phone text, email text)
    left join lateral (
      select cc.carer_id, cc.id as link_id from child_carers cc join carers k on k.id = cc.carer_id
      where cc.child_id = r.child_id and lower(k.given_names) = lower(e."givenNames") and lower(k.family_name) = lower(e."familyName")
      order by cc.id limit 1) held on true
    where r.outcome <> 'new'
    order by r.child_id, lower(e."givenNames"), lower(e."familyName"), r.row_number`);
  await tx.unsafe(`
    create temp table carer_items on commit drop as
    select r.*, k.phone as held_phone, k.email as held_email, cc.relationship as held_relationship, cc.has_parental_responsibility as held_pr,
      coalesce(r.phone, k.phone) as new_phone, coalesce(r.email, k.email) as new_email,
      (coalesce(r.phone, k.phone) is distinct from k.phone or coalesce(r.email, k.email) is distinct from k.email) as details_differ,
      (r.relationship is distinct from cc.relationship or r.has_pr is distinct from cc.has_parental_responsibility) as link_differs,
      ${GIVES_WAY('k', 'carer', CARER_NOTICE)} as details_give_way,
      ${GIVES_WAY('cc', 'carer', CARER_NOTICE)} as link_gives_way,
      k.source_system_id = r.source_system_id and k.last_confirmed_at < r.as_of as details_confirmable,
      cc.source_system_id = r.source_system_id and cc.last_confirmed_at < r.as_of as link_confirmable
    from incoming_carers r
    left join carers k on k.id = r.carer_id
    left join child_carers cc on cc.id = r.link_id
    where r.carer_id is null or not r.repeats`);
  await tx.unsafe(`
    create temp table linked_carer_changes on commit drop as
    select child_id, row_number, 0 as ord,
      jsonb_build_object('item', 'carer', 'itemId', new_carer_id, 'field', 'carer', 'before', null,
        'after', jsonb_build_object('givenNames', given_names, 'familyName', family_name, 'relationship', relationship,
                                    'hasParentalResponsibility', has_pr, 'phone', phone, 'email', email)) as change
    from carer_items where carer_id is null
    union all
    select i.child_id, i.row_number, f.ord, jsonb_build_object('item', 'carer', 'itemId', i.carer_id, 'field', f.field, 'before', f.before, 'after', f.after)
    from carer_items i cross join lateral (values
      (1, 'phone', to_jsonb(i.held_phone), to_jsonb(i.new_phone), i.details_differ and i.details_give_way),
      (2, 'email', to_jsonb(i.held_email), to_jsonb(i.new_email), i.details_differ and i.details_give_way),
      (3, 'relationship', to_jsonb(i.held_relationship), to_jsonb(i.relationship), i.link_differs and i.link_gives_way),
      (4, 'hasParentalResponsibility', to_jsonb(i.held_pr), to_jsonb(i.has_pr), i.link_differs and i.link_gives_way)) as f(ord, field, before, after, applies)
    where i.carer_id is not null and f.applies and f.before is distinct from f.after`);
  await tx.unsafe(`
    with made as (
      insert into carers (id, given_names, family_name, address_id, phone, email, source_system_id, last_confirmed_at)
      select new_carer_id, given_names, family_name, address_id, phone, email, source_system_id, as_of from carer_items where carer_id is null)
    insert into child_carers (child_id, carer_id, relationship, has_parental_responsibility, source_system_id, last_confirmed_at)
    select child_id, new_carer_id, relationship, has_pr, source_system_id, as_of from carer_items where carer_id is null`);
  // One carer may come on two rows of the batch (siblings): the earliest row's values, once.
  await tx.unsafe(`
    update carers k set phone = i.new_phone, email = i.new_email, source_system_id = i.source_system_id,
      recorded_by_staff_id = null, last_confirmed_at = i.as_of
    from (select distinct on (carer_id) * from carer_items where carer_id is not null and details_differ and details_give_way
          order by carer_id, row_number) i
    where k.id = i.carer_id`);
  await tx.unsafe(`
    update carers k set last_confirmed_at = i.as_of
    from carer_items i
    where k.id = i.carer_id and not i.details_differ and i.details_confirmable and k.last_confirmed_at < i.as_of`);
  await tx.unsafe(`
    update child_carers cc set relationship = i.relationship, has_parental_responsibility = i.has_pr, source_system_id = i.source_system_id,
      recorded_by_staff_id = null, last_confirmed_at = i.as_of
    from carer_items i
    where cc.id = i.link_id and i.link_differs and i.link_gives_way`);
  await tx.unsafe(`
    update child_carers cc set last_confirmed_at = i.as_of
    from carer_items i
    where cc.id = i.link_id and not i.link_differs and i.link_confirmable and cc.last_confirmed_at < i.as_of`);
}
