/**
 * pg_trgm's similarity() worked out in Node, so that a rule applied outside a query (the loader's "resembles a
 * protected child") compares names exactly as the search's SQL does: each word (a run of letters or digits) in
 * lower case, padded with two spaces before and one after, cut into its set of three-character pieces; similarity is
 * the pieces both share over the pieces either has.
 */
const WORD = /[\p{L}\p{N}]+/gu;

// Each distinct piece gets a small number, so that a name's pieces are a sorted array of numbers and two names are
// compared by one merge: the loader compares some millions of pairs of names a load.
const pieceNumbers = new Map<string, number>();
const numberOf = (piece: string) => {
  let n = pieceNumbers.get(piece);
  if (n === undefined) {
    n = pieceNumbers.size;
    pieceNumbers.set(piece, n);
  }
  return n;
};

/** A name's trigrams, as sorted piece numbers. */
export type Trigrams = Int32Array;

export function trigramsOf(text: string): Trigrams {
  const pieces = new Set<number>();
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    const padded = [...`  ${word} `];
    for (let i = 0; i + 3 <= padded.length; i++) pieces.add(numberOf(padded[i]! + padded[i + 1]! + padded[i + 2]!));
  }
  return Int32Array.from(pieces).sort();
}

export function trigramSetSimilarity(a: Trigrams, b: Trigrams): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

export function trigramSimilarity(a: string, b: string): number {
  return trigramSetSimilarity(trigramsOf(a), trigramsOf(b));
}
