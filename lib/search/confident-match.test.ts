import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerCandidate, type AnswerQuery, CONFIDENT_LEAD, CONFIDENT_SCORE, confidentMatch, confidentSystemClientAnswer } from './confident-match';

const DOB = '2016-05-09';
const child = (overrides: Partial<AnswerCandidate> = {}): AnswerCandidate => ({
  childId: 'wanted',
  score: 100,
  givenNames: 'Oliver James',
  familyName: 'Okafor',
  dateOfBirth: DOB,
  gender: 'male',
  postcode: 'LS6 2AB',
  sourceLinked: false,
  ...overrides,
});
const query = (overrides: Partial<AnswerQuery> = {}): AnswerQuery => ({ familyName: 'Okafor', givenName: 'Oliver', dateOfBirth: DOB, postcode: 'LS6 2AB', ...overrides });

describe('a system client gets a child only when a person would be sure', () => {
  it('answers the one child with the names, the exact date of birth and the full postcode held', () => {
    expect(confidentSystemClientAnswer(query(), [child()], false)).toEqual({ childId: 'wanted' });
    expect(confidentSystemClientAnswer(query({ postcode: undefined, sourcePersonId: 'P1' }), [child({ sourceLinked: true, postcode: null })], true)).toEqual({ childId: 'wanted' });
  });

  it.each<[string, AnswerQuery, AnswerCandidate[], string, string[]]>([
    ['no date of birth', query({ dateOfBirth: undefined }), [child()], 'needs_date_of_birth', ['dateOfBirth']],
    ['no given name', query({ givenName: undefined }), [child()], 'needs_given_name', ['givenName']],
    ['name and date of birth alone', query({ postcode: undefined }), [child()], 'needs_corroboration', ['postcode', 'sourcePersonId']],
    ['a postcode district only', query({ postcode: 'LS6' }), [child()], 'needs_corroboration', ['postcode', 'sourcePersonId']],
    ['gender as the only corroboration', query({ postcode: undefined, gender: 'male' }), [child()], 'needs_corroboration', ['postcode', 'sourcePersonId']],
    ['another postcode', query({ postcode: 'LS6 9ZZ' }), [child()], 'needs_corroboration', ['sourcePersonId']],
    ['a given name that only sounds alike', query({ givenName: 'Alfred' }), [child()], 'only_close_matches', []],
    ['a given name one letter out', query({ givenName: 'Oliwer' }), [child()], 'only_close_matches', []],
    ['a family name one letter out', query({ familyName: 'Okafer' }), [child()], 'only_close_matches', []],
    ['day and month swapped', query({ dateOfBirth: '2016-09-05' }), [child()], 'only_close_matches', []],
    ['a date one digit out', query({ dateOfBirth: '2016-05-08' }), [child()], 'only_close_matches', []],
    ['a gender that differs', query({ gender: 'female' }), [child()], 'only_close_matches', []],
    [
      'a namesake born the same day at an address not known',
      query(),
      [child(), child({ childId: 'namesake', score: 86, postcode: null })],
      'another_plausible_child',
      ['gender', 'sourcePersonId'],
    ],
    [
      'a second child within a few points at the same postcode',
      query(),
      [child(), child({ childId: 'twin', givenNames: 'Olive', score: 95 })],
      'another_plausible_child',
      ['gender', 'sourcePersonId'],
    ],
    ['nobody', query(), [], 'no_match', []],
    ['a source id linked to someone else', query({ sourcePersonId: 'P1' }), [child()], 'source_id_elsewhere', []],
  ])('refuses %s, and says why and what to add', (_, q, candidates, reason, toAdd) => {
    const linked = Boolean(q.sourcePersonId);
    expect(confidentSystemClientAnswer(q, candidates, linked)).toEqual({ childId: null, reason, toAdd });
  });

  it('lets a corroborating postcode, source id or gender rule out a namesake', () => {
    const namesake = child({ childId: 'namesake', score: 86, postcode: 'M14 5RT' });
    expect(confidentSystemClientAnswer(query(), [child(), namesake], false)).toEqual({ childId: 'wanted' });
    const elsewhere = child({ childId: 'namesake', score: 86, postcode: null });
    expect(confidentSystemClientAnswer(query({ postcode: undefined, sourcePersonId: 'P1' }), [child({ sourceLinked: true }), elsewhere], true)).toEqual({ childId: 'wanted' });
    const girl = child({ childId: 'namesake', givenNames: 'Olivia', score: 95, gender: 'female' });
    expect(confidentSystemClientAnswer(query({ gender: 'male' }), [child(), girl], false)).toEqual({ childId: 'wanted' });
  });

  it('picks, of namesakes that agree, the one the postcode points at, wherever the search ranked it', () => {
    const elsewhere = child({ childId: 'namesake', score: 100, postcode: 'M14 5RT' });
    expect(confidentSystemClientAnswer(query(), [elsewhere, child({ score: 95 })], false)).toEqual({ childId: 'wanted' });
  });

  it('refuses when the source’s id is linked to one namesake and the postcode points at another', () => {
    const linked = child({ childId: 'linked', sourceLinked: true, postcode: null });
    expect(confidentSystemClientAnswer(query({ sourcePersonId: 'P1' }), [linked, child({ score: 95 })], true)).toEqual({ childId: null, reason: 'source_id_elsewhere', toAdd: [] });
  });

  it('does not count a gender as differing where either side did not specify one', () => {
    expect(confidentSystemClientAnswer(query({ gender: 'not_specified' }), [child()], false)).toEqual({ childId: 'wanted' });
    expect(confidentSystemClientAnswer(query({ gender: 'female' }), [child({ gender: 'not_specified' })], false)).toEqual({ childId: 'wanted' });
  });

  it('counts another child exactly the lead behind, with other names, as not plausible', () => {
    const behind = child({ childId: 'other', givenNames: 'Olive', score: 85, postcode: null });
    expect(confidentSystemClientAnswer(query(), [child(), behind], false)).toEqual({ childId: 'wanted' });
  });

  it('accepts a known variant of the given name (Alex for Alexander) only with the source id: at a postcode twins are given such names', () => {
    expect(confidentSystemClientAnswer(query({ givenName: 'Alex' }), [child({ givenNames: 'Alexander' })], false)).toEqual({ childId: null, reason: 'given_name_variant', toAdd: ['sourcePersonId'] });
    expect(confidentSystemClientAnswer(query({ givenName: 'Alex', sourcePersonId: 'P1' }), [child({ givenNames: 'Alexander', sourceLinked: true })], true)).toEqual({ childId: 'wanted' });
    expect(confidentSystemClientAnswer(query({ givenName: 'James' }), [child()], false)).toMatchObject({ childId: null });
  });
});

