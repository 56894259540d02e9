import { COMPARISON_NAMES, COMPARISONS, type ComparisonName } from './comparisons';

/** A comparison pattern (one level per comparison, -1 for no value) and how many pairs showed it. */
export type PatternCount = { levels: Record<ComparisonName, number>; count: number };
export type LevelProbabilities = Record<ComparisonName, number[]>;
export type Estimate = { lambda: number; m: LevelProbabilities; u: LevelProbabilities; iterations: number };

/** Level frequencies with a half-count added to each level, so that no level is impossible. */
export function levelFrequencies(patterns: readonly PatternCount[], weightOf: (p: PatternCount) => number = (p) => p.count): LevelProbabilities {
  const out = {} as LevelProbabilities;
  for (const name of COMPARISON_NAMES) {
    const counts = new Array<number>(COMPARISONS[name]).fill(0.5);
    for (const p of patterns) if (p.levels[name] >= 0) counts[p.levels[name]]! += weightOf(p);
    const total = counts.reduce((a, b) => a + b, 0);
    out[name] = counts.map((c) => c / total);
  }
  return out;
}

function likelihood(p: PatternCount, probabilities: LevelProbabilities): number {
  let product = 1;
  for (const name of COMPARISON_NAMES) if (p.levels[name] >= 0) product *= probabilities[name][p.levels[name]]!;
  return product;
}

/**
 * Expectation–maximisation for the two-class Fellegi–Sunter model (comparisons independent given match status), over
 * the comparison patterns of the blocked candidate pairs: finds the m-probabilities (agreement among matches), the
 * u-probabilities (among non-matches) and the share of matches (lambda) among the pairs. Starts from "a match mostly
 * agrees" and from the u-probabilities given (measured on random pairs). With `fixU` the u-probabilities stay as
 * given; that suits pairs drawn at random, not blocked pairs, whose non-matches agree on a blocking key far more
 * often than random pairs do (held fixed there, EM takes every blocked pair for a match).
 */
export function estimateMatchWeights({ patterns, u: startU, fixU = false, maxIterations = 500 }: { patterns: readonly PatternCount[]; u: LevelProbabilities; fixU?: boolean; maxIterations?: number }): Estimate {
  let lambda = 0.2;
  let u = startU;
  let m = {} as LevelProbabilities;
  for (const name of COMPARISON_NAMES) {
    const levels = COMPARISONS[name];
    m[name] = Array.from({ length: levels }, (_, level) => (level === levels - 1 ? 0.9 : 0.1 / (levels - 1)));
  }
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const posterior = new Map<PatternCount, number>();
    let matched = 0;
    let total = 0;
    for (const p of patterns) {
      const pm = lambda * likelihood(p, m);
      const pu = (1 - lambda) * likelihood(p, u);
      const w = pm + pu > 0 ? pm / (pm + pu) : 0;
      posterior.set(p, w);
      matched += w * p.count;
      total += p.count;
    }
    const next = levelFrequencies(patterns, (p) => posterior.get(p)! * p.count);
    const nextU = fixU ? u : levelFrequencies(patterns, (p) => (1 - posterior.get(p)!) * p.count);
    const nextLambda = Math.min(Math.max(matched / total, 1e-6), 1 - 1e-6);
    const moved = (a: LevelProbabilities, b: LevelProbabilities) => COMPARISON_NAMES.reduce((s, n) => s + a[n].reduce((t, v, i) => t + Math.abs(v - b[n][i]!), 0), 0);
    const change = Math.abs(nextLambda - lambda) + moved(next, m) + moved(nextU, u);
    m = next;
    u = nextU;
    lambda = nextLambda;
    if (change < 1e-7) break;
  }
  return { lambda, m, u, iterations };
}

/** log2(m/u) per comparison and level: what each level adds to a pair's match weight. */
export function levelWeights({ m, u }: { m: LevelProbabilities; u: LevelProbabilities }): LevelProbabilities {
  const out = {} as LevelProbabilities;
  for (const name of COMPARISON_NAMES) out[name] = m[name].map((mi, i) => Math.log2(mi / u[name][i]!));
  return out;
}

