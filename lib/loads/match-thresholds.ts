import type { LoadWeights } from '@/db/schema';

/**
 * The decision thresholds on a pair's match weight (log2 of how much likelier the pair's agreement pattern is among
 * matches than among non-matches). Set from the benchmark's known truth (docs/decisions/011-source-loads.md): at or
 * above UPPER a link is automatic; from LOWER up a caseworker decides; below, the row is a new child (unless it
 * resembles a protected child: holdProtectedResemblances). An automatic link also needs the runner-up
 * at least MARGIN below the best (2^12: four thousand times less likely), and a first name the same or nearly — or
 * only similar if the row's first name is one hardly any held child has (a share below rareFirstName): a typo,
 * not a twin’s name. An exact name is weighed by its share of held children, never taken as rarer than
 * minimumNameShare (one in ten thousand): one sample of children should not make a name worth more than that.
 */
export const MATCH_THRESHOLDS = {
  upper: 26,
  lower: 20,
  margin: 12,
  rareFirstName: 1e-5,
  minimumNameShare: 1e-4,
  /** Expected same-day namesakes above which a carer's name alone does not corroborate a link (CORROBORATED_SQL). */
  commonNameSameDay: 1e-3,
  /** The birthdays of 18 years of children. */
  birthdaysHeld: 6575,
} as const;

/** How many children the benchmark held when MATCH_THRESHOLDS' upper and lower were set. */
export const THRESHOLDS_SET_AT_CHILDREN = 1_000_000;

/**
 * The upper and lower thresholds for a database holding `children`. A match weight is a likelihood ratio: with
 * twelve times the children, twelve times as many strangers share a row's names and birthday by chance, and the same
 * weight is twelve times less sure. So above THRESHOLDS_SET_AT_CHILDREN both rise by log2 of how many times more
 * children are held (3.6 at 12 M). Below it they stay: a small index is no reason to link on less evidence. The
 * shield's floor never rises with them (decideMatches).
 */
export function thresholdsFor(children: number): Pick<LoadWeights, 'upper' | 'lower'> {
  const rise = Math.max(0, Math.log2(children / THRESHOLDS_SET_AT_CHILDREN));
  const tenths = (v: number) => Math.round(v * 10) / 10;
  return { upper: tenths(MATCH_THRESHOLDS.upper + rise), lower: tenths(MATCH_THRESHOLDS.lower + rise) };
}

/**
 * The weights a load uses when it is too small to estimate its own and no earlier load has: estimated by EM on the
 * benchmark's generated load (seed 301) against 1,000,000 seeded children; npm run bench:load prints them. The carers'
 * weights come in two: `carer` for a pair whose family names differ, `carerSameFamily` for one whose agree.
 */
export const DEFAULT_WEIGHTS: LoadWeights = {
  origin: 'default',
  lambda: 0.86,
  weights: {
    given: [-3.53, 2.28, 7.76, 8.33],
    middle: [-5.79, 1.1, 8.5],
    family: [-3.8, 3.07, 7.49, 7.76],
    dob: [-6.57, 3.17, 9.63, 12.4],
    postcode: [-2.29, -2.39, 15.46],
    gender: [-15.64, 1.01],
    carer: [-2.82, -1.82, 14.99],
    carerSameFamily: [-1.16, -8.82, 6.96],
  },
  // The average chance that a random row and child share a first or family name, which an exact name's weight is
  // adjusted from by that name's own share (matchWeightSql): without it a first load weighed "Smith" like "Boateng".
  // m/2^w at the exact level, m taken as 0.95.
  u: { given: [0.5, 0.3, 0.1, 0.003], family: [0.5, 0.3, 0.1, 0.0045] },
  upper: MATCH_THRESHOLDS.upper,
  lower: MATCH_THRESHOLDS.lower,
};
