import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/kernel/field-errors';
import { ZChildSearch } from './child-search';

const errorsFor = (input: Record<string, unknown>) => {
  const parsed = ZChildSearch.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe('the search form', () => {
  it('reports every missing field at once, not one at a time', () => {
    expect(errorsFor({})).toEqual({
      reason: 'Select why you are searching',
      familyName: 'Enter a family name, or search by index number',
    });
    expect(errorsFor({ familyName: 'Oakenshaw' })).toEqual({
      reason: 'Select why you are searching',
      dateOfBirth: 'Enter a date of birth or a postcode as well as the family name',
    });
    expect(errorsFor({ reason: 'other', reasonDetail: ' ' })).toEqual({
      familyName: 'Enter a family name, or search by index number',
      reasonDetail: 'Say why you are searching',
    });
    expect(errorsFor({ postcode: 'not a postcode' })).toMatchObject({ reason: 'Select why you are searching', familyName: 'Enter a family name, or search by index number' });
  });

  it('asks for the reason in words only when the reason is another one', () => {
    const search = { familyName: 'Oakenshaw', postcode: 'LS6' };
    expect(errorsFor({ ...search, reason: 'other' })).toEqual({ reasonDetail: 'Say why you are searching' });
    expect(errorsFor({ ...search, reason: 'other', reasonDetail: 'A school trip' })).toEqual({});
    expect(errorsFor({ ...search, reason: 'new_referral', reasonDetail: '' })).toEqual({});
    expect(errorsFor({ indexNumber: 'nonsense' })).toEqual({ reason: 'Select why you are searching', indexNumber: 'Enter an index number of 11 letters and numbers, like 7Q2M X9KD 4TR' });
  });
});