const TOP = (name: ComparisonName) => COMPARISONS[name] - 1;
/** For each comparison, the others whose exact agreement marks a pair as almost surely the same child. */
const ANCHORS: Record<ComparisonName, ComparisonName[]> = {
  given: ['family', 'dob', 'postcode'],
  middle: ['given', 'family', 'dob', 'postcode'],
  family: ['given', 'dob', 'postcode'],
  dob: ['given', 'family', 'postcode'],
  postcode: ['given', 'family', 'dob'],
  gender: ['given', 'family', 'dob'],
};

/**
 * The m-probabilities of each comparison, measured on the blocked pairs that agree exactly on the other identifying
 * comparisons (its anchors): such pairs are almost all the same child, so how often they disagree on the comparison
 * is how often a match does (Splink trains m the same way, one comparison at a time, on pairs a rule selects without
 * it). Unsupervised EM over all blocked pairs at once was tried and is not used: blocked non-matches agree on their
 * blocking keys, and EM then splits the pairs by block instead of by match status. Null when an anchor set is too
 * small to measure.
 */
export function anchoredMProbabilities(patterns: readonly PatternCount[], minPairs = 200): LevelProbabilities | null {
  const m = {} as LevelProbabilities;
  for (const name of COMPARISON_NAMES) {
    const anchored = patterns.filter((p) => ANCHORS[name].every((a) => p.levels[a] === TOP(a)) && p.levels[name] >= 0);
    if (anchored.reduce((s, p) => s + p.count, 0) < minPairs) return null;
    m[name] = levelFrequencies(anchored)[name];
  }
  return m;
}

/** The share of matches among the blocked pairs, by EM with m and u held (a one-parameter EM, which is well-behaved). */
export function estimateMatchShare(patterns: readonly PatternCount[], m: LevelProbabilities, u: LevelProbabilities): number {
  let lambda = 0.2;
  for (let i = 0; i < 200; i++) {
    let matched = 0;
    let total = 0;
    for (const p of patterns) {
      const pm = lambda * likelihood(p, m);
      const pu = (1 - lambda) * likelihood(p, u);
      matched += (pm + pu > 0 ? pm / (pm + pu) : 0) * p.count;
      total += p.count;
    }
    const next = Math.min(Math.max(matched / total, 1e-6), 1 - 1e-6);
    if (Math.abs(next - lambda) < 1e-9) return next;
    lambda = next;
  }
  return lambda;
}

/** How often a random staged row and a random held child agree exactly, measured from value frequencies. */
export type AgreementRates = { given: number; middle: number; family: number; dob: number; dobTransposed: number; postcode: number; district: number };

/** The levels whose u-probability the agreement rates give: exact names and date, a transposed date, the postcode levels. */
const MEASURED_LEVELS = (rates: AgreementRates): Partial<Record<ComparisonName, Record<number, number>>> => ({
  given: { [TOP('given')]: rates.given },
  middle: { [TOP('middle')]: rates.middle },
  family: { [TOP('family')]: rates.family },
  dob: { [TOP('dob')]: rates.dob, 2: rates.dobTransposed },
  postcode: { [TOP('postcode')]: rates.postcode, 1: Math.max(rates.district - rates.postcode, 0) },
});

/**
 * The u-probabilities with the levels the agreement rates measure set to them, and the other levels sharing what is
 * left in the proportions the random pairs showed.
 */
export function withAgreementRates(u: LevelProbabilities, rates: AgreementRates): LevelProbabilities {
  const out = { ...u };
  for (const [name, measured] of Object.entries(MEASURED_LEVELS(rates)) as [ComparisonName, Record<number, number>][]) {
    const fixed = Object.values(measured).reduce((s, p) => s + p, 0);
    const free = u[name].reduce((s, p, level) => (level in measured ? s : s + p), 0);
    out[name] = u[name].map((p, level) => measured[level] ?? (free > 0 ? ((1 - fixed) * p) / free : 0));
  }
  return out;
}
