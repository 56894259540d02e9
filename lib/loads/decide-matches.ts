import 'server-only';
import type postgres from 'postgres';
import type { LoadWeights } from '@/db/schema';
import { randomIndexNumber } from '@/lib/kernel/index-number';
import { MATCH_THRESHOLDS } from './match-thresholds';
import { countNameShares } from './name-shares';
import { scoreCarers } from './score-carers';
import { markSameSetting } from './same-setting';
import { matchRowsWithinLoad } from './match-rows-within-load';
import { holdProtectedResemblances, type ProtectedResemblance } from './hold-protected-resemblances';
import { childrenHeld } from './held-sample';
import { AUTOMATIC_FIRST_NAME_SQL, CORROBORATED_SQL, matchWeightSql, NAME_SHARE_JOINS, NOT_ANOTHER_FAMILY_SQL, RARE_FIRST_NAME_SQL, SAME_DAY_NAMESAKES_SQL, SIBLING_LIKE_SQL, weightLiteral as num } from './match-weight-sql';

export type DecideMatchesOptions = {
  tx: postgres.TransactionSql;
  loadId: string;
  sourceSystemId: string;
  weights: LoadWeights;
  /** The rows' resemblances to protected children (findProtectedResemblances). */
  resemblances: () => Promise<ProtectedResemblance[]>;
};

/**
 * Decides every unmatched row of the load from its scored candidates, in set-based statements:
 *  - a candidate with the same date of birth and family name but a wholly different first name is a sibling (a twin),
 *    never the same child: it is passed over;
 *  - the best other candidate at or above the upper threshold, not shielded, with the same first name or a near one
 *    that is a typo and a birthday agreeing in part (AUTOMATIC_FIRST_NAME_SQL), with evidence beyond names, birthday
 *    and gender when the address differs (CORROBORATED_SQL), not a wholly different family name with carers of
 *    other family names (NOT_ANOTHER_FAMILY_SQL), no runner-up at or above the lower threshold unless the
 *    margin below the best, claimed by no other row of the load that could be linked to it and not already known to this source under another
 *    person id: an automatic link;
 *  - at or above the lower threshold otherwise: review (the best three candidates go to the queue);
 *  - else a new child;
 *  - then every row that would make a record or link to one and resembles a shielded or new-identity child — the
 *    search's own rule (holdProtectedResemblances) — waits for a caseworker instead; a record made from a row
 *    resembling a shielded child is shielded;
 *  - then the new rows are compared with each other (matchRowsWithinLoad): a later row that is the same child as an
 *    earlier new row is linked to that row's child, one that may be waits for review. New rows get their id and
 *    index number now, so that a rerun after a kill makes the same record.
 * The carers' comparison is added to the candidates that can still decide (scoreCarers). Returns the weights used.
 */
