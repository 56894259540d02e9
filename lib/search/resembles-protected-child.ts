import { foldName, nameKeys, normaliseName, shareVariantGroup, variantGroupsOf } from '@/lib/names';
import { editDistance } from './edit-distance';
import { type Candidate, scoreCandidate, type SearchCriteria } from './score';
import { type Trigrams, trigramSetSimilarity, trigramsOf } from './trigram-similarity';
import { wouldShow } from './would-show';

/** A family name a child is or was known by, with its double metaphone keys as the database stores them. */
export type KnownFamilyName = { familyName: string; phonetic: string | null; phoneticAlt: string | null; former: boolean };

/** Who a child is, as a search would compare it: a load row's details, or a protected child's as held. */
export type IdentityDetails = {
  givenNames: string;
  /** Double metaphone of the first given name. */
  givenPhonetic: string | null;
  /** The current family name first, then former ones. */
  familyNames: KnownFamilyName[];
  dateOfBirth: string;
  gender: string;
  /** Where the child really lives: for a shielded child the hidden address, which only this rule reads. */
  postcode: string | null;
};

/** `folded` and `keys` as lib/names folds a name (the whole name, then its parts), with each key's variant groups. */
type PreparedName = KnownFamilyName & { folded: string; keys: string[]; trigrams: Trigrams; keyVariants: (ReadonlySet<number> | undefined)[] };
export type PreparedIdentity = {
  details: IdentityDetails;
  givenTrigrams: Trigrams;
  /** The given names normalised, the first of them, and the first one's variant groups. */
  givens: string[];
  firstGiven: string;
  firstGivenVariants: ReadonlySet<number> | undefined;
  names: PreparedName[];
  district: string | null;
};

/** The pieces of an identity the rule compares again and again, worked out once. */
export function prepareIdentity(details: IdentityDetails): PreparedIdentity {
  const givens = normaliseName(details.givenNames).split(' ');
  return {
    details,
    givenTrigrams: trigramsOf(details.givenNames),
    givens,
    firstGiven: givens[0]!,
    firstGivenVariants: variantGroupsOf(givens[0]!, 'given'),
    names: details.familyNames.map((n) => {
      const keys = nameKeys(n.familyName);
      return { ...n, folded: foldName(n.familyName).whole, keys, trigrams: trigramsOf(n.familyName), keyVariants: keys.map((k) => variantGroupsOf(k, 'family')) };
    }),
    // Stryker disable next-line Regex: trimmed first, the piece before the first space is the same whether spaces split singly or in runs
    district: details.postcode ? details.postcode.trim().toUpperCase().split(/\s+/)[0]! : null,
  };
}

const swappedDayAndMonth = (iso: string) => `${iso.slice(0, 4)}-${iso.slice(8, 10)}-${iso.slice(5, 7)}`;
// Stryker disable next-line ConditionalExpression: only ever given ISO dates of birth, which are all ten characters long
const oneDigitApart = (a: string, b: string) => a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1;
const soundAlike = (a: PreparedName, b: PreparedName) =>
  (a.phonetic !== null && (a.phonetic === b.phonetic || a.phonetic === b.phoneticAlt)) || (a.phoneticAlt !== null && a.phoneticAlt === b.phonetic);

/**
 * A cheap test that two family names could score anything at all in the search (familyPart in score.ts), or that
 * the given and family names could be the swapped pair the score allows for. Only a pair passing it is scored: the
 * score would give nothing to the rest, so leaving them out changes no answer.
 */
function namesCouldMatch(a: PreparedName, b: PreparedName, typed: PreparedIdentity, held: PreparedIdentity): boolean {
  if (a.folded === b.folded || soundAlike(a, b)) return true;
  // Stryker disable next-line ConditionalExpression: letting every pair through here only leaves the score to decide, which gives these names nothing (the property test below the rule's examples)
  if (trigramSetSimilarity(a.trigrams, b.trigrams) >= 0.3 || couldBeTypingSlip(a.folded, b.folded)) return true;
  if (a.keys.some((k) => b.keys.includes(k))) return true;
  if (a.keyVariants.some((left) => b.keyVariants.some((right) => shareVariantGroup(left, right)))) return true;
  return trigramSetSimilarity(held.givenTrigrams, a.trigrams) >= 0.3 && trigramSetSimilarity(b.trigrams, typed.givenTrigrams) >= 0.3;
}

/** At most one letter wrong, missing, extra or swapped with its neighbour: in one pass, not a table. */
function withinOneSlip(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** score.ts's typingSlip, as a yes or no: one slip in a name of three letters or more, two in one of seven or more. */
function couldBeTypingSlip(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 3 && withinOneSlip(a, b)) return true;
  return shorter >= 7 && Math.abs(a.length - b.length) <= 2 && editDistance(a, b) <= 2;
}

/**
 * A cheap test, either way round, that the given names could score anything in the search (givenPart in score.ts):
 * the same first name, one as the other's middle name, a variant, the same sound, a slip, similar spelling, an
 * initial — or given and family names that could be the swapped pair. The rule asks the given name to match, so a
 * pair failing this cannot resemble: most pairs a row meets end here.
 */
