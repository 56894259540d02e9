import { describe, expect, it } from 'vitest';
import { staffReturnPath } from './return-path';

describe('where sign-in may send a member of staff afterwards', () => {
  it('is a page of the staff side, given as a path on this service', () => {
    expect(staffReturnPath('/staff/children/0b5c2f0e-6a7d-4d1e-9a53-2d7c1b8e4f10')).toBe('/staff/children/0b5c2f0e-6a7d-4d1e-9a53-2d7c1b8e4f10');
    expect(staffReturnPath('/staff')).toBe('/staff');
  });

  it('is never another site, another part of the service, or an address carrying more than a path', () => {
    for (const elsewhere of [
      'https://evil.example/staff/children/1',
      '//evil.example/staff',
      '/\\evil.example',
      '/staff/../portal',
      '/staff/children/1?purpose=2',
      '/staff/children/1#x',
      '/portal/records',
      '/staffroom',
      'staff/children/1',
      `/staff/${'a'.repeat(300)}`,
      '',
      undefined,
      ['/staff'],
    ]) {
      expect(staffReturnPath(elsewhere), String(elsewhere)).toBeNull();
    }
  });
});
