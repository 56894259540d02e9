import type { FindChildrenResult, SearchMatch } from './find-children';

/** A system client gets one child only when the best match is strong and clearly ahead of the next. */
export const CONFIDENT_SCORE = 90;
export const CONFIDENT_LEAD = 15;

export function confidentMatch(result: FindChildrenResult): SearchMatch | null {
  if (result.outcome !== 'matches') return null;
  const [best, next] = result.matches;
  if (!best || best.score < CONFIDENT_SCORE) return null;
  if (next && best.score - next.score < CONFIDENT_LEAD) return null;
  return best;
}
