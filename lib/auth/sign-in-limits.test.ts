import { eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAttempts, staffUsers } from '@/db/schema';
import { DEMO_PASSWORD, DEMO_PIN } from '@/lib/reference/demo-credentials';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { changeAccountStatus } from '@/lib/staff-admin/change-account-status';
import { FIRST_BACKOFF_MS, LOCK_AFTER_FAILURES, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS } from './sign-in-limits';
import { SIGN_IN_REFUSED, SIGN_IN_THROTTLED, signInStaff, type StaffCredentials } from './sign-in-staff';
import { newTotpSecret } from './totp';

// Every guess here goes through the real sign-in (argon2, PostgreSQL); bursts are fired at once with Promise.all.
let database: TestDatabase;
const secret = newTotpSecret();
const USERNAME = 'demo.teacher';
const OWN_ADDRESS = '192.0.2.10';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 100, seed: 3, asOf: new Date().toISOString().slice(0, 10), reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await database.db.delete(signInAttempts).where(sql`true`);
  await database.db
    .update(staffUsers)
    .set({ totpSecret: secret, totpLastTimeStep: null, failedSignIns: 0, status: 'active' })
    .where(eq(staffUsers.username, USERNAME));
});

const rightDetails = async (): Promise<StaffCredentials> => ({ username: USERNAME, password: DEMO_PASSWORD, pin: DEMO_PIN, code: await generate({ secret }) });
const attempt = async (clientAddress: string, changes: Partial<StaffCredentials> = {}, now = new Date()) =>
  signInStaff({ db: database.db, credentials: { ...(await rightDetails()), ...changes }, clientAddress, now });
const wrongGuess = (clientAddress: string, i: number, now?: Date) => attempt(clientAddress, { password: `wrong-guess-number-${i}` }, now);
const teacher = async () => (await database.db.select().from(staffUsers).where(eq(staffUsers.username, USERNAME)))[0]!;
const tally = (results: { outcome: string; message?: string }[]) => ({
  evaluated: results.filter((r) => r.outcome === 'refused' && r.message === SIGN_IN_REFUSED).length,
  throttled: results.filter((r) => r.outcome === 'refused' && r.message === SIGN_IN_THROTTLED).length,
});
const auditCount = async (action: string, actorId: string) =>
  (await database.sql<{ n: number }[]>`select count(*)::int as n from audit_events where action = ${action} and actor_id = ${actorId}`)[0]!.n;
/** The account's owner has signed in from this address before. */
const makeFamiliar = (clientAddress: string) =>
  database.db.insert(signInAttempts).values({ username: USERNAME, clientAddress, succeeded: true, attemptedAt: new Date(Date.now() - 86_400_000) });

describe('sign-in limits under parallel guesses', () => {
  it('evaluates no more than 10 of 36 parallel guesses from one address, and counts each one it evaluates', async () => {
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 36 }, (_, i) => wrongGuess('198.51.100.7', i, now)));
    expect(tally(results)).toEqual({ evaluated: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, throttled: 26 });
    expect((await teacher()).failedSignIns).toBe(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
  });

  it('loses no failure when 50 guesses arrive at once, and locks at exactly 100 failures in a row', { timeout: 240_000 }, async () => {
    const addresses = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    await Promise.all(addresses.map(makeFamiliar));
    const burst = (now: Date) => Promise.all(addresses.flatMap((address) => Array.from({ length: 10 }, (_, i) => wrongGuess(address, i, now))));
    expect(tally(await burst(new Date()))).toEqual({ evaluated: 50, throttled: 0 });
    expect((await teacher()).failedSignIns).toBe(50);
    expect(tally(await burst(new Date(Date.now() + 6 * 60_000)))).toEqual({ evaluated: 50, throttled: 0 });
    const user = await teacher();
    expect(user.failedSignIns).toBe(LOCK_AFTER_FAILURES);
    expect(await auditCount('staff.locked', user.id)).toBe(1);
  });

  it('answers a locked account with the ordinary refusal, the right details alike, without using up the code', async () => {
    await database.db.update(staffUsers).set({ failedSignIns: LOCK_AFTER_FAILURES }).where(eq(staffUsers.username, USERNAME));
    expect(await attempt(OWN_ADDRESS)).toEqual({ outcome: 'refused', message: SIGN_IN_REFUSED });
    expect(await wrongGuess(OWN_ADDRESS, 1)).toEqual({ outcome: 'refused', message: SIGN_IN_REFUSED });
    const user = await teacher();
    expect(user.totpLastTimeStep).toBeNull();
    expect(user.failedSignIns).toBe(LOCK_AFTER_FAILURES);
    expect(await auditCount('staff.sign_in_locked', user.id)).toBe(2);
  });

  it('lets an access manager unlock a locked account, audited', async () => {
    await database.db.update(staffUsers).set({ failedSignIns: LOCK_AFTER_FAILURES }).where(eq(staffUsers.username, USERNAME));
    const [admin] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.admin'));
    const user = await teacher();
    await changeAccountStatus({ db: database.db, admin: admin!, staffUserId: user.id, change: 'reinstate', reason: 'Rang the service desk and proved who they are' });
    expect((await attempt(OWN_ADDRESS)).outcome).toBe('signed_in');
    const [unlock] = await database.sql<{ query: { unlocked?: boolean } }[]>`select query from audit_events where action = 'staff_admin.reinstate' and actor_id = ${admin!.id}`;
    expect(unlock?.query.unlocked).toBe(true);
  });

  it('does not let guesses from other addresses keep the owner out of their account', async () => {
    await makeFamiliar(OWN_ADDRESS);
    const now = new Date();
    const attackers = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];
    await Promise.all(attackers.flatMap((address) => Array.from({ length: 10 }, (_, i) => wrongGuess(address, i, now))));
    expect((await attempt(OWN_ADDRESS, {}, now)).outcome).toBe('signed_in');
  });

  it('slows guesses from unfamiliar addresses once an account has 10 failures in a row, and only slows them', async () => {
    const now = new Date();
    await Promise.all(Array.from({ length: 10 }, (_, i) => wrongGuess('198.51.100.1', i, now)));
    expect(await wrongGuess('198.51.100.2', 0, now)).toEqual({ outcome: 'refused', message: SIGN_IN_THROTTLED });
    const afterTheWait = new Date(now.getTime() + FIRST_BACKOFF_MS + 1_000);
    expect(tally(await Promise.all(Array.from({ length: 5 }, (_, i) => wrongGuess(`198.51.100.${10 + i}`, i, afterTheWait))))).toEqual({ evaluated: 1, throttled: 4 });
    const evenLater = new Date(afterTheWait.getTime() + 2 * FIRST_BACKOFF_MS + 1_000);
    expect((await attempt('198.51.100.3', {}, evenLater)).outcome).toBe('signed_in');
  });
});

describe('a security code', () => {
  it('opens one session however many sign-ins send it at once', async () => {
    const credentials = await rightDetails();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 6 }, () => signInStaff({ db: database.db, credentials, clientAddress: OWN_ADDRESS, now })));
    expect(results.filter((r) => r.outcome === 'signed_in')).toHaveLength(1);
    expect(tally(results)).toEqual({ evaluated: 5, throttled: 0 });
  });
});
