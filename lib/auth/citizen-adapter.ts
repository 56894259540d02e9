import 'server-only';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { citizenAccounts, citizenSignInTokens } from '@/db/schema';

type Account = typeof citizenAccounts.$inferSelect;

const asUser = (account: Account): AdapterUser => ({ id: account.id, email: account.email, emailVerified: account.emailVerifiedAt });

/**
 * The part of next-auth's adapter that email-link sign-in needs, over citizen_accounts. A citizen account is only an
 * email address: it is linked to a child's record later, by identity verification (lib/identity).
 */
export function citizenAdapter(): Adapter {
  return {
    async createVerificationToken(token) {
      await (await getDb()).insert(citizenSignInTokens).values(token);
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      // The link carries no address (citizen-auth.ts), so next-auth may ask by token alone: a hash of 32 random
      // bytes and the secret, which names one sign-in. Deleting it makes the link single-use; two clicks race for it.
      const sameToken = eq(citizenSignInTokens.token, token);
      const [used] = await (await getDb())
        .delete(citizenSignInTokens)
        .where(identifier ? and(eq(citizenSignInTokens.identifier, identifier), sameToken) : sameToken)
        .returning();
      return used ?? null;
    },
    async getUserByEmail(email) {
      const [account] = await (await getDb()).select().from(citizenAccounts).where(sql`lower(${citizenAccounts.email}) = lower(${email})`);
      return account ? asUser(account) : null;
    },
    async getUser(id) {
      const [account] = await (await getDb()).select().from(citizenAccounts).where(eq(citizenAccounts.id, id));
      return account ? asUser(account) : null;
    },
    async createUser(user) {
      const [account] = await (await getDb())
        .insert(citizenAccounts)
        .values({ email: user.email.toLowerCase(), emailVerifiedAt: user.emailVerified, lastSignInAt: user.emailVerified })
        .returning();
      return asUser(account!);
    },
    async updateUser(user) {
      const [account] = await (await getDb())
        .update(citizenAccounts)
        .set({ emailVerifiedAt: user.emailVerified ?? undefined, lastSignInAt: sql`now()` })
        .where(eq(citizenAccounts.id, user.id))
        .returning();
      return asUser(account!);
    },
  };
}