// Hostile rankings: whatever the candidates, an answer always meets every condition, and nobody else is plausible.
const names = fc.constantFrom('Okafor', 'Okafur', 'Smith', 'Smyth', 'Nguyen', 'Khan', 'Khan-Ali', 'Kowalski');
const givens = fc.constantFrom('Oliver', 'Olivia', 'Alfred', 'Mohammed', 'Muhammad', 'Aleksandra', 'Alexander', 'Owen', 'Euan');
const dates = fc.constantFrom(DOB, '2016-09-05', '2016-05-08', '2015-05-09');
const postcodes = fc.constantFrom<string | null>('LS6 2AB', 'LS6 2AD', 'M14 5RT', null);
const candidate = fc.record({
  childId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  score: fc.integer({ min: 50, max: 100 }),
  givenNames: givens,
  familyName: names,
  dateOfBirth: dates,
  gender: fc.constantFrom('female', 'male', 'not_specified'),
  postcode: postcodes,
  sourceLinked: fc.boolean(),
});
const typed = fc.record(
  {
    familyName: names,
    givenName: givens,
    dateOfBirth: dates,
    postcode: fc.constantFrom('LS6 2AB', 'LS6', 'M14 5RT'),
    gender: fc.constantFrom<'female' | 'male'>('female', 'male'),
    sourcePersonId: fc.constant('P1'),
  },
  { requiredKeys: ['familyName'] },
);

describe('any answer, for any ranking', () => {
  it('has the exact date of birth, corroboration, and no unseparated namesake or close second', () => {
    fc.assert(
      fc.property(typed, fc.uniqueArray(candidate, { selector: (c) => c.childId, maxLength: 5 }), (q, candidates) => {
        const linked = Boolean(q.sourcePersonId) && candidates.some((c) => c.sourceLinked);
        const answer = confidentSystemClientAnswer(q, candidates, linked);
        if (answer.childId === null) return;
        const best = candidates.find((c) => c.childId === answer.childId)!;
        expect(q.dateOfBirth).toBe(best.dateOfBirth);
        expect(q.givenName).toBeDefined();
        expect(best.sourceLinked || (q.postcode === best.postcode && q.postcode!.includes(' ') && best.givenNames.split(' ')[0] === q.givenName)).toBe(true);
        for (const other of candidates) {
          if (other === best) continue;
          const separated = (best.sourceLinked && !other.sourceLinked) || (other.postcode !== null && other.postcode !== q.postcode) || (q.gender !== undefined && other.gender !== 'not_specified' && other.gender !== q.gender);
          if (!separated) expect(other.score).toBeLessThanOrEqual(best.score - 15);
          if (!separated) expect(other.familyName === best.familyName && other.givenNames === best.givenNames && other.dateOfBirth === best.dateOfBirth).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the best of a ranked list, for the citizen identity match', () => {
  it('is the best only at the confident score, and only clearly ahead of the next', () => {
    const ranked = (...scores: number[]) => scores.map((score, i) => ({ id: i, score }));
    expect(confidentMatch([])).toBeNull();
    expect(confidentMatch(ranked(CONFIDENT_SCORE - 1))).toBeNull();
    expect(confidentMatch(ranked(CONFIDENT_SCORE))).toEqual({ id: 0, score: CONFIDENT_SCORE });
    expect(confidentMatch(ranked(CONFIDENT_SCORE, CONFIDENT_SCORE - CONFIDENT_LEAD + 1))).toBeNull();
    expect(confidentMatch(ranked(CONFIDENT_SCORE, CONFIDENT_SCORE - CONFIDENT_LEAD))).toEqual({ id: 0, score: CONFIDENT_SCORE });
    expect(confidentMatch(ranked(100, 100 - CONFIDENT_LEAD + 1))).toBeNull();
  });
});

describe('a system client asking by index number', () => {
  it('gets the child only when the date of birth sent is the child’s', () => {
    const byNumber = query({ indexNumber: '123456789', familyName: undefined, givenName: undefined, postcode: undefined });
    expect(confidentSystemClientAnswer(byNumber, [child()], false)).toEqual({ childId: 'wanted' });
    expect(confidentSystemClientAnswer({ ...byNumber, dateOfBirth: '2016-05-08' }, [child()], false)).toEqual({ childId: null, reason: 'no_match', toAdd: [] });
    expect(confidentSystemClientAnswer(byNumber, [], false)).toEqual({ childId: null, reason: 'no_match', toAdd: [] });
  });
});
