import type { Scored } from './score';

/** Below this a candidate is too weak to show. */
export const MIN_SCORE = 50;

/**
 * Whether the search shows a scored candidate: something in the family name matched (or the names swapped) and the
 * score reaches the minimum. The one test of "a search would find this child", for the search's results and for
 * the loader's rule that a row resembling a protected child waits for a caseworker (resembles-protected-child.ts).
 */
export function wouldShow(scored: Scored): boolean {
  return scored.nameMatched && scored.score >= MIN_SCORE;
}
