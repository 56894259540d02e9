import 'server-only';
import type { Database } from '@/db';
import { parseIndexNumber } from '@/lib/kernel/index-number';
import type { TChildSearch } from '@/lib/validation/child-search';
import { childDetailsByIndexNumber, shownFromRow, shownOf } from './child-details';
import { dateCandidates } from './date-candidates';
import type { Ranked } from './follow-merges';
import { agreesOnFullName, isFullNameMatch, type NameAgreement, nameAgreement } from './name-agreement';
import { type Candidate, type QueryPhonetic, scoreCandidate, type SearchCriteria } from './score';
import { type BlockRow, dobBlock, phoneticDateBlock, postcodeBlock, type TypedNames } from './search-blocks';
import { wouldShow } from './would-show';

export const MAX_RESULTS = 10;
/** Matches this close to the best count as indistinguishable from it. */
export const CLOSE_TO_BEST = 10;
/** A match this strong ends the search at the full postcode before the district is read. */
export const CONVINCING = 85;

/**
 * `no_close_match`: more children than a person could tell apart, and none of them has the names typed (allowing
 * variants, parts and slips) — more detail would not find the child, so the practitioner is told so, not "too many".
 */
export type Ranking = { outcome: 'ranked'; ranked: Ranked[] } | { outcome: 'too_many' } | { outcome: 'no_close_match' };
export type RankOptions = { keep?: number };

function toCandidate(row: BlockRow): Candidate {
  // Where a merged-away record said the child lived never counts: the record kept holds the address, and may be
  // shielded.
  const locationCounts = !row.is_shielded && row.status === 'live';
  return {
    familyName: row.family_name,
    givenNames: row.given_names,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    postcodeDistrict: locationCounts ? row.postcode_district : null,
    postcode: locationCounts ? (row.postcode ?? null) : null,
    phonetic: { family: row.family_name_phonetic, familyAlt: row.family_name_phonetic_alt, given: row.given_name_phonetic },
    familyNameIsFormer: row.via_former_name,
    similarity: { family: Number(row.sf ?? 0), given: Number(row.sg ?? 0), familyAsGiven: Number(row.sfg ?? 0), givenAsFamily: Number(row.sgf ?? 0) },
  };
}

type Scored = { row: BlockRow; agreement: NameAgreement } & ReturnType<typeof scoreCandidate>;

/** Each child once, at their best, strong enough to show, best first. */
function scoreBlock(criteria: SearchCriteria, rows: BlockRow[]): Scored[] {
  const first = rows[0];
  if (!first) return [];
  const phonetic: QueryPhonetic = { family: first.q_family, familyAlt: first.q_family_alt, given: first.q_given };
  const best = new Map<string, Scored>();
  for (const row of rows) {
    const scored = scoreCandidate(criteria, toCandidate(row), phonetic);
    if (!wouldShow(scored)) continue;
    const earlier = best.get(row.id);
    if (!earlier || earlier.score < scored.score) {
      best.set(row.id, { row, agreement: nameAgreement(criteria, { familyName: row.family_name, givenNames: row.given_names }), ...scored });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.row.family_name.localeCompare(b.row.family_name));
}

async function scoreByBirth(db: Database, criteria: SearchCriteria, typed: TypedNames, dateOfBirth: string): Promise<Scored[]> {
  const exact = await dobBlock(db, typed, dateOfBirth);
  const scored = scoreBlock(criteria, exact);
  // Only a child with exactly the names typed, born on the date typed, ends the search there. A close name on the
  // typed date (Amelie for Amelia) must not hide the child with the very names whose day and month were swapped.
  const top = scored[0]?.score;
  if (scored.some((s) => s.score === top && isFullNameMatch(s.agreement))) return scored;
  const dates = dateCandidates(dateOfBirth);
  // Both at once: they no longer wait for a weak typed-date block, so they are read for more searches than before.
  const [swapped, oneDigitOut] = await Promise.all([dates.swapped ? dobBlock(db, typed, dates.swapped) : [], phoneticDateBlock(db, typed, dates.oneDigitOut)]);
  return scoreBlock(criteria, [...exact, ...swapped, ...oneDigitOut]);
}

async function scoreByPostcode(db: Database, criteria: SearchCriteria, typed: TypedNames, postcode: string): Promise<Scored[]> {
  const scored = postcode.includes(' ') ? scoreBlock(criteria, await postcodeBlock(db, typed, postcode, 'postcode')) : [];
  if ((scored[0]?.score ?? 0) >= CONVINCING) return scored;
  return scoreBlock(criteria, await postcodeBlock(db, typed, postcode, 'district'));
}

/** The children a search names, best first, with their scores and reasons (merged-away records not yet followed). */
export async function rankChildren(db: Database, search: TChildSearch, { keep = MAX_RESULTS }: RankOptions = {}): Promise<Ranking> {
  if (search.indexNumber) {
    const indexNumber = parseIndexNumber(search.indexNumber);
    const child = indexNumber ? await childDetailsByIndexNumber(db, indexNumber) : null;
    if (!child || child.status === 'archived') return { outcome: 'ranked', ranked: [] };
    return { outcome: 'ranked', ranked: [{ childId: child.childId, merged: child.status === 'merged', score: 100, reasons: ['index number matches'], shown: shownOf(child) }] };
  }
  const criteria: SearchCriteria = {
    familyName: search.familyName!,
    givenName: search.givenName,
    dateOfBirth: search.dateOfBirth,
    postcode: search.postcode,
    gender: search.gender,
  };
  const typed: TypedNames = { familyName: criteria.familyName, givenName: criteria.givenName ?? null };
  const scored = criteria.dateOfBirth ? await scoreByBirth(db, criteria, typed, criteria.dateOfBirth) : await scoreByPostcode(db, criteria, typed, criteria.postcode!);
  // Too many only when the practitioner could not tell the best matches apart: more than ten within a few points of
  // the best. A clear best match is shown with the next best, however many weak ones there are.
  const top = scored[0]?.score ?? 0;
  if (scored.filter((s) => s.score >= top - CLOSE_TO_BEST).length > MAX_RESULTS) {
    return { outcome: scored.some((s) => agreesOnFullName(s.agreement)) ? 'too_many' : 'no_close_match' };
  }
  return {
    outcome: 'ranked',
    ranked: scored.slice(0, keep).map(({ row, score, reasons }) => ({ childId: row.id, merged: row.status === 'merged', score, reasons, shown: shownFromRow(row) })),
  };
}
