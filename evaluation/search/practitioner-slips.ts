/**
 * How people get a child's details wrong when they type them, as an error model of the evaluation's own, written
 * independently of the search's name knowledge (lib/names) and of the seed generator: it must not share their blind
 * spots. Sources of the facts: the QWERTY keyboard's layout (neighbouring keys); English spelling alternations that
 * sound alike, as listed in Wikipedia "English orthography" (sound-to-spelling correspondences); the hypocorisms in
 * Wikipedia "Hypocorism" and "English given names"; the slips record linkage studies report most (one letter wrong,
 * missing, extra or two swapped; day and month transposed; one digit of a date wrong; the given and family names
 * entered the wrong way round), as in P. Christen, "Data Matching" (Springer, 2012), chapter 3.
 */

export type Rng = { int(n: number): number; chance(p: number): boolean };

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const neighbours = new Map<string, string>();
for (const [r, row] of KEYBOARD_ROWS.entries()) {
  for (const [c, key] of [...row].entries()) {
    const near = [row[c - 1], row[c + 1], KEYBOARD_ROWS[r - 1]?.[c], KEYBOARD_ROWS[r - 1]?.[c + 1], KEYBOARD_ROWS[r + 1]?.[c], KEYBOARD_ROWS[r + 1]?.[c - 1]];
    neighbours.set(key, near.filter(Boolean).join(''));
  }
}

const keepCase = (original: string, replacement: string) => (original === original.toUpperCase() ? replacement.toUpperCase() : replacement);

/** One slip of the fingers: a neighbouring key, a letter dropped or doubled, or two letters swapped; never the first letter. */
export function typingSlip(name: string, rng: Rng): string {
  if (name.length < 4) return name;
  const at = 1 + rng.int(name.length - 2);
  const letter = name[at]!;
  switch (rng.int(4)) {
    case 0: {
      const near = neighbours.get(letter.toLowerCase());
      return near ? name.slice(0, at) + keepCase(letter, near[rng.int(near.length)]!) + name.slice(at + 1) : name;
    }
    case 1:
      return name.slice(0, at) + name.slice(at + 1);
    case 2:
      return name.slice(0, at) + letter + name.slice(at);
    default:
      return name[at + 1] ? name.slice(0, at) + name[at + 1] + letter + name.slice(at + 2) : name;
  }
}

/** Spellings that sound alike in English, each way round: the ear's slips, not the fingers'. */
const SOUND_ALIKE: [RegExp, string][] = [
  [/ph/, 'f'],
  [/f(?=[aeiou])/, 'ph'],
  [/ck/, 'k'],
  [/(?<=[aeiou])k/, 'ck'],
  [/ie$/, 'y'],
  [/y$/, 'ie'],
  [/ey$/, 'y'],
  [/ee/, 'ea'],
  [/ea/, 'ee'],
  [/ou/, 'ow'],
  [/ai/, 'ay'],
  [/ay/, 'ai'],
  [/([bdfglmnprst])\1/, '$1'],
  [/(?<=[aeiou])([lnrt])(?=[aeiouy])/, '$1$1'],
  [/^C(?=[aou])/, 'K'],
  [/^K(?=[aou])/, 'C'],
  [/s(?=[aeiou])/, 'z'],
  [/z/, 's'],
  [/son$/, 'sen'],
  [/sen$/, 'son'],
  [/ah$/, 'a'],
  [/(?<=[^h])a$/, 'ah'],
  [/th/, 't'],
  [/^Mc/, 'Mac'],
  [/^Mac(?=[A-Z])/, 'Mc'],
  [/aa/, 'a'],
  [/oo/, 'u'],
  [/i(?=[^aeiou]*$)/, 'y'],
  [/y(?=[^aeiou]+)/, 'i'],
];

/** The name spelt as it sounds, another way, by one alternation that applies to it; null when none does. */
export function soundAlikeSpelling(name: string, rng: Rng): string | null {
  const applying = SOUND_ALIKE.filter(([pattern]) => pattern.test(name));
  if (applying.length === 0) return null;
  const [pattern, replacement] = applying[rng.int(applying.length)]!;
  const respelt = name.replace(pattern, replacement);
  return respelt !== name && respelt.length >= 2 ? respelt : null;
}

