import { describe, expect, it } from 'vitest';
import { authCookies } from './auth-cookies';

describe('next-auth cookies', () => {
  it('are __Host- prefixed, Secure, HttpOnly and SameSite=Lax over https', () => {
    for (const cookie of Object.values(authCookies('staff', true))) {
      expect(cookie.name).toMatch(/^__Host-staff-/);
      expect(cookie.options).toEqual({ httpOnly: true, sameSite: 'lax', path: '/', secure: true });
    }
  });

  it('keep staff and citizens apart, and drop Secure and the prefix only for plain http', () => {
    const staff = authCookies('staff', false);
    const citizen = authCookies('citizen', false);
    expect(staff.sessionToken.name).toBe('staff-session');
    expect(citizen.sessionToken.name).toBe('citizen-session');
    expect(citizen.csrfToken.options.secure).toBe(false);
    expect(citizen.csrfToken.options.httpOnly).toBe(true);
  });
});
