/**
 * Whether a held item (the table alias `item`, with provenance columns) gives way to the value of the load row `r`
 * (columns as_of, source_system_id, child_id): only if the load is newer than the item's last confirmation (the same
 * source confirming on the same day is no change), never against a caseworker's later correction, and never while a
 * caseworker's correction of that kind of item waits for this source to take it in (a correction notice not yet
 * acknowledged): an older source value never undoes a correction. `noticeFor` says which children's notices count:
 * the row's child, or for a carer every child the carer is linked to (corrected on a sibling's record, it is the
 * same person).
 */
export const GIVES_WAY = (item: string, kind: string, noticeFor = 'n.child_id = r.child_id') => `(
  (${item}.last_confirmed_at < r.as_of or (${item}.source_system_id = r.source_system_id and ${item}.last_confirmed_at <= r.as_of))
  and not (${item}.recorded_by_staff_id is not null and ${item}.last_confirmed_at >= r.as_of)
  and not exists (select 1 from correction_notices n where n.source_system_id = r.source_system_id and ${noticeFor}
                  and n.item_kind = '${kind}' and n.acknowledged_at is null))`;
