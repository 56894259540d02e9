import type { LoadWeights } from '@/db/schema';

/**
 * The decision thresholds on a pair's match weight (log2 of how much likelier the pair's agreement pattern is among
 * matches than among non-matches). Set from the benchmark's known truth (docs/decisions/011-source-loads.md): at or
 * above UPPER a link is automatic; from LOWER up a caseworker decides; below, the row is a new child. A shielded
 * child within SHIELD_MARGIN below LOWER still sends the row to review.
 */
export const MATCH_THRESHOLDS = { upper: 26, lower: 14, shieldMargin: 8 } as const;

/**
 * The weights a load uses when it is too small to estimate its own and no earlier load has: estimated by EM on the
 * benchmark's generated load against 1,000,000 seeded children (npm run bench:load prints them).
 */
export const DEFAULT_WEIGHTS: LoadWeights = {
  origin: 'default',
  lambda: 0.3,
  weights: {
    given: [-6.5, 2.5, 2.0, 6.5],
    family: [-6.5, 3.0, 2.5, 7.5],
    dob: [-8.0, 8.0, 4.0, 12.0],
    postcode: [-1.5, 6.0, 14.0],
    gender: [-5.0, 1.0],
  },
  upper: MATCH_THRESHOLDS.upper,
  lower: MATCH_THRESHOLDS.lower,
};
