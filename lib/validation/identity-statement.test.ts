import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/kernel/field-errors';
import { ZActivationCode } from './activation-code';
import { IDENTITY_QUESTIONS, nextIdentityQuestion, ZIdentityStatement } from './identity-statement';

const valid = { relationship: 'self', childGivenName: ' Alex ', childFamilyName: 'Oakenshaw', dateOfBirth: '2012-04-05', postcode: 'ls62ab' };
const errorsFor = (input: Record<string, unknown>) => {
  const parsed = ZIdentityStatement.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe('the identity statement', () => {
  it('tidies names and the postcode', () => {
    expect(ZIdentityStatement.parse(valid)).toMatchObject({ childGivenName: 'Alex', postcode: 'LS6 2AB' });
    expect(ZIdentityStatement.parse({ ...valid, postcode: 'sw1a 1aa' }).postcode).toBe('SW1A 1AA');
  });

  it('says in plain English what is missing or wrong, one message per field', () => {
    expect(errorsFor({})).toEqual({
      relationship: 'Select whether the record is yours or your child’s',
      childGivenName: 'Enter the first name on the record',
      childFamilyName: 'Enter the last name on the record',
      dateOfBirth: 'Enter the date of birth',
      postcode: 'Enter the postcode',
    });
    expect(errorsFor({ ...valid, dateOfBirth: '2012-02-30', postcode: 'LS6' })).toEqual({
      dateOfBirth: 'Enter a real date of birth, like 27 3 2012',
      postcode: 'Enter a full postcode, like LS6 2AB',
    });
    expect(errorsFor({ ...valid, dateOfBirth: '2999-01-01' })).toEqual({ dateOfBirth: 'The date of birth must be in the past' });
  });

  it('asks a parent for their own name', () => {
    expect(errorsFor({ ...valid, relationship: 'parent', parentGivenName: ' ' })).toEqual({ parentGivenName: 'Enter your first name', parentFamilyName: 'Enter your last name' });
    expect(errorsFor({ ...valid, relationship: 'parent', parentGivenName: 'Sam', parentFamilyName: 'Oakenshaw' })).toEqual({});
  });
});

describe('the statement asked one thing a page', () => {
  it('asks whose record first, a parent’s own name only of a parent, and each question until all are right', () => {
    expect(nextIdentityQuestion({})).toBe('relationship');
    expect(nextIdentityQuestion({ relationship: 'self' })).toBe('child');
    expect(nextIdentityQuestion({ relationship: 'parent' })).toBe('parent');
    expect(nextIdentityQuestion({ relationship: 'parent', parentGivenName: 'Sam', parentFamilyName: 'Oakenshaw' })).toBe('child');
    expect(nextIdentityQuestion({ relationship: 'self', childGivenName: 'Alex', childFamilyName: 'Oakenshaw' })).toBe('dateOfBirth');
    expect(nextIdentityQuestion({ ...valid, dateOfBirth: '2012-02-30' })).toBe('dateOfBirth');
    expect(nextIdentityQuestion({ ...valid, postcode: 'LS6' })).toBe('postcode');
    expect(nextIdentityQuestion(valid)).toBeNull();
    expect(nextIdentityQuestion({ ...valid, relationship: 'parent' })).toBe('parent');
  });

  it('gives each page the same messages as the whole statement', () => {
    const whole = errorsFor({});
    for (const question of Object.values(IDENTITY_QUESTIONS)) {
      const parsed = question.safeParse({});
      for (const [field, message] of Object.entries(parsed.success ? {} : fieldErrors(parsed.error))) {
        if (field in whole) expect(message).toBe(whole[field as keyof typeof whole]);
      }
    }
  });
});

describe('the activation code as typed', () => {
  it('accepts lower case, spaces and hyphens, and says what a code looks like', () => {
    expect(ZActivationCode.parse({ code: ' 7qhmx-9kd4t ' }).code).toBe('7QHMX9KD4T');
    expect(fieldErrors(ZActivationCode.safeParse({ code: '' }).error!)).toEqual({ code: 'Enter the code' });
    expect(fieldErrors(ZActivationCode.safeParse({ code: '7QHMX' }).error!)).toEqual({ code: 'Enter the 10 letters and numbers of the code, like 7QHMX 9KD4T' });
  });
});
