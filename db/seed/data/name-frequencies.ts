// How common each listed name is inside its pool (db/seed/data/names.ts lists names in rough order of popularity).
// Public figures the shapes are fitted to, each named where it is used:
// - ONS, "Baby names in England and Wales: 2019" (published 26 August 2020): Oliver 4,932 boys, Olivia 4,082 girls;
//   the tenth boys' name (Oscar) 3,334 and the tenth girls' (Freya) 2,264; John 431 boys at rank 131; Margaret 109
//   girls at rank 396. ONS, "Births in England and Wales: 2019": 640,370 live births, about 51.3% boys
//   (328,500 boys, 311,900 girls). So Oliver was 1.50% of boys, Olivia 1.31% of girls.
// - Surnames: the "Comparative Table of 300 Leading Surnames" of the Guild of One-Name Studies (surnamestudies.org.uk,
//   England and Wales 1984–97 column: share of all registrations): Smith 1.33%, Jones 0.99%, Williams 0.68%,
//   Taylor 0.59%, Brown 0.62%, Davies 0.51%, … Hall 0.29%; the UK electoral register of 1996 gives Smith 1.20%,
//   Jones 0.90%. The University of the West of England's Family Names of the UK project counts some 45,000 surnames
//   in current use: most people's surname is outside the few hundred leading ones.
// The English pool is about 62% of children (names.ts weights), so its shares are the national ones divided by 0.62
// for names only it holds (Oliver: 1.50% / 0.62 ≈ 2.4% of the pool's boys), and the historic registration shares
// for surnames (a population then almost wholly of that heritage).

/**
 * A list's shares: the first `leading` clusters take the shares given (fractions of the pool), then every later
 * cluster n (0-based) takes `top × (offset / (n + offset)) ^ exponent`, where `top` is the first cluster's share
 * (or, after `leading`, the last leading share carried on by a Zipf curve). What the list leaves of 1 goes to the
 * long tail: rarer names outside the list. `normalise` instead scales the list to take everything (no tail), for
 * pools whose lists already reach their rare names.
 */
export type ShareCurve =
  | { kind: 'tail'; top: number; exponent: number; offset: number; leading?: readonly number[] }
  | { kind: 'normalise'; exponent: number; tail: number };

/** Per cent → fraction, for readability of the published figures below. */
const pct = (values: readonly number[]) => values.map((v) => v / 100);

export const ENGLISH_CURVES = {
  // Oliver 2.4% of the pool; falling by a third by the tenth name (Oscar/Oliver = 0.68) and to 0.21% of the pool
  // by rank 131 (John): an exponent of 1.5 with offset 31 passes through both. It leaves 8% to the tail.
  boys: { kind: 'tail', top: 0.024, exponent: 1.5, offset: 31 },
  // Olivia 2.1% of the pool; the tenth (Freya/Olivia = 0.55) and rank 396 (Margaret, 0.056% of the pool) fit an
  // exponent of 1 with offset 11.2. Girls' names are the more varied: it leaves 31% to the tail.
  girls: { kind: 'tail', top: 0.0211, exponent: 1, offset: 11.2 },
  // The leading twenty from the registration shares (in names.ts order: Smith, Jones, Williams, Taylor, Brown,
  // Davies, Evans, Wilson, Thomas, Johnson, Roberts, Robinson, Thompson, Wright, Walker, White, Edwards, Hughes,
  // Green, Hall), then a Zipf curve of exponent 0.8 from Hall's 0.29% (rank 100 ≈ 0.08%, rank 355 ≈ 0.03%): the
  // 355 listed names cover about a third of the pool, and two thirds go to the tail of rare surnames.
  family: {
    kind: 'tail',
    top: 0.0133,
    exponent: 0.8,
    offset: 1,
    leading: pct([1.33, 0.99, 0.68, 0.59, 0.62, 0.51, 0.43, 0.44, 0.39, 0.32, 0.36, 0.29, 0.29, 0.31, 0.29, 0.32, 0.29, 0.28, 0.27, 0.29]),
  },
} as const satisfies Record<string, ShareCurve>;

/**
 * Other communities' lists are shorter (30–80 names) and stand for their community's names down to the rare ones,
 * so they take all of their pool's family names; given names leave 15% to the national tail (children of every
 * heritage carry names from outside it). The exponents are set so that a community's leading name takes about what
 * it does nationally: Khan about 0.5% of children (some 7% of the Pakistani/Bangladeshi pool), Patel about 0.25%
 * (8% of the Indian pool), Nguyen about two Vietnamese in five; Muhammad, Mohammed and Mohammad together were
 * given to about 2% of all boys (ONS 2019: Muhammad 3,604 alone, rank 7), nearly all in the Muslim pools (about
 * 9.7% of children), so Muhammad in its spellings leads those pools' boys with about 20%. Where surnames are many
 * (Polish, Nigerian, Italian) the curve is flat.
 */
export const COMMUNITY_GIVEN_TAIL = 0.15;

const FLAT = 0.6;

/** Family-name exponents where one name leads more than the flat default. */
export const COMMUNITY_FAMILY_EXPONENT: Record<string, number> = {
  'Pakistani/Bangladeshi (Muslim)': 0.5,
  Somali: 0.9, // patronymic: Mohamed, Ahmed, Ali, Hassan
  'Portuguese/Brazilian': 0.8, // Silva, Santos, Ferreira
  Bulgarian: 0.8, // Ivanov, Georgiev, Dimitrov
  'Turkish/Kurdish': 0.7,
  Ghanaian: 0.7,
  Chinese: 0.8,
  Vietnamese: 1.4, // Nguyen, Tran, Le
};
export const COMMUNITY_FAMILY_DEFAULT_EXPONENT = FLAT;

/** Boys' lists led by one name far ahead of the rest: Muhammad in its spellings. */
export const COMMUNITY_BOYS_EXPONENT: Record<string, number> = {
  'Pakistani/Bangladeshi (Muslim)': 1.1,
  Arabic: 1.1,
  Somali: 1.1,
};

export const COMMUNITY_GIVEN_EXPONENT = 0.5;
