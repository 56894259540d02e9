import 'server-only';
import type postgres from 'postgres';
import type { LoadWeights } from '@/db/schema';
import { COMPARISON_LATERALS, COMPARISON_NAMES, COMPARISON_SQL, type ComparisonName } from './comparisons';
import { anchoredMProbabilities, estimateMatchShare, levelFrequencies, levelWeights, type PatternCount } from './estimate-match-weights';
import { DEFAULT_WEIGHTS, MATCH_THRESHOLDS } from './match-thresholds';

export type ResolveMatchWeightsOptions = { tx: postgres.TransactionSql; loadId: string; pairs: number };

/** Below these, a load's own data says too little: it borrows the latest estimate (or the default). */
const MIN_BLOCKED_PAIRS = 2_000;
const MIN_RANDOM_PAIRS = 10_000;
const RANDOM_CHILDREN = 20_000;

type PatternRow = Record<`g_${ComparisonName}`, number> & { n: number };
const toPatterns = (rows: readonly PatternRow[]): PatternCount[] =>
  rows.map((row) => ({ levels: Object.fromEntries(COMPARISON_NAMES.map((name) => [name, row[`g_${name}`]])) as Record<ComparisonName, number>, count: row.n }));

const GROUPED = COMPARISON_NAMES.map((n) => `g_${n}`).join(', ');

/**
 * The weights to match the load with. With enough data, estimated from it: u-probabilities from random pairs (a
 * random staged row with a random held child: almost surely different people), m-probabilities from the blocked
 * pairs anchored by exact agreement on the other comparisons (anchoredMProbabilities), and the share of matches by
 * EM (estimateMatchShare). The estimate is kept for
 * later, smaller loads. Otherwise the latest kept estimate, or the default (itself estimated on the benchmark).
 */
export async function resolveMatchWeights({ tx, loadId, pairs }: ResolveMatchWeightsOptions): Promise<LoadWeights> {
  const fallback = async (): Promise<LoadWeights> => {
    const [latest] = await tx<{ weights: LoadWeights }[]>`select weights from match_weight_sets order by estimated_at desc limit 1`;
    return latest ? { ...latest.weights, origin: 'previous', upper: MATCH_THRESHOLDS.upper, lower: MATCH_THRESHOLDS.lower } : DEFAULT_WEIGHTS;
  };
  if (pairs < MIN_BLOCKED_PAIRS) return fallback();
  const [{ tuples }] = (await tx`select greatest(reltuples, 1)::float8 as tuples from pg_class where relname = 'children'`) as unknown as [{ tuples: number }];
  const percent = Math.min(100, (100 * RANDOM_CHILDREN) / tuples);
  const random = await tx.unsafe<PatternRow[]>(
    `with r as (select *, row_number() over (order by md5(row_number::text)) - 1 as k from source_load_rows where load_id = $1 and outcome is distinct from 'rejected'),
          counted as (select count(*) as n from r),
          c as (select *, row_number() over () - 1 as k from children tablesample system (${percent.toFixed(6)}) repeatable (11) where status = 'live' limit ${RANDOM_CHILDREN})
     select ${GROUPED}, count(*)::int as n from (
       select ${COMPARISON_SQL}
       from c join r on r.k = c.k % (select n from counted)
       cross join lateral (select c.postcode as cpostcode) cp
       ${COMPARISON_LATERALS}) pairs
     group by ${GROUPED}`,
    [loadId],
  );
  const randomPatterns = toPatterns(random);
  if (randomPatterns.reduce((s, p) => s + p.count, 0) < MIN_RANDOM_PAIRS) return fallback();
  const blocked = await tx.unsafe<PatternRow[]>(`select ${GROUPED}, count(*)::int as n from load_pairs group by ${GROUPED}`);
  const u = levelFrequencies(randomPatterns);
  const blockedPatterns = toPatterns(blocked);
  const m = anchoredMProbabilities(blockedPatterns);
  if (!m) return fallback();
  const weights: LoadWeights = {
    origin: 'estimated',
    lambda: estimateMatchShare(blockedPatterns, m, u),
    weights: levelWeights({ m, u }),
    m,
    u,
    upper: MATCH_THRESHOLDS.upper,
    lower: MATCH_THRESHOLDS.lower,
    pairs,
  };
  await tx`insert into match_weight_sets (load_id, weights) values (${loadId}, ${JSON.stringify(weights)}::jsonb)`;
  return weights;
}
