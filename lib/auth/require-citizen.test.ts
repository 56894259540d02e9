import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '@/db';
import { citizenAccounts, citizenSessions, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { CITIZEN_SESSION_MS, checkCitizenSession, createCitizenSession, revokeCitizenSession } from './citizen-sessions';
import { createStaffSession } from './staff-sessions';

// The portal's guard as every page, action and route runs it, without a build: only next-auth's cookie reading is
// stood in for (the session id the cookie would carry, or whatever else a forged or stale token might hold); the
// sessions and accounts are the real database's.
const cookie = vi.hoisted(() => ({ session: null as Record<string, unknown> | null }));
vi.mock('./citizen-auth', () => ({ citizenAuth: async () => cookie.session }));

const { currentCitizen, requireCitizen } = await import('./require-citizen');

let database: TestDatabase;
let citizenId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 5, seed: 4, asOf: '2026-11-25', reset: false, demoAccounts: true });
  (globalThis as unknown as { appConnection?: Promise<Connection> }).appConnection = Promise.resolve(database);
  const [account] = await database.db.insert(citizenAccounts).values({ email: `guard-${crypto.randomUUID()}@example.org` }).returning();
  citizenId = account!.id;
});
afterAll(async () => {
  (globalThis as unknown as { appConnection?: Promise<Connection> }).appConnection = undefined;
  await database?.drop();
});
beforeEach(() => {
  cookie.session = null;
});

/** What the guard did: let the citizen in (and who), or sent them to sign in. */
async function outcome(): Promise<string> {
  try {
    return `allowed:${(await requireCitizen()).id}`;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_REDIRECT')) return `redirect:${digest.split(';')[2]}`;
    throw error;
  }
}

const signedInWith = (citizenSessionId: unknown) => {
  cookie.session = { citizenSessionId, expires: new Date(Date.now() + 3_600_000).toISOString() };
};

describe('requireCitizen', () => {
  it('lets in the citizen whose live session the cookie names, re-read from the database', async () => {
    signedInWith(await createCitizenSession({ db: database.db, citizenAccountId: citizenId }));
    expect(await outcome()).toBe(`allowed:${citizenId}`);
    expect((await currentCitizen())?.id).toBe(citizenId);
  });

  it('sends anyone without a session to sign in', async () => {
    expect(await outcome()).toBe('redirect:/portal/sign-in');
    cookie.session = { expires: new Date().toISOString() };
    expect(await outcome()).toBe('redirect:/portal/sign-in');
  });

  it('takes nothing but a real, live citizen session: not made up, not malformed, not a staff session', async () => {
    const [teacher] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
    const staffSession = await createStaffSession({ db: database.db, staffUserId: teacher!.id, now: new Date() });
    for (const forged of [crypto.randomUUID(), staffSession, 'not-an-id', `${crypto.randomUUID()}' or '1'='1`, 42, { id: citizenId }, [citizenId], '']) {
      signedInWith(forged);
      expect(await outcome(), JSON.stringify(forged)).toBe('redirect:/portal/sign-in');
    }
  });

  it('stops at once when the citizen signs out, for every copy of the cookie', async () => {
    const sessionId = await createCitizenSession({ db: database.db, citizenAccountId: citizenId });
    signedInWith(sessionId);
    expect(await outcome()).toBe(`allowed:${citizenId}`);
    await revokeCitizenSession({ db: database.db, sessionId });
    expect(await outcome()).toBe('redirect:/portal/sign-in');
  });

  it('stops when the citizen account is deleted', async () => {
    const [gone] = await database.db.insert(citizenAccounts).values({ email: `gone-${crypto.randomUUID()}@example.org` }).returning();
    signedInWith(await createCitizenSession({ db: database.db, citizenAccountId: gone!.id }));
    expect(await outcome()).toBe(`allowed:${gone!.id}`);
    await database.db.delete(citizenAccounts).where(eq(citizenAccounts.id, gone!.id));
    expect(await outcome()).toBe('redirect:/portal/sign-in');
  });
});

describe('a citizen session lasts an hour, however active', () => {
  it('is open to the last millisecond of its hour and closed from then on', async () => {
    const start = new Date('2026-12-08T10:00:00Z');
    const sessionId = await createCitizenSession({ db: database.db, citizenAccountId: citizenId, now: start });
    const at = (ms: number) => checkCitizenSession({ db: database.db, sessionId, now: new Date(start.getTime() + ms) });
    expect((await at(0))?.id).toBe(citizenId);
    expect((await at(CITIZEN_SESSION_MS - 1))?.id).toBe(citizenId);
    expect(await at(CITIZEN_SESSION_MS)).toBeNull();
    expect(await at(CITIZEN_SESSION_MS + 1)).toBeNull();
  });

  it('is closed once revoked, whatever the time, and revoking twice keeps the first time', async () => {
    const start = new Date('2026-12-08T11:00:00Z');
    const sessionId = await createCitizenSession({ db: database.db, citizenAccountId: citizenId, now: start });
    await revokeCitizenSession({ db: database.db, sessionId, now: new Date(start.getTime() + 1000) });
    expect(await checkCitizenSession({ db: database.db, sessionId, now: start })).toBeNull();
    await revokeCitizenSession({ db: database.db, sessionId, now: new Date(start.getTime() + 5000) });
    const [row] = await database.db.select().from(citizenSessions).where(eq(citizenSessions.id, sessionId));
    expect(row!.revokedAt!.getTime()).toBe(start.getTime() + 1000);
  });
});
