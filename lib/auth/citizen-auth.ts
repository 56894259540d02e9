import 'server-only';
import { and, count, eq, gt } from 'drizzle-orm';
import NextAuth from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import { getDb } from '@/db';
import { citizenSignInTokens } from '@/db/schema';
import { queueEmail } from '@/lib/email/queue-email';
import { env } from '@/lib/env.js';
import { appUrl } from '@/lib/http/app-url';
import { authCookies, SECURE_COOKIES } from './auth-cookies';
import { citizenAdapter } from './citizen-adapter';
import { CITIZEN_SESSION_MS, createCitizenSession } from './citizen-sessions';

/** A sign-in link works for 15 minutes, once. */
export const SIGN_IN_LINK_LIFETIME_S = 15 * 60;
/** Stops the form being used to flood someone's inbox; the page says the same either way. */
const MAX_LINKS_PER_HOUR = 5;

async function sendSignInLink({ identifier, url, expires }: { identifier: string; url: string; expires: Date }) {
  const db = await getDb();
  const issuedSince = new Date(expires.getTime() - SIGN_IN_LINK_LIFETIME_S * 1000 - 60 * 60 * 1000);
  const [recent] = await db
    .select({ value: count() })
    .from(citizenSignInTokens)
    .where(and(eq(citizenSignInTokens.identifier, identifier), gt(citizenSignInTokens.expires, issuedSince)));
  if ((recent?.value ?? 0) > MAX_LINKS_PER_HOUR) return;
  // On APP_URL whatever the request said its host was (next-auth makes `url` from AUTH_URL, lib/env.js). next-auth puts
  // the address in the link too; a link ends up in browser history and in access logs, and the token alone finds the
  // sign-in (citizen-adapter.ts).
  const made = new URL(url);
  const link = new URL(appUrl(`${made.pathname}${made.search}` as `/${string}`));
  link.searchParams.delete('email');
  await queueEmail({
    db,
    email: {
      to: identifier,
      subject: 'Your link to sign in to the Children’s Index',
      text: [
        'Use this link to sign in to the Children’s Index. It works once, for 15 minutes.',
        '',
        link.toString(),
        '',
        'If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.',
      ].join('\n'),
    },
  });
}

/**
 * The citizens' next-auth, kept apart from the staff one: its own routes (/api/citizen-auth), its own cookie, its own
 * accounts. A staff cookie can never be read as a citizen's, nor the other way round.
 */
export const {
  handlers: citizenHandlers,
  auth: citizenAuth,
  signIn: citizenSignIn,
  signOut: citizenSignOut,
} = NextAuth({
  secret: env.AUTH_SECRET,
  basePath: '/api/citizen-auth',
  adapter: citizenAdapter(),
  session: { strategy: 'jwt', maxAge: CITIZEN_SESSION_MS / 1000 },
  useSecureCookies: SECURE_COOKIES,
  cookies: authCookies('citizen'),
  pages: { signIn: '/portal/sign-in', verifyRequest: '/portal/check-your-email', error: '/portal/sign-in' },
  // A used or expired link is an everyday event, not a fault: one line, no stack, no address.
  logger: { error: (error) => console.warn(`Citizen sign-in refused: ${(error as { type?: string }).type ?? error.name}`) },
  providers: [
    Nodemailer({
      // Never used: sendSignInLink queues the email, and the job worker sends it through SMTP_URL.
      server: 'smtp://localhost:25',
      from: env.MAIL_FROM,
      maxAge: SIGN_IN_LINK_LIFETIME_S,
      sendVerificationRequest: sendSignInLink,
    }),
  ],
  callbacks: {
    // The token holds nothing but the id of a row in citizen_sessions, opened as the link is followed.
    jwt: async ({ token, user }) => {
      if (user?.id) token.citizenSessionId = await createCitizenSession({ db: await getDb(), citizenAccountId: user.id });
      return token;
    },
    session: ({ session, token }) => ({ ...session, citizenSessionId: typeof token.citizenSessionId === 'string' ? token.citizenSessionId : undefined }),
  },
});
