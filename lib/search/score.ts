import { areDifferentNames, areNameVariants, foldName, normaliseName, shareVariantGroup, variantGroupsOf } from '@/lib/names';
import { editDistance } from './edit-distance';

/**
 * How well a child on the index matches what a practitioner typed, and why. The score is the share of the points
 * available for the criteria given (family name 40, given name 25, date of birth 30, postcode 15), so 100 means
 * everything given matched exactly. Each point comes with a reason shown beside the result, so nobody picks a
 * near miss blindly.
 */
export type SearchCriteria = {
  familyName: string;
  givenName?: string;
  dateOfBirth?: string;
  postcode?: string;
  gender?: 'female' | 'male' | 'not_specified';
};

export type Candidate = {
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  gender: string;
  /** Null for a shielded child: where they live never counts towards a match. */
  postcodeDistrict: string | null;
  /** The full postcode where the search block has it (the postcode block); never for a shielded child. */
  postcode?: string | null;
  phonetic: { family: string | null; familyAlt: string | null; given: string | null };
  /** The family name compared is one the child was known by before (other_names), not their current one. */
  familyNameIsFormer?: boolean;
  /** pg_trgm similarities worked out by the database: typed family/given name against the child's. */
  similarity: { family: number; given: number; familyAsGiven: number; givenAsFamily: number };
};

export type QueryPhonetic = { family: string | null; familyAlt: string | null; given: string | null };
/**
 * `nameMatched` is false when nothing in the family name (or the names swapped) matched: never a result.
 * `givenMatched`: the typed given name matched too (or the names swapped).
 */
export type Scored = { score: number; reasons: string[]; nameMatched: boolean; givenMatched: boolean };

const POINTS = { family: 40, given: 25, dateOfBirth: 30, postcode: 15 };
const TRIGRAM_FLOOR = 0.3;

type Part = { points: number; reason: string } | null;
const best = (...parts: Part[]): Part => parts.reduce<Part>((a, b) => (b && (!a || b.points > a.points) ? b : a), null);

/**
 * Names are compared folded (lib/names/fold.ts): accents, apostrophes, spaces and Mac/Mc do not count. Every test
 * here has its counterpart in the search's filter (search-blocks.ts), so that whatever would score is read.
 */
function familyPart(typed: string, candidate: Candidate, q: QueryPhonetic, similarity: number, label = 'family name'): Part {
  const a = foldName(typed);
  const b = foldName(candidate.familyName);
  const soundsAlike = q.family !== null && [candidate.phonetic.family, candidate.phonetic.familyAlt].includes(q.family);
  const typedKeys = [a.whole, ...a.parts];
  const heldKeys = [b.whole, ...b.parts];
  const sharesPart = a.whole !== b.whole && typedKeys.some((key) => heldKeys.includes(key));
  const partIsVariant =
    (a.parts.length > 0 || b.parts.length > 0) &&
    typedKeys.some((t) => heldKeys.some((h) => shareVariantGroup(variantGroupsOf(t, 'family'), variantGroupsOf(h, 'family'))));
  return best(
    a.whole === b.whole ? { points: 40, reason: `${label} matches` } : null,
    sharesPart ? { points: 36, reason: `${label} matches part of a double-barrelled name` } : null,
    areNameVariants(a.whole, b.whole, 'family') ? { points: 34, reason: `${label} is a known variant spelling` } : null,
    partIsVariant ? { points: 30, reason: `part of the ${label} is a known variant spelling` } : null,
    soundsAlike ? { points: 30, reason: `${label} sounds like` } : null,
    typingSlip(a.whole, b.whole, 32, label),
    similarity >= TRIGRAM_FLOOR ? { points: Math.round(40 * similarity), reason: `${label} spelt similarly` } : null,
  );
}

/**
 * One letter wrong, missing, extra or swapped with its neighbour; or, in a long name, two letters wrong, missing or
 * extra. The filter reads names within two Levenshtein edits (search-blocks.ts), where a swap counts two.
 */
function typingSlip(typed: string, held: string, points: number, label: string): Part {
  const distance = editDistance(typed, held);
  if (distance === 1 && Math.min(typed.length, held.length) >= 3) return { points, reason: `${label} one letter different` };
  const twoSlips = distance === 2 && Math.min(typed.length, held.length) >= 7 && editDistance(typed, held, { countSwaps: false }) === 2;
  if (twoSlips) return { points: points - 8, reason: `${label} two letters different` };
  return null;
}

