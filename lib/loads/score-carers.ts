import 'server-only';
import type postgres from 'postgres';
import type { LoadWeights } from '@/db/schema';
import { inParallelLookups } from './parallel-lookups';
import { emailKeySql, phoneKeySql, stageRowCarers } from './row-carers';

export type ScoreCarersOptions = { tx: postgres.TransactionSql; loadId: string; weights: LoadWeights };

/**
 * Levels: 3 the same carer — the same given and family name and the same phone number or email address —, 2 a carer
 * with the same given and family name, 1 a carer with the same family name, 0 else, -1 no carers on a side.
 */
const CARER_LEVELS = 4;
/** The candidates worth a look: a row's best three, down to this far below the lower threshold. */
const REACH = 10;
const MIN_ANCHORED = 200;

// One lookup of both sides' carers a pair (an aggregate keeps the lateral from being flattened). Written as three
// EXISTS, the planner hashed every row carer joined by name with every child carer for each statement (0.85 s each).
const LEVEL_SQL = (pairs: string) => `
  select p.row_number, p.child_id, coalesce(l.level, -1) as g_carer
  from ${pairs} p
  cross join lateral (
    select max(case when cc.given = rc.given and cc.family = rc.family then (case when cc.phone = rc.phone or cc.email = rc.email then 3 else 2 end)
                    when cc.family = rc.family then 1 else 0 end) as level
    from load_row_carers rc join load_child_carers cc on cc.child_id = p.child_id
    where rc.row_number = p.row_number) l`;

const frequencies = (counts: { level: number; n: number }[]) => {
  const c = new Array<number>(CARER_LEVELS).fill(0.5);
  for (const { level, n } of counts) if (level >= 0) c[level]! += n;
  const total = c.reduce((a, b) => a + b, 0);
  return c.map((v) => v / total);
};

/**
 * The carers' names of the children `childIdsSql` selects, into load_child_carers: some 240,000 children at 12 M,
 * each two lookups by key, shared among parallel workers (inParallelLookups). So the children go into
 * load_lookup_children, a table that workers can read, for the statement, and out again.
 */
async function lookUpChildCarers(tx: postgres.TransactionSql, loadId: string, childIdsSql: string): Promise<void> {
  await tx.unsafe(`insert into load_lookup_children (load_id, child_id) select $1, child_id from (${childIdsSql}) x`, [loadId]);
  await tx`analyze load_lookup_children`;
  await inParallelLookups(tx, () => tx.unsafe(
    `create temp table load_child_carers on commit drop as
     select x.child_id, lower(k.given_names) as given, lower(k.family_name) as family,
            ${phoneKeySql('k.phone')} as phone, ${emailKeySql('k.email')} as email
     from load_lookup_children x join child_carers cc on cc.child_id = x.child_id join carers k on k.id = cc.carer_id
     where x.load_id = $1`,
    [loadId],
  ));
  await tx`delete from load_lookup_children where load_id = ${loadId}`;
}

/** Pairs sampled to estimate the carers' m (anchored) and their u among strangers sharing the family name. */
const SAMPLED_PAIRS = 5_000;

/**
 * Adds the carers' comparison to the weights of the candidates that can still decide a row (each row's best three
 * in load_scored, down to REACH below the lower threshold): a parent with the same name is what tells a child who
 * moved from a stranger with the same name and birthday, common at 12 million children. Looking carers up for every
 * blocked pair would cost more than all the other comparisons together, and a pair far below cannot win.
 *
 * A child's carers mostly share the child's family name, so carers agreeing says much less of a pair whose family
 * names agree than of a random pair: the carers' u is measured twice, on the random pairs and on strangers sharing
 * the family name (blocked pairs with the same family name, a wholly different first name and another district),
 * and a pair with the same family name takes the second (weights.carerSameFamily). Measured on one u alone, a
 * stranger with the same common names, birthday and mother's name scored as a certain match. The carers' m comes from
 * the anchored candidates (the same names, birthday and postcode). When the load borrows its weights, those carry
 * the carers' too; else carers count for nothing. Returns the weights with the carers' added.
 */
