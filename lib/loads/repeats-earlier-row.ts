/**
 * Whether the load row `r` (of apply_rows) is a child an earlier row of the same load already is or makes: the same
 * child twice in one file (match-rows-within-load.ts), or a source that holds one child under two person ids sending
 * both. The earlier row's values stand, neither row being newer than the other; a repeating row only adds what the
 * child does not hold yet (its person id, a carer, a former name…). Several rows of one load for one child thus
 * give the same result in any batch and any order of applying.
 */
export const REPEATS_EARLIER_ROW = `exists (
  select 1 from source_load_rows e where e.load_id = r.load_id and e.child_id = r.child_id and e.row_number < r.row_number
    and e.outcome in ('source_id', 'linked', 'reviewed_link', 'new'))`;
