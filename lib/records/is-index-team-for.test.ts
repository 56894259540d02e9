import { describe, expect, it } from 'vitest';
import { isIndexTeamFor } from './is-index-team-for';

describe('the index team of a council', () => {
  it('is a caseworker of that council, and nobody else', () => {
    expect(isIndexTeamFor({ role: 'caseworker', localAuthorityCode: 'E08000035' }, 'E08000035')).toBe(true);
    expect(isIndexTeamFor({ role: 'caseworker', localAuthorityCode: 'E08000036' }, 'E08000035')).toBe(false);
    expect(isIndexTeamFor({ role: 'practitioner', localAuthorityCode: 'E08000035' }, 'E08000035')).toBe(false);
    expect(isIndexTeamFor({ role: 'administrator', localAuthorityCode: 'E08000035' }, 'E08000035')).toBe(false);
  });

  it('is nobody for a child no council answers for, not even a caseworker with no council', () => {
    expect(isIndexTeamFor({ role: 'caseworker', localAuthorityCode: null }, null)).toBe(false);
    expect(isIndexTeamFor({ role: 'caseworker', localAuthorityCode: 'E08000035' }, null)).toBe(false);
  });
});
