import { describe, expect, it } from 'vitest';
import { suggestChange } from './suggest-change';

describe('reading what the requester asked for', () => {
  it('splits a name into given names and family name', () => {
    expect(suggestChange('child:name', ' Mary Jane  Oakes-Smith ')).toEqual({ givenNames: 'Mary Jane', familyName: 'Oakes-Smith' });
  });

  it('reads dates as written in the UK, and leaves an impossible one empty', () => {
    expect(suggestChange('child:dateOfBirth', '3 March 2015')).toEqual({ dateOfBirth: '2015-03-03' });
    expect(suggestChange('child:dateOfBirth', '04/05/2015')).toEqual({ dateOfBirth: '2015-05-04' });
    expect(suggestChange('child:dateOfBirth', '31/02/2015')).toEqual({});
  });

  it('takes the postcode and town off the end of an address', () => {
    expect(suggestChange('address:address', 'Flat 2, 12 New Road, Leeds, ls6 2ab')).toEqual({ line1: 'Flat 2', line2: '12 New Road', town: 'Leeds', postcode: 'LS6 2AB' });
  });

  it('finds a phone number and an email address in a sentence', () => {
    expect(suggestChange('carer:details', 'Her number is 0113 496 0123, email sam@example.com')).toEqual({ phone: '0113 496 0123', email: 'sam@example.com' });
  });

  it('reads gender words', () => {
    expect(suggestChange('child:gender', 'He is a boy')).toEqual({ gender: 'male' });
    expect(suggestChange('child:gender', 'female')).toEqual({ gender: 'female' });
  });
});