/** Short forms people use for the name on the birth certificate (Wikipedia "Hypocorism", "English given names"). */
const SHORT_FORMS: Record<string, string[]> = {
  Alexander: ['Alex', 'Sandy', 'Xander'], Alexandra: ['Alex', 'Lexi', 'Sasha'], Benjamin: ['Ben', 'Benji'], Charles: ['Charlie'],
  Charlotte: ['Lottie', 'Charlie'], Christopher: ['Chris', 'Kit'], Daniel: ['Dan', 'Danny'], Edward: ['Ed', 'Eddie', 'Ned', 'Ted'],
  Elizabeth: ['Beth', 'Lizzie', 'Eliza', 'Libby', 'Betsy'], Eleanor: ['Ellie', 'Nell', 'Nora'], Frederick: ['Freddie', 'Fred'],
  Harriet: ['Hattie'], Henry: ['Harry', 'Hal'], Isabella: ['Bella', 'Izzy', 'Isla'], Isabelle: ['Izzy', 'Belle'], Jacob: ['Jake'],
  James: ['Jim', 'Jamie', 'Jimmy'], Jessica: ['Jess', 'Jessie'], John: ['Jack', 'Johnny'], Jonathan: ['Jon', 'Jonny'], Joseph: ['Joe', 'Joey'],
  Katherine: ['Kate', 'Katie', 'Kitty'], Catherine: ['Cath', 'Cathy', 'Kate'], Margaret: ['Maggie', 'Meg', 'Peggy'], Matthew: ['Matt'],
  Michael: ['Mike', 'Mikey', 'Mick'], Nathaniel: ['Nate', 'Nat'], Nicholas: ['Nick', 'Nicky'], Oliver: ['Ollie', 'Olly'], Olivia: ['Liv', 'Livvy'],
  Penelope: ['Penny'], Rebecca: ['Becky', 'Becca'], Richard: ['Rich', 'Dick', 'Richie'], Robert: ['Rob', 'Bobby', 'Robbie', 'Bob'],
  Samuel: ['Sam', 'Sammy'], Samantha: ['Sam', 'Sammie'], Sebastian: ['Seb'], Sophia: ['Sophie'], Susannah: ['Susie', 'Sue'],
  Theodore: ['Theo', 'Ted'], Thomas: ['Tom', 'Tommy'], Victoria: ['Vicky', 'Tori'], William: ['Will', 'Billy', 'Liam', 'Bill'],
  Zachary: ['Zach', 'Zak'], Gabriel: ['Gabe'], Gabriella: ['Gabby', 'Ella'], Anthony: ['Tony', 'Ant'], Maximilian: ['Max'], Maxwell: ['Max'],
  Florence: ['Flo', 'Florrie'], Josephine: ['Josie', 'Jo'], Abigail: ['Abbie', 'Abby'], Annabelle: ['Annie', 'Bella'], Archibald: ['Archie'],
  Alfred: ['Alfie', 'Alf'], Stanley: ['Stan'], Ronald: ['Ronnie', 'Ron'], Louisa: ['Lou'], Louis: ['Lou'], Amelia: ['Millie', 'Amy'],
  Mohammed: ['Mo'], Muhammad: ['Mo'], Mohammad: ['Mo'],
};

export function shortForm(givenName: string, rng: Rng): string | null {
  const forms = SHORT_FORMS[givenName];
  return forms ? forms[rng.int(forms.length)]! : null;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const isRealDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** The day and month written the wrong way round; null when that is no other real date. */
export function dayAndMonthSwapped(dateOfBirth: string): string | null {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  return d !== m && d <= 12 ? iso(y, d, m) : null;
}

/** One digit of the date wrong, the result still a real date before `notAfter`. */
export function oneDigitWrong(dateOfBirth: string, rng: Rng, notAfter: string): string | null {
  for (let tries = 0; tries < 20; tries++) {
    const at = [2, 3, 5, 6, 8, 9][rng.int(6)]!;
    const digit = String(rng.int(10));
    if (dateOfBirth[at] === digit) continue;
    const wrong = dateOfBirth.slice(0, at) + digit + dateOfBirth.slice(at + 1);
    const [y, m, d] = wrong.split('-').map(Number) as [number, number, number];
    if (isRealDate(y, m, d) && wrong <= notAfter) return wrong;
  }
  return null;
}

/** The name as a form without accents, apostrophes or hyphens takes it; null when that changes nothing. */
export function plainLetters(name: string): string | null {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/-/g, ' ');
  return plain !== name ? plain : null;
}
