/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbouring letters each
 * count one (or, with `countSwaps` false, plain Levenshtein: a swap counts two). Trigrams miss a swap in a short name ("Borwn"); this catches it. Three rows at a time, reused: a search
 * works this out for every candidate, and a fresh table each time was most of the scoring's cost.
 */
export function editDistance(a: string, b: string, { countSwaps = true } = {}): number {
  if (a === b) return 0;
  const cols = b.length + 1;
  let twoBack = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (countSwaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, twoBack[j - 2]! + 1);
      current[j] = distance;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length]!;
}
