import { describe, expect, it } from 'vitest';
import { COMPARISON_NAMES, COMPARISONS, type ComparisonName } from './comparisons';
import { estimateMatchWeights, levelFrequencies, levelWeights, withAgreementRates, type LevelProbabilities, type PatternCount } from './estimate-match-weights';

// A population of pairs drawn from known m and u, as exact expected counts: EM must find m and lambda again.
const trueM: LevelProbabilities = { given: [0.02, 0.03, 0.05, 0.9], middle: [0.03, 0.07, 0.9], family: [0.02, 0.03, 0.05, 0.9], dob: [0.01, 0.02, 0.07, 0.9], postcode: [0.2, 0.1, 0.7], gender: [0.02, 0.98] };
const trueU: LevelProbabilities = { given: [0.9, 0.02, 0.05, 0.03], middle: [0.85, 0.1, 0.05], family: [0.85, 0.05, 0.05, 0.05], dob: [0.6, 0.01, 0.09, 0.3], postcode: [0.7, 0.25, 0.05], gender: [0.5, 0.5] };

function expectedPatterns(lambda: number, pairs: number): PatternCount[] {
  const out: PatternCount[] = [];
  const walk = (i: number, levels: Partial<Record<ComparisonName, number>>, pm: number, pu: number) => {
    if (i === COMPARISON_NAMES.length) {
      out.push({ levels: levels as Record<ComparisonName, number>, count: pairs * (lambda * pm + (1 - lambda) * pu) });
      return;
    }
    const name = COMPARISON_NAMES[i]!;
    for (let level = 0; level < COMPARISONS[name]; level++) walk(i + 1, { ...levels, [name]: level }, pm * trueM[name][level]!, pu * trueU[name][level]!);
  };
  walk(0, {}, 1, 1);
  return out;
}

describe('estimating Fellegi–Sunter weights by EM', () => {
  it('recovers the share of matches and the m-probabilities of a known mixture, u held fixed', () => {
    const estimate = estimateMatchWeights({ patterns: expectedPatterns(0.3, 1_000_000), u: trueU, fixU: true });
    expect(estimate.lambda).toBeCloseTo(0.3, 2);
    for (const name of COMPARISON_NAMES) estimate.m[name].forEach((p, i) => expect(p).toBeCloseTo(trueM[name][i]!, 2));
  });

  it('recovers m, u and the share of matches from a rough start for u', () => {
    const roughU = Object.fromEntries(COMPARISON_NAMES.map((n) => [n, trueU[n].map(() => 1 / trueU[n].length)])) as LevelProbabilities;
    const estimate = estimateMatchWeights({ patterns: expectedPatterns(0.3, 1_000_000), u: roughU });
    expect(estimate.lambda).toBeCloseTo(0.3, 1);
    for (const name of COMPARISON_NAMES) estimate.u[name].forEach((p, i) => expect(p).toBeCloseTo(trueU[name][i]!, 1));
  });

  it('gives agreement a positive weight and disagreement a negative one', () => {
    const weights = levelWeights({ m: trueM, u: trueU });
    expect(weights.dob[3]).toBeGreaterThan(1);
    expect(weights.given[0]).toBeLessThan(-5);
  });

  it('leaves out a comparison with no value and never makes a level impossible', () => {
    const frequencies = levelFrequencies([{ levels: { given: 3, middle: -1, family: 3, dob: 3, postcode: -1, gender: 1 }, count: 10 }]);
    expect(frequencies.postcode.every((p) => p > 0)).toBe(true);
    expect(frequencies.postcode[0]).toBeCloseTo(1 / 3);
    expect(frequencies.given[3]).toBeGreaterThan(0.85);
  });
});

describe('u-probabilities from value frequencies', () => {
  const fromRandomPairs: LevelProbabilities = { given: [0.97, 0.02, 0.004, 0.006], middle: [0.9, 0.08, 0.02], family: [0.98, 0.01, 0.004, 0.006], dob: [0.99, 0.008, 0.001, 0.001], postcode: [0.99, 0.009, 0.001], gender: [0.5, 0.5] };
  const rates = { given: 0.01, middle: 0.015, family: 0.002, dob: 1 / 6_000, dobTransposed: 1 / 80_000, postcode: 1e-6, district: 4e-4 };

  it('sets the measured levels and shares the rest in the proportions the random pairs showed', () => {
    const u = withAgreementRates(fromRandomPairs, rates);
    expect(u.given[3]).toBe(0.01);
    expect(u.given[1]! / u.given[2]!).toBeCloseTo(0.02 / 0.004, 10);
    expect(u.dob[3]).toBeCloseTo(1 / 6_000, 12);
    expect(u.dob[2]).toBeCloseTo(1 / 80_000, 12);
    expect(u.postcode).toEqual([1 - 4e-4, 4e-4 - 1e-6, 1e-6]);
    expect(u.gender).toEqual([0.5, 0.5]);
    for (const name of COMPARISON_NAMES) expect(u[name].reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });
});