function givenNamesCouldMatch(a: PreparedIdentity, b: PreparedIdentity): boolean {
  if (a.firstGiven === b.firstGiven || (a.details.givenPhonetic !== null && a.details.givenPhonetic === b.details.givenPhonetic)) return true;
  if (b.givens.includes(a.firstGiven) || a.givens.includes(b.firstGiven) || shareVariantGroup(a.firstGivenVariants, b.firstGivenVariants)) return true;
  if ((a.firstGiven.length === 1 || b.firstGiven.length === 1) && a.firstGiven[0] === b.firstGiven[0]) return true;
  if (trigramSetSimilarity(a.givenTrigrams, b.givenTrigrams) >= 0.3 || couldBeTypingSlip(a.firstGiven, b.firstGiven)) return true;
  return a.names.some((n) => trigramSetSimilarity(b.givenTrigrams, n.trigrams) >= 0.3) || b.names.some((n) => trigramSetSimilarity(a.givenTrigrams, n.trigrams) >= 0.3);
}

/**
 * Would a practitioner typing `typed`'s details be shown `held`, for a reason in both names? The search's own blocks
 * — the date of birth as typed, with day and month swapped, or one digit out with a family name that sounds the same;
 * or the postcode district — and its own scoring (wouldShow), tried with each of the typed family names (former ones
 * and the parts of a double-barrelled one too) against each of the held ones, with and without the postcode, as a
 * practitioner might type them. The given name must match as well (exactly, as a middle name, a variant, by sound, a
 * slip or spelt similarly; or the names swapped): the search also shows a child of the same family name with another
 * first name born a digit apart, but that is a sibling or a cousin, not the child under a slip — at 12 M children
 * every row with a common surname would have such a protected namesake. The same birthday (or a slip of it) at the
 * very same postcode counts whatever the names: a record made from it would tell anyone searching that birthday
 * where the child lives, and an adoptive name shares nothing with a birth name.
 */
const birthdaysNear = (a: string, b: string) => a === b || a === swappedDayAndMonth(b) || oneDigitApart(a, b);
const sameAddressAndBirthday = (a: PreparedIdentity, b: PreparedIdentity) =>
  a.details.postcode !== null && a.details.postcode === b.details.postcode && birthdaysNear(a.details.dateOfBirth, b.details.dateOfBirth);

export function searchWouldFind(typed: PreparedIdentity, held: PreparedIdentity): boolean {
  if (sameAddressAndBirthday(typed, held)) return true;
  const typedDob = typed.details.dateOfBirth;
  const heldDob = held.details.dateOfBirth;
  const sameOrSwapped = heldDob === typedDob || heldDob === swappedDayAndMonth(typedDob);
  const digitOut = oneDigitApart(typedDob, heldDob);
  const sameDistrict = typed.district !== null && typed.district === held.district;
  // Stryker disable next-line ConditionalExpression: outside every block no search is built below, so each pair is passed over and the answer is the same no
  if (!sameOrSwapped && !digitOut && !sameDistrict) return false;

  for (const typedName of typed.names) {
    for (const heldName of held.names) {
      // Stryker disable next-line ConditionalExpression: scoring a pair namesCouldMatch turns away finds no family name matched, which wouldShow never shows
      if (!namesCouldMatch(typedName, heldName, typed, held)) continue;
      // The search's block for a date one digit out reads only children whose current family name sounds the same.
      const inDateBlock = sameOrSwapped || (digitOut && !heldName.former && soundAlike(typedName, heldName));
      const searches: SearchCriteria[] = [];
      const givenName = typed.details.givenNames;
      if (inDateBlock) searches.push({ familyName: typedName.familyName, givenName, dateOfBirth: typedDob });
      if (inDateBlock && sameDistrict) searches.push({ familyName: typedName.familyName, givenName, dateOfBirth: typedDob, postcode: typed.details.postcode! });
      if (sameDistrict) searches.push({ familyName: typedName.familyName, givenName, postcode: typed.details.postcode! });
      // Stryker disable next-line ConditionalExpression: with no search to try, the loop below tries nothing: the same as passing over the pair
      if (searches.length === 0) continue;
      const candidate: Candidate = {
        familyName: heldName.familyName,
        givenNames: held.details.givenNames,
        dateOfBirth: heldDob,
        gender: held.details.gender,
        postcodeDistrict: held.district,
        postcode: held.details.postcode,
        phonetic: { family: heldName.phonetic, familyAlt: heldName.phoneticAlt, given: held.details.givenPhonetic },
        familyNameIsFormer: heldName.former,
        similarity: {
          family: trigramSetSimilarity(typedName.trigrams, heldName.trigrams),
          given: trigramSetSimilarity(held.givenTrigrams, typed.givenTrigrams),
          familyAsGiven: trigramSetSimilarity(held.givenTrigrams, typedName.trigrams),
          givenAsFamily: trigramSetSimilarity(heldName.trigrams, typed.givenTrigrams),
        },
      };
      const phonetic = { family: typedName.phonetic, familyAlt: typedName.phoneticAlt, given: typed.details.givenPhonetic };
      for (const search of searches) {
        const scored = scoreCandidate(search, candidate, phonetic);
        if (scored.givenMatched && wouldShow(scored)) return true;
      }
    }
  }
  return false;
}

/**
 * "Resembles a protected child": the one rule (DOMAIN, "Trust rules made explicit") for a shielded or new-identity
 * child. A person resembles the protected child if a search typed from the person's details would show the child,
 * or a search typed from the child's would show a record made of the person's: either way, a record made from the
 * person could be found by looking for the child, and would tell where they live.
 */
export function resemblesProtectedChild(person: PreparedIdentity, protectedChild: PreparedIdentity): boolean {
  // Stryker disable next-line ConditionalExpression: a pair this turns away has no given name the score matches, and searchWouldFind shows only a given-name match or the same address and birthday
  if (!sameAddressAndBirthday(person, protectedChild) && !givenNamesCouldMatch(person, protectedChild)) return false;
  return searchWouldFind(person, protectedChild) || searchWouldFind(protectedChild, person);
}
