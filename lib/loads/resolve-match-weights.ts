import 'server-only';
import type postgres from 'postgres';
import type { LoadWeights } from '@/db/schema';
import { comparePairs } from './compare-pairs';
import { COMPARISON_NAMES, type ComparisonName } from './comparisons';
import { anchoredMProbabilities, estimateMatchShare, levelFrequencies, levelWeights, withAgreementRates, type PatternCount } from './estimate-match-weights';
import { childrenHeld, childrenSamplePercent } from './held-sample';
import { measureAgreementRates } from './measure-agreement-rates';
import { DEFAULT_WEIGHTS, thresholdsFor } from './match-thresholds';

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
 * random staged row with a random held child: almost surely different people), their exact levels from value
 * frequencies (measureAgreementRates); m-probabilities from the blocked pairs anchored by exact agreement on the
 * other comparisons (anchoredMProbabilities); the share of matches by EM (estimateMatchShare). The estimate is kept
 * for later, smaller loads. Otherwise the latest kept estimate, or the default (itself estimated on the benchmark).
 * Whichever weights, the thresholds are those for the number of children held (thresholdsFor).
 */
export async function resolveMatchWeights({ tx, loadId, pairs }: ResolveMatchWeightsOptions): Promise<LoadWeights> {
  const thresholds = thresholdsFor(await childrenHeld(tx));
  const fallback = async (): Promise<LoadWeights> => {
    const [latest] = await tx<{ weights: LoadWeights }[]>`select weights from match_weight_sets order by estimated_at desc limit 1`;
    return latest ? { ...latest.weights, origin: 'previous', ...thresholds } : { ...DEFAULT_WEIGHTS, ...thresholds };
  };
  if (pairs < MIN_BLOCKED_PAIRS) return fallback();
  const percent = await childrenSamplePercent(tx, RANDOM_CHILDREN);
  await tx.unsafe(
    `create temp table load_random_pairs on commit drop as
     with r as (select row_number, row_number() over (order by md5(row_number::text)) - 1 as k from source_load_rows where load_id = $1 and outcome is distinct from 'rejected'),
          counted as (select count(*) as n from r),
          c as (select id, row_number() over () - 1 as k from children tablesample system (${percent}) repeatable (11) where status = 'live' limit ${RANDOM_CHILDREN})
     select r.row_number, c.id as child_id from c join r on r.k = c.k % (select n from counted)`,
    [loadId],
  );
  await comparePairs({ tx, loadId, pairs: 'load_random_pairs', into: 'load_random_compared' });
  const random = await tx.unsafe<PatternRow[]>(`select ${GROUPED}, count(*)::int as n from load_random_compared group by ${GROUPED}`);
  const randomPatterns = toPatterns(random);
  if (randomPatterns.reduce((s, p) => s + p.count, 0) < MIN_RANDOM_PAIRS) return fallback();
  const blocked = await tx.unsafe<PatternRow[]>(`select ${GROUPED}, count(*)::int as n from load_pairs group by ${GROUPED}`);
  const rates = await measureAgreementRates({ tx, loadId });
  if (!rates) return fallback();
  const u = withAgreementRates(levelFrequencies(randomPatterns), rates);
  const blockedPatterns = toPatterns(blocked);
  const m = anchoredMProbabilities(blockedPatterns);
  if (!m) return fallback();
  const weights: LoadWeights = {
    origin: 'estimated',
    lambda: estimateMatchShare(blockedPatterns, m, u),
    weights: levelWeights({ m, u }),
    m,
    u,
    ...thresholds,
    pairs,
  };
  await tx`insert into match_weight_sets (load_id, weights) values (${loadId}, ${JSON.stringify(weights)}::jsonb)`;
  return weights;
}
