import 'server-only';
import { and, count, eq, gt, isNull, max, sql } from 'drizzle-orm';
import type { Database, DbOrTx, Transaction } from '@/db';
import { signInAttempts, staffUsers } from '@/db/schema';

export const THROTTLE_WINDOW_MS = 5 * 60_000;
/** Wrong guesses at one account from one address in five minutes. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 10;
/** One address may be shared (a school, an NHS trust's gateway), so it gets more room than one account. */
export const MAX_FAILURES_PER_ADDRESS = 30;
/** From this many failures in a row, an account answers addresses it has never signed in from ever more slowly. */
export const SLOW_AFTER_FAILURES = 10;
export const FIRST_BACKOFF_MS = 60_000;
export const LONGEST_BACKOFF_MS = 30 * 60_000;
/** NIST SP 800-63B allows at most 100 failed attempts in a row; at this many the account waits for an access manager. */
export const LOCK_AFTER_FAILURES = 100;

/** Locked: only an access manager's unlock (or reinstatement) lets the account be tried again. */
export function isLockedOut(user: { failedSignIns: number }): boolean {
  return user.failedSignIns >= LOCK_AFTER_FAILURES;
}

// The second key of pg_advisory_xact_lock(class, key), kept apart from other advisory locks (LOAD_LOCK_CLASS).
const SIGN_IN_LOCK_CLASS = 4270;

export type ReserveSignInOptions = { db: Database; username: string; clientAddress: string | null; now: Date };

export type SignInReservation =
  | { allowed: true; attemptId: number; account: { id: string; failuresInARow: number } | null }
  | { allowed: false; reason: 'throttled'; waitMs: number }
  | { allowed: false; reason: 'locked'; accountId: string };

/** How long an account makes an unfamiliar address wait after `failuresInARow` failures in a row. */
export function backoffAfter(failuresInARow: number): number {
  if (failuresInARow < SLOW_AFTER_FAILURES) return 0;
  return Math.min(FIRST_BACKOFF_MS * 2 ** (failuresInARow - SLOW_AFTER_FAILURES), LONGEST_BACKOFF_MS);
}

/**
 * Decides whether a sign-in attempt may be evaluated and, if so, counts it as a failure before any factor is checked
 * (a success clears it afterwards). Attempts on one user name, and from one address, are decided one at a time under
 * transaction-scoped advisory locks, so a burst of parallel guesses is counted exactly as the same guesses in a row.
 */
export async function reserveSignInAttempt({ db, username, clientAddress, now }: ReserveSignInOptions): Promise<SignInReservation> {
  return db.transaction(async (tx) => {
    // Always the user name first, then the address: two attempts never wait on each other's locks in a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_IN_LOCK_CLASS}, hashtext(${`user:${username}`}))`);
    if (clientAddress) await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_IN_LOCK_CLASS}, hashtext(${`address:${clientAddress}`}))`);

    const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
    const fromAddress = clientAddress ? eq(signInAttempts.clientAddress, clientAddress) : isNull(signInAttempts.clientAddress);
    const recentFailures = async (...conditions: ReturnType<typeof eq>[]) => {
      const [row] = await tx
        .select({ value: count() })
        .from(signInAttempts)
        .where(and(...conditions, eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)));
      return row?.value ?? 0;
    };
    const throttled = { allowed: false, reason: 'throttled', waitMs: THROTTLE_WINDOW_MS } as const;
    if ((await recentFailures(eq(signInAttempts.username, username), fromAddress)) >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS) return throttled;
    if (clientAddress && (await recentFailures(fromAddress)) >= MAX_FAILURES_PER_ADDRESS) return throttled;

    const [user] = await tx
      .select({ id: staffUsers.id, failedSignIns: staffUsers.failedSignIns })
      .from(staffUsers)
      .where(eq(sql`lower(${staffUsers.username})`, username))
      .for('update');
    let account: { id: string; failuresInARow: number } | null = null;
    if (user) {
      if (user.failedSignIns >= LOCK_AFTER_FAILURES) return { allowed: false, reason: 'locked', accountId: user.id } as const;
      const waitMs = await unfamiliarAddressWait({ tx, username, clientAddress, failuresInARow: user.failedSignIns, now });
      if (waitMs > 0) return { allowed: false, reason: 'throttled', waitMs } as const;
      const [counted] = await tx
        .update(staffUsers)
        .set({ failedSignIns: sql`${staffUsers.failedSignIns} + 1` })
        .where(eq(staffUsers.id, user.id))
        .returning({ failedSignIns: staffUsers.failedSignIns });
      account = { id: user.id, failuresInARow: counted!.failedSignIns };
    }
    const [attempt] = await tx
      .insert(signInAttempts)
      .values({ username, clientAddress, succeeded: false, attemptedAt: now })
      .returning({ id: signInAttempts.id });
    return { allowed: true, attemptId: attempt!.id, account } as const;
  });
}

/**
 * The per-account ceiling slows rather than locks the person it protects: an address this account has signed in from
 * before is not slowed (the per-address limits still hold there), so guesses from elsewhere cannot keep its owner out.
 */
async function unfamiliarAddressWait({ tx, username, clientAddress, failuresInARow, now }: { tx: Transaction; username: string; clientAddress: string | null; failuresInARow: number; now: Date }) {
  const backoff = backoffAfter(failuresInARow);
  if (backoff === 0) return 0;
  if (clientAddress) {
    const [familiar] = await tx
      .select({ id: signInAttempts.id })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.username, username), eq(signInAttempts.clientAddress, clientAddress), eq(signInAttempts.succeeded, true)))
      .limit(1);
    if (familiar) return 0;
  }
  const [last] = await tx.select({ at: max(signInAttempts.attemptedAt) }).from(signInAttempts).where(eq(signInAttempts.username, username));
  return last?.at ? Math.max(0, last.at.getTime() + backoff - now.getTime()) : 0;
}

/** Marks a reserved attempt as a success and clears the account's failures in a row. */
export async function recordSignInSuccess({ db, attemptId, staffUserId }: { db: DbOrTx; attemptId: number; staffUserId: string }) {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
  await db.update(staffUsers).set({ failedSignIns: 0 }).where(eq(staffUsers.id, staffUserId));
}
