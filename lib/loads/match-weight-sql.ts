import type { LoadWeights } from '@/db/schema';
import { COMPARISON_NAMES } from './comparisons';

export const weightLiteral = (v: number) => (Number.isFinite(v) ? v.toFixed(6) : '0');

/** The match weight of a scored pair (columns g_given … g_gender): the sum of its levels' weights; a level of -1 (no value) adds nothing. */
export function matchWeightSql(weights: LoadWeights): string {
  return COMPARISON_NAMES.map((name) => {
    const levels = weights.weights[name]!.map((w, level) => `when ${level} then ${weightLiteral(w)}`).join(' ');
    return `(case g_${name} ${levels} else 0 end)`;
  }).join(' + ');
}

/** A pair with the same date of birth and family name but a wholly different first name: a sibling (a twin), never the same child. */
export const SIBLING_LIKE_SQL = '(g_given = 0 and g_dob = 3 and g_family >= 2)';
