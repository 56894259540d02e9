/** A system client gets one child only when the best match is strong and clearly ahead of the next. */
export const CONFIDENT_SCORE = 90;
export const CONFIDENT_LEAD = 15;

/** The best of a ranked list (best first) if it is confident enough to act on without a person to judge. */
export function confidentMatch<T extends { score: number }>(ranked: readonly T[]): T | null {
  const [best, next] = ranked;
  if (!best || best.score < CONFIDENT_SCORE) return null;
  if (next && best.score - next.score < CONFIDENT_LEAD) return null;
  return best;
}
