import { SECURE_COOKIES } from '@/lib/auth/auth-cookies';
import { ENROLMENT_LIFETIME_MS } from '@/lib/auth/token-enrolment';

// Path /staff rules out `__Host-`; `__Secure-` still stops a page served over http from setting it.
export const ENROLMENT_COOKIE = `${SECURE_COOKIES ? '__Secure-' : ''}token-enrolment`;

export const enrolmentCookieOptions = () => ({
  httpOnly: true,
  secure: SECURE_COOKIES,
  sameSite: 'strict' as const,
  path: '/staff',
  maxAge: ENROLMENT_LIFETIME_MS / 1000,
});
