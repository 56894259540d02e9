/**
 * Joins each row of apply_rows (`r`) to the live held child it is linked to, as `c`: one lookup by id per row. A plain
 * join let the planner, guessing the batch at several times its size, read the ids of every child to hash them.
 */
export const LIVE_HELD_CHILD = `cross join lateral (select * from children c where c.id = r.child_id and c.status = 'live' offset 0) c`;
