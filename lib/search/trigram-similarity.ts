/**
 * pg_trgm's similarity() worked out in Node, so that a rule applied outside a query (the loader's "resembles a
 * protected child") compares names exactly as the search's SQL does: each word (a run of letters or digits) in
 * lower case, padded with two spaces before and one after, cut into its set of three-character pieces; similarity is
 * the pieces both share over the pieces either has.
 */
const WORD = /[\p{L}\p{N}]+/gu;

export function trigramsOf(text: string): Set<string> {
  const pieces = new Set<string>();
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    const padded = [...`  ${word} `];
    for (let i = 0; i + 3 <= padded.length; i++) pieces.add(padded[i]! + padded[i + 1]! + padded[i + 2]!);
  }
  return pieces;
}

export function trigramSetSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const piece of small) if (large.has(piece)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export function trigramSimilarity(a: string, b: string): number {
  return trigramSetSimilarity(trigramsOf(a), trigramsOf(b));
}
