import type { SearchMatch } from './find-children';
import type { Ranked } from './follow-merges';

/** What a results page shows of each child ranked: never where a shielded child lives. */
export const shownMatches = (ranked: Ranked[]): SearchMatch[] =>
  ranked.map(({ shown: child, score, reasons }) => ({ ...child, postcodeDistrict: child.shielded ? null : child.postcodeDistrict, score, reasons }));
