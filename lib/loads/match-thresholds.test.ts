import { describe, expect, it } from 'vitest';
import { MATCH_THRESHOLDS, THRESHOLDS_SET_AT_CHILDREN, thresholdsFor } from './match-thresholds';

describe('thresholds for the number of children held', () => {
  it('keeps the thresholds as set at the benchmark’s size, and for any smaller index', () => {
    const set = { upper: MATCH_THRESHOLDS.upper, lower: MATCH_THRESHOLDS.lower };
    expect(thresholdsFor(THRESHOLDS_SET_AT_CHILDREN)).toEqual(set);
    expect(thresholdsFor(40)).toEqual(set);
    expect(thresholdsFor(1)).toEqual(set);
  });

  it('raises both by one for each doubling of the children held: 3.6 at 12 million', () => {
    expect(thresholdsFor(2 * THRESHOLDS_SET_AT_CHILDREN)).toEqual({ upper: MATCH_THRESHOLDS.upper + 1, lower: MATCH_THRESHOLDS.lower + 1 });
    expect(thresholdsFor(12_000_000)).toEqual({ upper: MATCH_THRESHOLDS.upper + 3.6, lower: MATCH_THRESHOLDS.lower + 3.6 });
  });
});
