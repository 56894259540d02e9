import 'server-only';
import { and, count, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { signInAttempts } from '@/db/schema';

export const THROTTLE_WINDOW_MS = 5 * 60_000;
/** No more than 10 wrong guesses per account in five minutes. */
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** One address may be shared (a school, an NHS trust's gateway), so it gets more room than one account. */
export const MAX_FAILURES_PER_ADDRESS = 30;

export type ThrottleOptions = { db: DbOrTx; username: string; clientAddress: string | null; now: Date };

/** True when this account or this address has used up its wrong guesses for the window. */
export async function isThrottled({ db, username, clientAddress, now }: ThrottleOptions): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const recentFailures = (condition: ReturnType<typeof eq>) =>
    db
      .select({ value: count() })
      .from(signInAttempts)
      .where(and(condition, eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)))
      .then((rows) => rows[0]?.value ?? 0);
  if ((await recentFailures(eq(signInAttempts.username, username))) >= MAX_FAILURES_PER_ACCOUNT) return true;
  if (!clientAddress) return false;
  return (await recentFailures(eq(signInAttempts.clientAddress, clientAddress))) >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordSignInAttempt(
  options: Omit<ThrottleOptions, 'now'> & { succeeded: boolean; now: Date },
): Promise<void> {
  await options.db.insert(signInAttempts).values({
    username: options.username,
    clientAddress: options.clientAddress,
    succeeded: options.succeeded,
    attemptedAt: options.now,
  });
}
