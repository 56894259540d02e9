import { ENROLMENT_LIFETIME_MS } from '@/lib/auth/token-enrolment';
import { env } from '@/lib/env.js';

export const ENROLMENT_COOKIE = 'token-enrolment';

export const enrolmentCookieOptions = () => ({
  httpOnly: true,
  // Secure everywhere but a demo served over plain http on this machine.
  secure: !env.APP_URL?.startsWith('http://'),
  sameSite: 'strict' as const,
  path: '/staff',
  maxAge: ENROLMENT_LIFETIME_MS / 1000,
});
