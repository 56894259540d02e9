import 'server-only';
import NextAuth from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { env } from '@/lib/env.js';
import { authCookies, SECURE_COOKIES } from './auth-cookies';
import { ABSOLUTE_LIFETIME_MS, checkStaffSession } from './staff-sessions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// next-auth only turns a session that lib/auth has just opened into a cookie: it never checks a password itself.
const HANDOVER_WINDOW_MS = 60_000;

/**
 * Staff never sign in by email link. @auth/core remembers, for the whole process, that some next-auth instance had an
 * email provider (the citizens' one) and from then on insists that every instance has an adapter able to hold email
 * tokens. This one satisfies that check and refuses everything it is asked.
 */
const noEmailSignIn: Adapter = {
  createVerificationToken: () => {
    throw new Error('Staff cannot sign in by email link');
  },
  useVerificationToken: async () => null,
  getUserByEmail: async () => null,
};

/**
 * next-auth keeps the browser's signed, http-only session cookie. The cookie holds nothing but the id of a row in
 * staff_sessions; the guard re-reads that row and the user on every request.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  adapter: noEmailSignIn,
  session: { strategy: 'jwt', maxAge: ABSOLUTE_LIFETIME_MS / 1000 },
  useSecureCookies: SECURE_COOKIES,
  cookies: authCookies('staff'),
  pages: { signIn: '/staff/sign-in', error: '/staff/sign-in' },
  providers: [
    Credentials({
      id: 'staff-session',
      credentials: { sessionId: {} },
      authorize: async (credentials) => {
        const sessionId = credentials?.sessionId;
        if (typeof sessionId !== 'string' || !UUID.test(sessionId)) return null;
        const now = new Date();
        const check = await checkStaffSession({ db: await getDb(), sessionId, now });
        if (!check.valid || now.getTime() - check.startedAt.getTime() > HANDOVER_WINDOW_MS) return null;
        return { id: sessionId };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user?.id) token.sessionId = user.id;
      return token;
    },
    session: ({ session, token }) => ({ ...session, sessionId: typeof token.sessionId === 'string' ? token.sessionId : undefined }),
  },
});
