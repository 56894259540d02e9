import { env } from '@/lib/env.js';

/**
 * Cookies are Secure, and named with the prefixes browsers enforce, everywhere but a demo served over plain http
 * (APP_URL http://…). `__Host-` also pins a cookie to this host and path /, so a sibling subdomain cannot set or
 * overwrite it.
 */
export const SECURE_COOKIES = !env.APP_URL?.startsWith('http://');

/**
 * The cookies a next-auth instance sets, named per area so the staff and citizen instances never share one. HttpOnly;
 * SameSite=Lax, so a cross-site form post or fetch carries none of them (Strict would drop the session on the first
 * page after following the emailed sign-in link).
 */
export function authCookies(area: 'staff' | 'citizen', secure = SECURE_COOKIES) {
  const cookie = (name: string) => ({
    name: `${secure ? '__Host-' : ''}${area}-${name}`,
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure },
  });
  return { sessionToken: cookie('session'), csrfToken: cookie('csrf'), callbackUrl: cookie('callback-url') };
}