export async function decideMatches({ tx, loadId, sourceSystemId, weights: given, resemblances }: DecideMatchesOptions): Promise<LoadWeights> {
  const { upper, lower } = given;
  const held = await childrenHeld(tx);
  await countNameShares(tx);
  await tx.unsafe(
    `create temp table load_scored on commit drop as
     select p.*, ${matchWeightSql(given)} as weight, ${SIBLING_LIKE_SQL} as sibling_like,
            ${RARE_FIRST_NAME_SQL} as rare_first_name, ${SAME_DAY_NAMESAKES_SQL(held)} as same_day_namesakes,
            -1 as g_carer, -1 as g_setting
     from load_pairs p
     join source_load_rows r on r.load_id = $1 and r.row_number = p.row_number
     ${NAME_SHARE_JOINS('r')}`,
    [loadId],
  );
  await tx`analyze load_scored`;
  const weights = await scoreCarers({ tx, loadId, weights: given });
  await markSameSetting(tx, loadId, upper);
  // What a best candidate needs of itself to be linked; a row whose best is not linkable claims nothing, so a
  // stranger's row that merely resembles a child (a namesake elsewhere) does not hold back the child's own row.
  const LINKABLE = (pair: string) =>
    `(${pair}.weight >= ${num(upper)} and not ${pair}.is_shielded and ${AUTOMATIC_FIRST_NAME_SQL(pair)} and ${CORROBORATED_SQL(pair)}
      and ${NOT_ANOTHER_FAMILY_SQL(pair)})`;
  await tx.unsafe(
    `with ranked as (
       select s.*, row_number() over (partition by s.row_number order by s.weight desc, s.child_id) as rk
       from load_scored s where not s.sibling_like),
     best as (select * from ranked where rk = 1),
     runner as (select row_number, max(weight) as w2 from ranked where rk > 1 group by row_number),
     claims as (
       select child_id, count(*) as n from (
         select child_id from best b where ${LINKABLE('b')}
         union all select child_id from source_load_rows where load_id = $1 and outcome = 'source_id') claimed
       group by child_id),
     judged as (
       select r.row_number, b.child_id, b.weight, b.row_number is not null as has_best,
         coalesce(${LINKABLE('b')}
           and (coalesce(rn.w2, -1e9) < ${num(lower)} or rn.w2 < b.weight - ${num(MATCH_THRESHOLDS.margin)}) and cl.n = 1
           and not exists (select 1 from source_identities si where si.source_system_id = $2 and si.child_id = b.child_id), false) as automatic
       from source_load_rows r
       left join best b on b.row_number = r.row_number
       left join runner rn on rn.row_number = r.row_number
       left join claims cl on cl.child_id = b.child_id
       where r.load_id = $1 and r.outcome is null),
     decided as (
       select row_number, child_id, weight,
         case when not has_best then 'new'
              when automatic then 'linked'
              when weight >= ${num(lower)} then 'review'
              else 'new' end as outcome
       from judged)
     update source_load_rows r
     set outcome = d.outcome::load_row_outcome, child_id = case when d.outcome = 'linked' then d.child_id end,
         match_weight = d.weight, shield_from_child_id = null
     from decided d where r.load_id = $1 and r.row_number = d.row_number`,
    [loadId, sourceSystemId],
  );
  await holdProtectedResemblances({ tx, loadId, resemblances });
  await tx.unsafe(
    `insert into match_reviews (load_id, row_number, candidate_child_id, match_weight, because)
     select $1, row_number, child_id, weight, case when is_shielded then 'resembles a shielded record' when k > 1 then 'another candidate' else 'uncertain' end
     from (
       select s.*, row_number() over (partition by s.row_number order by s.weight desc, s.child_id) as k
       from load_scored s join source_load_rows r on r.load_id = $1 and r.row_number = s.row_number and r.outcome = 'review'
       where not s.sibling_like and s.weight >= ${num(lower)}) c
     where k <= 3
     on conflict do nothing`,
    [loadId],
  );
  // The file's new rows are compared with each other, some thousands, not with every child held: the thresholds are
  // not raised for the size of the index there.
  const withinLoad = { ...weights, upper: Math.min(upper, MATCH_THRESHOLDS.upper), lower: Math.min(lower, MATCH_THRESHOLDS.lower) };
  await matchRowsWithinLoad({ tx, loadId, weights: withinLoad, childrenHeld: held });
  const [{ created }] = (await tx`select count(*)::int as created from source_load_rows where load_id = ${loadId} and outcome = 'new'`) as unknown as [{ created: number }];
  const numbers = Array.from({ length: created }, () => randomIndexNumber());
  // Keyed, so that each row finds its number by lookup: joined to unnest() directly, a misestimate of the new rows
  // made the planner pair every new row with every number (20 s for 14,000 new rows).
  await tx`create temp table load_new_numbers (i int primary key, number text not null) on commit drop`;
  await tx`insert into load_new_numbers select i::int, number from unnest(${numbers}::text[]) with ordinality as n(number, i)`;
  await tx`analyze load_new_numbers`;
  await tx`
    update source_load_rows r set child_id = gen_random_uuid(), new_index_number = n.number
    from (select row_number, row_number() over (order by row_number) as i from source_load_rows where load_id = ${loadId} and outcome = 'new') o
    join load_new_numbers n on n.i = o.i
    where r.load_id = ${loadId} and r.row_number = o.row_number`;
  await tx`
    update source_load_rows r set child_id = first.child_id
    from source_load_rows first
    where r.load_id = ${loadId} and r.outcome = 'linked' and first.load_id = ${loadId} and first.row_number = r.same_child_as_row`;
  return weights;
}
