import { nameAgreement, namesAgreeForSystemClient } from './name-agreement';

/** A system client gets one child only when the best match is strong and clearly ahead of the next. */
export const CONFIDENT_SCORE = 90;
export const CONFIDENT_LEAD = 15;

/**
 * The best of a ranked list (best first) if it is strong and clearly ahead of the next: the citizen identity match
 * uses it inside a block that is already one postcode and one date of birth. A system client's search has the
 * stricter rule below, `confidentSystemClientAnswer`.
 */
export function confidentMatch<T extends { score: number }>(ranked: readonly T[]): T | null {
  const [best, next] = ranked;
  if (!best || best.score < CONFIDENT_SCORE) return null;
  if (next && best.score - next.score < CONFIDENT_LEAD) return null;
  return best;
}

/** Why a system client got no child, as a code it can act on, and what to send again with. */
export type NoAnswerReason =
  | 'needs_date_of_birth'
  | 'needs_given_name'
  | 'no_match'
  | 'only_close_matches'
  | 'needs_corroboration'
  | 'given_name_variant'
  | 'another_plausible_child'
  | 'source_id_elsewhere'
  | 'too_many';
export type FieldToAdd = 'dateOfBirth' | 'givenName' | 'postcode' | 'gender' | 'sourcePersonId';

/** A child the search ranked, with what a system client's answer is judged on. */
export type AnswerCandidate = {
  childId: string;
  score: number;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  gender: string;
  /** The full postcode held, where it may count: never for a shielded child. */
  postcode: string | null;
  /** The source's own id the client sent is linked to this child. */
  sourceLinked: boolean;
};
export type AnswerQuery = {
  indexNumber?: string;
  familyName?: string;
  givenName?: string;
  dateOfBirth?: string;
  postcode?: string;
  gender?: 'female' | 'male' | 'not_specified';
  sourcePersonId?: string;
};
export type SystemClientAnswer = { childId: string } | { childId: null; reason: NoAnswerReason; toAdd: FieldToAdd[] };

const withheld = (reason: NoAnswerReason, toAdd: FieldToAdd[], query: AnswerQuery): SystemClientAnswer => ({
  childId: null,
  reason,
  // Only what was not sent, or was sent and did not settle it (a postcode district, where the full postcode would).
  toAdd: toAdd.filter((field) => (field === 'postcode' ? !query.postcode?.includes(' ') : !query[field])),
});

const gendersDiffer = (typed: AnswerQuery['gender'], held: string) => Boolean(typed) && typed !== 'not_specified' && held !== 'not_specified' && typed !== held;

/**
 * The one child a system client may act on without a person to judge, or why not. A person would be sure only
 * when: the date of birth was given and is the child's exactly (not swapped, not a digit out); the family and given
 * names are the child's or known variants of them (never a sound-alike or a slip); something beyond name and
 * birthday corroborates it — the full postcode held, with the given name exactly as held (twins are given variant
 * names), or the client's own id for the person, linked to this child by an earlier load (gender does not: given
 * names nearly always tell it, so it separates almost no namesakes); and no
 * other child is plausible — none within CONFIDENT_LEAD points of it, and no other child with those names and that
 * birthday, unless the corroborating postcode, the source's id or a differing gender rules that child out.
 */
export function confidentSystemClientAnswer(query: AnswerQuery, candidates: readonly AnswerCandidate[], sourceIdLinked: boolean): SystemClientAnswer {
  if (!query.dateOfBirth) return withheld('needs_date_of_birth', ['dateOfBirth'], query);
  if (query.indexNumber) {
    const [child] = candidates;
    return child && child.dateOfBirth === query.dateOfBirth ? { childId: child.childId } : withheld('no_match', [], query);
  }
  if (!query.givenName || !query.familyName) return withheld('needs_given_name', ['givenName'], query);
  const typedNames = { familyName: query.familyName, givenName: query.givenName };
  const agrees = (c: AnswerCandidate) =>
    c.dateOfBirth === query.dateOfBirth && !gendersDiffer(query.gender, c.gender) && namesAgreeForSystemClient(nameAgreement(typedNames, c));
  // Of the children that agree, the one the corroborating evidence points at (namesakes score alike).
  const evidence = (c: AnswerCandidate) => (c.sourceLinked ? 2 : 0) + (c.postcode !== null && c.postcode === query.postcode ? 1 : 0);
  const best = [...candidates].sort((a, b) => evidence(b) - evidence(a) || b.score - a.score).find(agrees);
  if (!best) return withheld(candidates.length ? 'only_close_matches' : 'no_match', [], query);
  // The source's id and the postcode must point at the same child, or a person has to look.
  const atPostcode = candidates.find((c) => agrees(c) && query.postcode?.includes(' ') && c.postcode === query.postcode);
  if (sourceIdLinked && (!best.sourceLinked || (atPostcode && !atPostcode.sourceLinked))) return withheld('source_id_elsewhere', [], query);

  const atSamePostcode = Boolean(query.postcode?.includes(' ')) && best.postcode === query.postcode;
  // Twins and siblings share a postcode, a birthday too for twins, and are often given names that are variants of
  // each other (Nicola and Nicole): at a postcode, only the given name as held tells them apart.
  const givenAsHeld = nameAgreement(typedNames, best).given === 'exact';
  const byPostcode = atSamePostcode && givenAsHeld;
  if (!byPostcode && !best.sourceLinked) {
    if (atSamePostcode) return withheld('given_name_variant', ['sourcePersonId'], query);
    return withheld('needs_corroboration', ['postcode', 'sourcePersonId'], query);
  }

  const ruledOut = (c: AnswerCandidate) =>
    (best.sourceLinked && !c.sourceLinked) || (byPostcode && c.postcode !== null && c.postcode !== query.postcode) || gendersDiffer(query.gender, c.gender);
  const plausible = candidates.filter((c) => c.childId !== best.childId && !ruledOut(c) && (c.score > best.score - CONFIDENT_LEAD || agrees(c)));
  if (plausible.length) return withheld('another_plausible_child', ['postcode', 'gender', 'sourcePersonId'], query);
  return { childId: best.childId };
}
