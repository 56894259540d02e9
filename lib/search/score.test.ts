import { describe, expect, it } from 'vitest';
import { type Candidate, scoreCandidate } from './score';

const child = (overrides: Partial<Candidate> = {}): Candidate => ({
  postcode: 'LS6 2AB',
  familyName: 'Smith',
  givenNames: 'Katherine Anne',
  dateOfBirth: '2015-03-04',
  gender: 'female',
  postcodeDistrict: 'LS6',
  phonetic: { family: 'SM0', familyAlt: 'XMT', given: 'K0RN' },
  similarity: { family: 1, given: 1, familyAsGiven: 0, givenAsFamily: 0 },
  ...overrides,
});
const q = { family: 'SM0', familyAlt: 'XMT', given: 'K0RN' };

describe('match scores and reasons', () => {
  it('scores an exact match 100 with every reason', () => {
    const result = scoreCandidate({ familyName: 'Smith', givenName: 'Katherine', dateOfBirth: '2015-03-04', postcode: 'LS6 2AB' }, child(), q);
    expect(result).toEqual({ score: 100, reasons: ['family name matches', 'given name matches', 'date of birth matches', 'same postcode'], nameMatched: true, givenMatched: true });
  });

  it('explains a nickname, a known variant spelling of the surname and a swapped day and month', () => {
    const result = scoreCandidate(
      { familyName: 'Smythe', givenName: 'Kate', dateOfBirth: '2015-04-03' },
      child({ similarity: { family: 0.4, given: 0.2, familyAsGiven: 0, givenAsFamily: 0 } }),
      { ...q, given: 'KT' },
    );
    expect(result.reasons).toEqual(['family name is a known variant spelling', 'given name is a variant or short form', 'day and month swapped']);
    expect(result.score).toBeGreaterThan(70);
    expect(result.score).toBeLessThan(100);
  });

  it('recognises one part of a double-barrelled name and a middle name', () => {
    const result = scoreCandidate(
      { familyName: 'Jones', givenName: 'Anne', dateOfBirth: '2015-03-04' },
      child({ familyName: 'Smith-Jones', similarity: { family: 0.5, given: 0.3, familyAsGiven: 0, givenAsFamily: 0 } }),
      { ...q, family: 'JNS', given: 'AN' },
    );
    expect(result.reasons.slice(0, 2)).toEqual(['family name matches part of a double-barrelled name', 'matches a middle name']);
  });

  it('recognises given and family names written the wrong way round', () => {
    const result = scoreCandidate(
      { familyName: 'Katherine', givenName: 'Smith', dateOfBirth: '2015-03-04' },
      child({ similarity: { family: 0, given: 0, familyAsGiven: 0.6, givenAsFamily: 1 } }),
      { family: 'K0RN', familyAlt: 'KTRN', given: 'SM0' },
    );
    expect(result.reasons).toContain('given and family names swapped');
    expect(result.score).toBeGreaterThan(70);
  });

  it('never counts where a shielded child lives, and marks a different gender down', () => {
    const shielded = scoreCandidate({ familyName: 'Smith', postcode: 'LS6 2AB', gender: 'male' }, child({ postcodeDistrict: null, postcode: null }), q);
    expect(shielded.reasons.join()).not.toMatch(/postcode/);
    expect(shielded.reasons).toContain('gender differs');
  });

  it('does not count a child whose family name matches nothing, however well the rest matches', () => {
    const result = scoreCandidate({ familyName: 'Okafor', givenName: 'Katherine', dateOfBirth: '2015-03-04' }, child({ similarity: { family: 0.05, given: 1, familyAsGiven: 0, givenAsFamily: 0 } }), { ...q, family: 'AKFR' });
    expect(result.nameMatched).toBe(false);
  });

  it('gives a date of birth one digit out fewer points than an exact one', () => {
    const off = scoreCandidate({ familyName: 'Smith', dateOfBirth: '2015-03-05' }, child(), q);
    const exact = scoreCandidate({ familyName: 'Smith', dateOfBirth: '2015-03-04' }, child(), q);
    expect(off.reasons).toContain('date of birth one digit different');
    expect(off.score).toBeLessThan(exact.score);
  });

  it.each([
    ['Oliver', 'Alfred'],
    ['Alexander', 'Aleksandra'],
    ['Euan', 'Owen'],
    ['Alfred', 'Oliver'],
  ])('never gives %s the credit of sounding like %s: the name reference keeps them apart', (typed, held) => {
    const sound = 'ALKS';
    const result = scoreCandidate(
      { familyName: 'Smith', givenName: typed, dateOfBirth: '2015-03-04' },
      child({ givenNames: held, phonetic: { family: 'SM0', familyAlt: 'XMT', given: sound }, similarity: { family: 1, given: 0.1, familyAsGiven: 0, givenAsFamily: 0 } }),
      { ...q, given: sound },
    );
    expect(result.reasons).not.toContain('given name sounds like');
    expect(result.givenMatched).toBe(false);
  });

  it('still credits a given name that sounds like one the reference does not know', () => {
    const result = scoreCandidate(
      { familyName: 'Smith', givenName: 'Olivur', dateOfBirth: '2015-03-04' },
      child({ givenNames: 'Oliver', phonetic: { family: 'SM0', familyAlt: 'XMT', given: 'ALFR' }, similarity: { family: 1, given: 0.2, familyAsGiven: 0, givenAsFamily: 0 } }),
      { ...q, given: 'ALFR' },
    );
    expect(result.givenMatched).toBe(true);
  });

  it.each([
    ["O'Sullivan", 'Ó Súilleabháin'],
    ['Ní Bhriain', "O'Brien"],
    ['Mohamud', 'Maxamed'],
    ['Nguyen', 'Nguyễn'],
    ['Zhang', 'Cheung'],
    ['Kowalska', 'Kowalski'],
  ])('knows %s and %s for one family name', (typed, held) => {
    const result = scoreCandidate(
      { familyName: typed, givenName: 'Katherine', dateOfBirth: '2015-03-04' },
      child({ familyName: held, phonetic: { family: 'XXXX', familyAlt: 'XXXX', given: 'K0RN' }, similarity: { family: 0.05, given: 1, familyAsGiven: 0, givenAsFamily: 0 } }),
      { ...q, family: 'YYYY', familyAlt: 'YYYY' },
    );
    expect(result.nameMatched).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(90);
  });

  it('folds accents, apostrophes, spaces and Mac before comparing family names', () => {
    for (const [typed, held] of [['MACDONALD', 'Mac Donald'], ['McDonald', 'MacDonald'], ['OBRIEN', 'O’Brien'], ['Dabrowski', 'Dąbrowski']]) {
      const result = scoreCandidate({ familyName: typed! }, child({ familyName: held!, similarity: { family: 0.1, given: 0, familyAsGiven: 0, givenAsFamily: 0 } }), { ...q, family: 'YYYY' });
      expect(result.reasons, `${typed} / ${held}`).toEqual(['family name matches']);
    }
  });
});
