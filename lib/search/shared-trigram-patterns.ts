/**
 * What a name spelt similarly to the typed one (trigram similarity of 0.3 or more) must contain, as LIKE patterns:
 * a cheap test that lets similarity, which costs far more per row, run only on the names that pass.
 *
 * pg_trgm pads each word ("  w", " wr", "wra", "rad", "ad ") and compares sets: similarity = s / (n + m - s) for s
 * shared trigrams, n typed and m held. A similar name either contains one of the typed name's letter triples (wra,
 * rad), or shares only edge trigrams (first letter, word-start pair wr, word-end pair ad), at most k of them, which
 * is enough only if 0.3 (n + m - s) <= s <= k, that is m <= (13k - 3n) / 3. A name of `length` characters has m =
 * length + 1 (a little less for a separator of two characters, as in "St. John", hence two characters' slack; much
 * less only for a syllable repeated within a word, as in "Lalala"), so the pairs, which match a good part of any
 * district ("on", "er"), are tried only on names short enough. Measured at 12 M children: a typed "Jakson" matched
 * 1,816 of a district's 11,975 names through its pairs, and 52 through its triples.
 */
export type SharedTrigramPatterns = { triples: string[]; pairs: string[]; pairsUpToLength: number };

const escape = (s: string) => s.replace(/[\\%_]/g, '\\$&');
const like = (pieces: Set<string>) => [...pieces].map((piece) => `%${escape(piece)}%`);

export function sharedTrigramPatterns(typed: string): SharedTrigramPatterns {
  const words = typed.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
  const triples = new Set<string>();
  const pairs = new Set<string>();
  const trigrams = new Set<string>();
  const edgeTrigrams = new Set<string>();
  for (const word of words) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) trigrams.add(padded.slice(i, i + 3));
    edgeTrigrams.add(padded.slice(0, 3)).add(padded.slice(1, 4)).add(padded.slice(-3));
    if (word.length === 1) {
      pairs.add(word);
      continue;
    }
    pairs.add(word.slice(0, 2)).add(word.slice(-2));
    for (let i = 0; i + 3 <= word.length; i += 1) triples.add(word.slice(i, i + 3));
  }
  const largestHeldTrigrams = Math.floor((13 * edgeTrigrams.size - 3 * trigrams.size) / 3);
  return { triples: like(triples), pairs: like(pairs), pairsUpToLength: largestHeldTrigrams - 1 + 2 };
}
