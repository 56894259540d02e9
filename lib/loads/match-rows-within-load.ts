import 'server-only';
import type postgres from 'postgres';
import type { LoadWeights } from '@/db/schema';
import { COMPARISON_LATERALS, COMPARISON_SQL, namePairsSql } from './comparisons';
import { MATCH_THRESHOLDS } from './match-thresholds';
import { AUTOMATIC_FIRST_NAME_SQL, SAME_DAY_NAMESAKES_SQL, matchWeightSql, NAME_SHARE_JOINS, RARE_FIRST_NAME_SQL, SIBLING_LIKE_SQL, weightLiteral as num } from './match-weight-sql';
import { fillNameSimilarities } from './name-similarities';
import { stageRowCarers } from './row-carers';
import { ROWS_SHARE_SETTING_SQL } from './same-setting';

export type MatchRowsWithinLoadOptions = { tx: postgres.TransactionSql; loadId: string; weights: LoadWeights; childrenHeld: number };

/**
 * The same child twice in one file under two person ids, neither held yet: after the decisions against the children
 * held, the rows decided "new" are compared with each other, set-based, blocked as the held children are (the same
 * date of birth and a first given name that sounds the same; the same date of birth and a family name that sounds
 * the same) and scored with the same comparisons and weights. Rows joined by pairs at or above the lower threshold
 * (never sibling-like: twins stay two) and corroborated beyond names, birthday and gender — the same postcode, the
 * same carer (name and phone or email), the same school or GP practice, a carer of the same name or the same middle name: two person ids of one source are presumed two children unless the
 * evidence is strong (a carer's name only where the names are rare: CORROBORATED_SQL) — form a group whose earliest row makes the record. A later row of the group
 * whose pair with that earliest row passes the automatic-link rules (upper threshold, first name the same or nearly)
 * becomes the same child ("linked", with the earliest row's child id, set once new ids are given); any other waits in
 * review, offered to a caseworker against that record once it is made (apply-new-records.ts) — never a second record
 * by itself. Rows that resemble a shielded child never get here: they are already in review.
 * Returns how many rows became the same child as an earlier row.
 */
export async function matchRowsWithinLoad({ tx, loadId, weights, childrenHeld }: MatchRowsWithinLoadOptions): Promise<number> {
  await stageRowCarers(tx, loadId);
  // A table, analysed, not a CTE: the planner took a CTE of some 14,000 new rows for one and paired them in a loop.
  await tx.unsafe(
    `create temp table load_new_rows on commit drop as
     select row_number, date_of_birth, given_name_phonetic, family_name_phonetic from source_load_rows where load_id = $1 and outcome = 'new'`,
    [loadId],
  );
  await tx`analyze load_new_rows`;
  await tx.unsafe(
    `create temp table load_row_blocked on commit drop as
     with r0 as (select * from load_new_rows)
     select a.row_number as earlier, b.row_number as later
     from r0 a join r0 b on b.date_of_birth = a.date_of_birth and b.given_name_phonetic = a.given_name_phonetic and b.row_number > a.row_number
     union
     select a.row_number, b.row_number
     from r0 a join r0 b on b.date_of_birth = a.date_of_birth and b.family_name_phonetic = a.family_name_phonetic and b.row_number > a.row_number`,
  );
  const from = `from load_row_blocked x
    join source_load_rows c on c.load_id = $1 and c.row_number = x.earlier
    join source_load_rows r on r.load_id = $1 and r.row_number = x.later`;
  await fillNameSimilarities(tx, namePairsSql(from), [loadId]);
  await tx.unsafe(
    `create temp table load_row_pairs on commit drop as
     select compared.earlier, compared.later, compared.g_given, compared.g_dob, ${RARE_FIRST_NAME_SQL} as rare_first_name,
            ${matchWeightSql(weights)} as weight,
            (compared.g_postcode = 2 or compared.g_middle = 2 or compared.g_carer = 3 or compared.same_setting
              or (compared.g_carer = 2 and ${SAME_DAY_NAMESAKES_SQL(childrenHeld)} < ${MATCH_THRESHOLDS.commonNameSameDay})) as corroborated
     from (
       select x.earlier, x.later, ${COMPARISON_SQL},
         coalesce((
           select max(case when rc.phone = cc.phone or rc.email = cc.email then 3 else 2 end)
           from load_row_carers rc join load_row_carers cc on cc.given = rc.given and cc.family = rc.family
           where rc.row_number = x.later and cc.row_number = x.earlier), 0) as g_carer,
         ${ROWS_SHARE_SETTING_SQL} as same_setting
       ${from}
       cross join lateral (select c.postcode as cpostcode) cp
       ${COMPARISON_LATERALS}) compared
     join source_load_rows r on r.load_id = $1 and r.row_number = compared.later
     ${NAME_SHARE_JOINS('r')}
     where not ${SIBLING_LIKE_SQL}`,
    [loadId],
  );
  const decided = await tx.unsafe<{ outcome: string }[]>(
    `with recursive edges as (
       select earlier as x, later as y from load_row_pairs where weight >= ${num(weights.lower)} and corroborated
       union all select later, earlier from load_row_pairs where weight >= ${num(weights.lower)} and corroborated),
     reach (start, node) as (
       select distinct x, x from edges
       union select reach.start, edges.y from reach join edges on edges.x = reach.node),
     grouped as (select start as row_number, min(node) as first_row from reach group by start),
     followers as (
       select g.row_number, g.first_row, p.weight as direct_weight,
              coalesce(p.weight >= ${num(weights.upper)} and ${AUTOMATIC_FIRST_NAME_SQL('p')}, false) as same_child,
              (select max(q.weight) from load_row_pairs q where g.row_number in (q.earlier, q.later)) as best_weight
       from grouped g left join load_row_pairs p on p.earlier = g.first_row and p.later = g.row_number
       where g.first_row < g.row_number)
     update source_load_rows r
     set outcome = (case when f.same_child then 'linked' else 'review' end)::load_row_outcome,
         same_child_as_row = f.first_row, match_weight = coalesce(f.direct_weight, f.best_weight)
     from followers f where r.load_id = $1 and r.row_number = f.row_number
     returning r.outcome::text as outcome`,
    [loadId],
  );
  const same = decided.filter((d) => d.outcome === 'linked').length;
  await tx`update source_loads set counts = counts || jsonb_build_object('sameChildInFile', ${same}::int) where id = ${loadId}`;
  return same;
}
