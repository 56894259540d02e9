import { normaliseName } from './normalise';

/**
 * A name folded for comparison: accents, apostrophes, spaces, hyphens and case dropped, and the Scottish and Irish
 * "Mac" written as "Mc", so that "Mac Donald", "MacDonald" and "McDonald", or "O’Brien" and "O Brien", fold alike.
 * `parts` are the words of a double-barrelled or multi-word name, without the particles that only say "son of",
 * "of the" and the like (Mac, Ó, Ní, al, de, van…), which many different names share.
 *
 * The database works out the same keys when a name is written (the name_keys() function, migration 0035): the two
 * must agree, and name-keys.test.ts holds them to it.
 */
export type FoldedName = { readonly whole: string; readonly parts: readonly string[] };

/** Letters that Unicode does not decompose into a plain letter and an accent. */
export const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  đ: 'd', ð: 'd', ł: 'l', ø: 'o', ı: 'i', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th',
};

/** Words that only join a name to the one it comes from: never a part worth matching on its own. */
export const PARTICLES: ReadonlySet<string> = new Set([
  'mac', 'mc', 'nic', 'ni', 'ui', 'ua', 'bean', 'mhic', 'ap', 'ab', 'fitz', 'st', 'saint',
  'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'ben', 'ould',
  'de', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'dello', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'des', 'ter', 'ten', 'y',
]);

const macAsMc = (word: string) => word.replace(/^mac(?=[a-z]{3})/, 'mc');

// A search folds the same few names for every row it scores: remembered, up to a bound.
const folded = new Map<string, FoldedName>();

export function foldName(name: string): FoldedName {
  const known = folded.get(name);
  if (known) return known;
  if (folded.size >= 20_000) folded.clear();
  const result = fold(name);
  folded.set(name, result);
  return result;
}

function fold(name: string): FoldedName {
  const letters = [...name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()]
    .map((c) => SPECIAL_LETTERS[c] ?? c)
    .join('')
    .replace(/['’`ʼ‘.]/g, '');
  const words = letters.split(/[^a-z]+/).filter(Boolean);
  const joined = words.join('');
  const whole = joined ? macAsMc(joined) : normaliseName(name);
  const parts = words.map(macAsMc).filter((w) => w.length > 1 && !PARTICLES.has(w) && w !== whole);
  return { whole, parts: [...new Set(parts)] };
}

/** The keys the database keeps for a name: the whole name folded first, then its parts. */
export function nameKeys(name: string): string[] {
  const { whole, parts } = foldName(name);
  return [whole, ...parts];
}