export async function scoreCarers({ tx, loadId, weights }: ScoreCarersOptions): Promise<LoadWeights> {
  const [{ random }] = (await tx`select to_regclass('pg_temp.load_random_pairs') is not null as random`) as unknown as [{ random: boolean }];
  const estimating = weights.origin === 'estimated' && random;
  if (!estimating && !weights.weights.carer) return weights;
  await tx.unsafe(
    `create temp table load_contested on commit drop as
     select row_number, child_id from (
       select s.*, row_number() over (partition by s.row_number order by s.weight desc, s.child_id) as k from load_scored s) x
     where k <= 3 and weight >= ${weights.lower - REACH}`,
  );
  const sample = (name: string, where: string) =>
    tx.unsafe(`create temp table ${name} on commit drop as
               select row_number, child_id from load_scored where ${where} order by md5(row_number::text || child_id::text) limit ${SAMPLED_PAIRS}`);
  if (estimating) {
    await sample('load_anchored_pairs', 'g_given = 3 and g_family = 3 and g_dob = 3 and g_postcode = 2');
    await sample('load_stranger_pairs', 'g_family = 3 and g_given = 0 and g_postcode = 0');
  }
  await stageRowCarers(tx, loadId);
  const looked = ['load_contested', ...(estimating ? ['load_anchored_pairs', 'load_stranger_pairs', 'load_random_pairs'] : [])];
  await lookUpChildCarers(tx, loadId, looked.map((t) => `select child_id from ${t}`).join(' union '));
  await tx`create index on load_child_carers (child_id)`;
  await tx`analyze load_child_carers`;

  let { carer, carerSameFamily } = weights.weights;
  let { carer: m } = weights.m ?? {};
  let { carer: u, carerSameFamily: uSameFamily } = weights.u ?? {};
  if (estimating) {
    const levelCounts = (pairs: string) =>
      tx.unsafe<{ level: number; n: number }[]>(`select g_carer as level, count(*)::int as n from (${LEVEL_SQL(pairs)}) x group by 1`);
    const [anchored, strangers, randomLevels] = [await levelCounts('load_anchored_pairs'), await levelCounts('load_stranger_pairs'), await levelCounts('load_random_pairs')];
    const known = (counts: { level: number; n: number }[]) => counts.reduce((sum, c) => sum + (c.level >= 0 ? c.n : 0), 0);
    if (known(anchored) >= MIN_ANCHORED) {
      m = frequencies(anchored);
      u = frequencies(randomLevels);
      uSameFamily = known(strangers) >= MIN_ANCHORED ? frequencies(strangers) : u;
      carer = m.map((mi, i) => Math.log2(mi / u![i]!));
      carerSameFamily = m.map((mi, i) => Math.log2(mi / uSameFamily![i]!));
    }
  }
  if (!carer) return weights;
  const sameFamily = carerSameFamily ?? carer;
  await tx.unsafe(`create temp table load_carer_levels on commit drop as ${LEVEL_SQL('load_contested')}`);
  // Weights kept from before the same-carer level existed weigh it as a carer of the same name.
  const levelWeight = (w: number[]) =>
    `case l.g_carer ${Array.from({ length: CARER_LEVELS }, (_, i) => `when ${i} then ${w[Math.min(i, w.length - 1)]!.toFixed(6)}`).join(' ')} else 0 end`;
  await tx.unsafe(
    `update load_scored s set g_carer = l.g_carer,
       weight = s.weight + (case when s.g_family = 3 then ${levelWeight(sameFamily)} else ${levelWeight(carer)} end)
     from load_carer_levels l where l.row_number = s.row_number and l.child_id = s.child_id`,
  );
  const scored: LoadWeights = {
    ...weights,
    weights: { ...weights.weights, carer, carerSameFamily: sameFamily },
    ...(m && u ? { m: { ...weights.m, carer: m }, u: { ...weights.u, carer: u, carerSameFamily: uSameFamily ?? u } } : {}),
  };
  if (weights.origin === 'estimated') {
    await tx`update match_weight_sets set weights = ${JSON.stringify(scored)}::jsonb where load_id = ${loadId}`;
  }
  return scored;
}