function givenPart(typed: string, candidate: Candidate, q: QueryPhonetic, similarity: number): Part {
  const a = normaliseName(typed).split(' ')[0]!;
  const names = normaliseName(candidate.givenNames).split(' ');
  const first = names[0]!;
  return best(
    a === first ? { points: 25, reason: 'given name matches' } : null,
    names.slice(1).includes(a) ? { points: 22, reason: 'matches a middle name' } : null,
    areNameVariants(a, first, 'given') ? { points: 21, reason: 'given name is a variant or short form' } : null,
    // Names the reference keeps apart (Oliver and Alfred, Euan and Owen) are different names, however alike they sound.
    q.given !== null && q.given === candidate.phonetic.given && !areDifferentNames(a, first, 'given')
      ? { points: 18, reason: 'given name sounds like' }
      : null,
    typingSlip(a, first, 20, 'given name'),
    similarity >= TRIGRAM_FLOOR ? { points: Math.round(25 * similarity), reason: 'given name spelt similarly' } : null,
    a.length === 1 && first.startsWith(a) ? { points: 8, reason: 'initial matches' } : null,
  );
}

function datePart(typed: string, held: string): Part {
  if (typed === held) return { points: 30, reason: 'date of birth matches' };
  const [y, m, d] = typed.split('-');
  if (`${y}-${d}-${m}` === held) return { points: 24, reason: 'day and month swapped' };
  const differing = [...typed].filter((c, i) => c !== held[i]).length;
  return differing === 1 ? { points: 18, reason: 'date of birth one digit different' } : null;
}

export function scoreCandidate(criteria: SearchCriteria, candidate: Candidate, q: QueryPhonetic): Scored {
  const reasons: string[] = [];
  let points = 0;
  let available = POINTS.family;

  const straight = [
    familyPart(criteria.familyName, candidate, q, candidate.similarity.family, candidate.familyNameIsFormer ? 'former family name' : 'family name'),
    criteria.givenName ? givenPart(criteria.givenName, candidate, q, candidate.similarity.given) : null,
  ];
  // Given and family names written the wrong way round are a common slip on forms.
  const swappedFamily =
    criteria.givenName && candidate.similarity.familyAsGiven >= TRIGRAM_FLOOR && candidate.similarity.givenAsFamily >= TRIGRAM_FLOOR
      ? [
          { points: Math.round(36 * candidate.similarity.givenAsFamily), reason: 'given and family names swapped' },
          { points: Math.round(22 * candidate.similarity.familyAsGiven), reason: '' },
        ]
      : null;
  const straightPoints = straight.reduce((sum, p) => sum + (p?.points ?? 0), 0);
  const swappedPoints = swappedFamily ? swappedFamily[0]!.points + swappedFamily[1]!.points : 0;
  const chosen = swappedPoints > straightPoints ? swappedFamily! : straight;
  const nameMatched = Boolean(chosen[0]);
  const givenMatched = Boolean(chosen[1]);
  for (const part of chosen) {
    if (!part) continue;
    points += part.points;
    if (part.reason) reasons.push(part.reason);
  }
  if (criteria.givenName) available += POINTS.given;

  if (criteria.dateOfBirth) {
    available += POINTS.dateOfBirth;
    const part = datePart(criteria.dateOfBirth, candidate.dateOfBirth);
    if (part) {
      points += part.points;
      reasons.push(part.reason);
    }
  }
  if (criteria.postcode) {
    available += POINTS.postcode;
    const typed = criteria.postcode.trim().toUpperCase().replace(/\s+/g, ' ');
    const district = typed.split(' ')[0];
    if (candidate.postcode && candidate.postcode === typed) {
      points += POINTS.postcode;
      reasons.push('same postcode');
    } else if (candidate.postcodeDistrict && candidate.postcodeDistrict === district) {
      points += 8;
      reasons.push('same postcode district');
    }
  }
  const genders = [criteria.gender, candidate.gender];
  if (criteria.gender && !genders.includes('not_specified') && criteria.gender !== candidate.gender) {
    points -= 10;
    reasons.push('gender differs');
  }
  return { score: Math.max(0, Math.round((100 * points) / available)), reasons, nameMatched, givenMatched };
}
