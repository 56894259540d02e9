import { eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAttempts, staffSessions, staffUsers } from '@/db/schema';
import { DEMO_PASSWORD, DEMO_PIN } from '@/lib/reference/demo-credentials';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { SIGN_IN_REFUSED, SIGN_IN_THROTTLED, signInStaff } from './sign-in-staff';
import { checkStaffSession, IDLE_TIMEOUT_MS, revokeStaffSessions } from './staff-sessions';
import { newTotpSecret } from './totp';

let database: TestDatabase;
const secret = newTotpSecret();
const USERNAME = 'demo.teacher';

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

const signIn = async (changes: Partial<{ username: string; password: string; pin: string; code: string }> = {}, now = new Date()) =>
  signInStaff({
    db: database.db,
    credentials: { username: USERNAME, password: DEMO_PASSWORD, pin: DEMO_PIN, code: await generate({ secret }), ...changes },
    clientAddress: '192.0.2.10',
    now,
  });

const teacher = async () => (await database.db.select().from(staffUsers).where(eq(staffUsers.username, USERNAME)))[0]!;
const auditActions = async (actorId: string) =>
  (await database.sql<{ action: string }[]>`select action from audit_events where actor_id = ${actorId} order by id`).map((r) => r.action);

describe('staff sign-in', () => {
  it('signs in with user name, password, PIN and a current code, opening a session and auditing it', async () => {
    const result = await signIn({ username: 'Demo.Teacher ' });
    expect(result.outcome).toBe('signed_in');
    if (result.outcome !== 'signed_in') return;
    const [session] = await database.db.select().from(staffSessions).where(eq(staffSessions.id, result.sessionId));
    expect(session?.staffUserId).toBe(result.staffUserId);
    expect((await teacher()).lastActiveAt).not.toBeNull();
    expect(await auditActions(result.staffUserId)).toContain('staff.sign_in');
  });

  it('refuses a code that has already been used', async () => {
    const code = await generate({ secret });
    expect((await signIn({ code })).outcome).toBe('signed_in');
    expect(await signIn({ code })).toEqual({ outcome: 'refused', message: SIGN_IN_REFUSED });
  });

  it.each([
    ['a wrong password', { password: 'not-the-password-at-all' }],
    ['a wrong PIN', { pin: '135791' }],
    ['a wrong code', { code: '000000' }],
    ['an unknown user name', { username: 'nobody.here' }],
  ])('gives the same answer for %s', async (_, change) => {
    expect(await signIn(change)).toEqual({ outcome: 'refused', message: SIGN_IN_REFUSED });
  });

  it('asks a user with no security token to enrol one, once password and PIN are right', async () => {
    await database.db.update(staffUsers).set({ totpSecret: null }).where(eq(staffUsers.username, USERNAME));
    const result = await signIn({ code: '' });
    expect(result.outcome).toBe('enrol_token');
    expect((await signIn({ code: '', pin: '999999' })).outcome).toBe('refused');
  });

  it('allows no more than 10 wrong guesses at an account from one address in 5 minutes, then refuses even the right details there', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn({ password: `wrong-guess-number-${i}` })).outcome).toBe('refused');
    expect(await signIn()).toEqual({ outcome: 'refused', message: SIGN_IN_THROTTLED });
    const sixMinutesLater = new Date(Date.now() + 6 * 60_000);
    expect((await signIn({}, sixMinutesLater)).outcome).toBe('signed_in');
  });

  it('refuses a user whose police check has expired, saying so', async () => {
    await database.db.update(staffUsers).set({ policeCheckExpiresOn: '2020-01-01' }).where(eq(staffUsers.username, USERNAME));
    try {
      const result = await signIn();
      expect(result.outcome).toBe('not_vetted');
      if (result.outcome === 'not_vetted') expect(result.problems[0]!.message).toMatch(/police check expired on 1 January 2020/);
    } finally {
      await database.db.update(staffUsers).set({ policeCheckExpiresOn: '2099-01-01' }).where(eq(staffUsers.username, USERNAME));
    }
  });
});

describe('staff sessions', () => {
  it('stay valid while used, end after 15 idle minutes, and end at once when revoked or the user is suspended', async () => {
    const start = new Date();
    const signedIn = await signIn({}, start);
    if (signedIn.outcome !== 'signed_in') throw new Error(`expected a session, got ${signedIn.outcome}`);
    const { sessionId, staffUserId } = signedIn;
    const at = (ms: number) => new Date(start.getTime() + ms);

    expect((await checkStaffSession({ db: database.db, sessionId, now: at(10 * 60_000) })).valid).toBe(true);
    // Exactly 15 minutes since it was last used is not yet idle; a millisecond more is.
    expect((await checkStaffSession({ db: database.db, sessionId, now: at(10 * 60_000 + IDLE_TIMEOUT_MS) })).valid).toBe(true);
    expect(await checkStaffSession({ db: database.db, sessionId, now: at(10 * 60_000 + 2 * IDLE_TIMEOUT_MS + 1) })).toEqual({ valid: false, reason: 'idle' });
    expect(await checkStaffSession({ db: database.db, sessionId: crypto.randomUUID(), now: at(0) })).toEqual({ valid: false, reason: 'unknown' });

    // A second device signs in a little later, with the next code (the last step is forgotten to stand for it).
    await database.db.update(staffUsers).set({ totpLastTimeStep: null }).where(eq(staffUsers.id, staffUserId));
    const second = await signIn({}, at(60_000));
    if (second.outcome !== 'signed_in') throw new Error('expected a second session');
    await database.db.update(staffUsers).set({ status: 'suspended' }).where(eq(staffUsers.id, staffUserId));
    expect(await checkStaffSession({ db: database.db, sessionId: second.sessionId, now: at(2 * 60_000) })).toMatchObject({ valid: false, reason: 'not_vetted' });
    await database.db.update(staffUsers).set({ status: 'active' }).where(eq(staffUsers.id, staffUserId));

    await revokeStaffSessions({ db: database.db, staffUserId, now: at(3 * 60_000) });
    expect(await checkStaffSession({ db: database.db, sessionId: second.sessionId, now: at(4 * 60_000) })).toEqual({ valid: false, reason: 'revoked' });
  });

  it('end after 8 hours however busy', async () => {
    const start = new Date();
    const signedIn = await signIn({}, start);
    if (signedIn.outcome !== 'signed_in') throw new Error('expected a session');
    let now = start;
    for (let minutes = 10; minutes <= 8 * 60; minutes += 10) {
      now = new Date(start.getTime() + minutes * 60_000);
      expect((await checkStaffSession({ db: database.db, sessionId: signedIn.sessionId, now })).valid).toBe(true);
    }
    const later = new Date(start.getTime() + 8 * 60 * 60_000 + 60_000);
    expect(await checkStaffSession({ db: database.db, sessionId: signedIn.sessionId, now: later })).toEqual({ valid: false, reason: 'expired' });
  });
});
