import 'server-only';
import { cookies } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { SECURE_COOKIES } from '@/lib/auth/auth-cookies';
import { SIGN_IN_LINK_LIFETIME_S } from '@/lib/auth/citizen-auth';
import { env } from '@/lib/env.js';

// Path /portal rules out `__Host-`; `__Secure-` still stops a page served over http from setting it.
const SENT_TO_COOKIE = `${SECURE_COOKIES ? '__Secure-' : ''}citizen-link-sent-to`;
const SALT = 'citizen-link-sent-to';

/**
 * Where the sign-in link went, for "Check your email" to say so. Kept in an encrypted cookie of the browser that asked,
 * never in the address: an address ends up in history and in access logs.
 */
export async function rememberSentTo(email: string): Promise<void> {
  if (!env.AUTH_SECRET) return;
  const value = await encode({ token: { email }, secret: env.AUTH_SECRET, salt: SALT, maxAge: SIGN_IN_LINK_LIFETIME_S });
  (await cookies()).set(SENT_TO_COOKIE, value, { httpOnly: true, secure: SECURE_COOKIES, sameSite: 'lax', path: '/portal', maxAge: SIGN_IN_LINK_LIFETIME_S });
}

/** The address the link went to, if this browser asked for one in the last 15 minutes. */
export async function readSentTo(): Promise<string | null> {
  const value = (await cookies()).get(SENT_TO_COOKIE)?.value;
  if (!value || !env.AUTH_SECRET) return null;
  const token = await decode({ token: value, secret: env.AUTH_SECRET, salt: SALT }).catch(() => null);
  return typeof token?.email === 'string' ? token.email : null;
}
