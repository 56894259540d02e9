import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '@/db';
import { auditEvents, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { REQUEST_PATH_HEADER } from '@/lib/http/request-path';
import type { StaffUser } from '@/lib/kernel/actors';
import { createStaffSession, revokeStaffSessions } from './staff-sessions';

// The guard as every page, action and route runs it, without a build: next-auth's cookie reading and Next.js's request
// headers are the only things stood in for (the session id the cookie would carry, the headers of "this request");
// the sessions, the users and the audit trail are the real database's.
const signedIn = vi.hoisted(() => ({ sessionId: null as string | null, headers: new Headers() }));
vi.mock('./next-auth', () => ({ auth: async () => (signedIn.sessionId ? { sessionId: signedIn.sessionId } : null) }));
vi.mock('next/headers', () => ({ headers: async () => signedIn.headers }));
// next.config.js turns on experimental.authInterrupts, which is what lets forbidden() throw its 403.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { currentStaff, requireStaff } = await import('./require-staff');

type Role = StaffUser['role'];
const ROLES: Role[] = ['practitioner', 'caseworker', 'administrator'];
/** Every set of roles a page, action or route of the app asks for (none: anyone signed in). */
const REQUIREMENTS: Role[][] = [[], ['practitioner'], ['caseworker'], ['administrator'], ['practitioner', 'caseworker'], ['administrator', 'caseworker']];

let database: TestDatabase;
const users = new Map<Role, StaffUser>();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 3, asOf: '2026-11-25', reset: false, demoAccounts: true });
  (globalThis as unknown as { appConnection?: Promise<Connection> }).appConnection = Promise.resolve(database);
  for (const [role, username] of [['practitioner', 'demo.teacher'], ['caseworker', 'demo.caseworker'], ['administrator', 'demo.admin']] as const) {
    const [user] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, username));
    expect(user!.role).toBe(role);
    users.set(role, user!);
  }
});
afterAll(async () => {
  (globalThis as unknown as { appConnection?: Promise<Connection> }).appConnection = undefined;
  await database?.drop();
});
beforeEach(() => {
  signedIn.sessionId = null;
  signedIn.headers = new Headers({ [REQUEST_PATH_HEADER]: `/staff/probe/${crypto.randomUUID()}` });
});

async function signIn(role: Role): Promise<StaffUser> {
  const user = users.get(role)!;
  signedIn.sessionId = await createStaffSession({ db: database.db, staffUserId: user.id, now: new Date() });
  return user;
}

/** What the guard did: let them in, refused them (403), or sent them to sign in (and where). */
async function outcome(roles: Role[]): Promise<'allowed' | 'forbidden' | `redirect:${string}`> {
  try {
    await requireStaff(...roles);
    return 'allowed';
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.endsWith(';403')) return 'forbidden';
    if (digest.startsWith('NEXT_REDIRECT')) return `redirect:${digest.split(';')[2]}`;
    throw error;
  }
}

const refusalsAt = async (path: string) =>
  database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'access.refused'), eq(auditEvents.outcome, 'refused'))).then((events) =>
    events.filter((e) => (e.query as { route?: string }).route === path),
  );

describe('requireStaff, every role against every requirement', () => {
  for (const role of ROLES) {
    for (const required of REQUIREMENTS) {
      const allowed = required.length === 0 || required.includes(role);
      it(`${allowed ? 'lets in' : 'refuses'} a ${role} where the page needs ${required.length ? required.join(' or ') : 'anyone signed in'}`, async () => {
        const user = await signIn(role);
        const path = signedIn.headers.get(REQUEST_PATH_HEADER)!;
        expect(await outcome(required)).toBe(allowed ? 'allowed' : 'forbidden');
        const refusals = await refusalsAt(path);
        // A refusal is in the audit trail before the 403, naming who and why; a welcome leaves no refusal.
        expect(refusals.map((e) => e.actorId)).toEqual(allowed ? [] : [user.id]);
        if (!allowed) expect(refusals[0]!.reason).toBe(`Needs the role ${required.join(' or ')}; they are ${role}`);
      });
    }
  }

  it('hands back the signed-in user with their session, re-read from the database', async () => {
    const user = await signIn('caseworker');
    const staff = await requireStaff('caseworker');
    expect(staff).toMatchObject({ id: user.id, role: 'caseworker', sessionId: signedIn.sessionId });
    // Route handlers that answer JSON ask currentStaff, and read its status.
    expect(await currentStaff()).toMatchObject({ status: 'signed_in', staff: { id: user.id, sessionId: signedIn.sessionId } });
    signedIn.sessionId = null;
    expect(await currentStaff()).toEqual({ status: 'none' });
  });
});

describe('requireStaff without a live session', () => {
  it('sends someone with no session to sign in, whatever the page needs, and records no refusal', async () => {
    for (const required of REQUIREMENTS) expect(await outcome(required)).toBe('redirect:/staff/sign-in');
    expect(await refusalsAt(signedIn.headers.get(REQUEST_PATH_HEADER)!)).toEqual([]);
  });

  it('sends someone whose session was ended to sign in, saying why, even an administrator', async () => {
    const user = await signIn('administrator');
    await revokeStaffSessions({ db: database.db, staffUserId: user.id, now: new Date() });
    expect(await outcome(['administrator'])).toBe('redirect:/staff/sign-in?ended=revoked');
  });

  it('does not take a made-up session id for anyone', async () => {
    signedIn.sessionId = crypto.randomUUID();
    expect(await outcome([])).toMatch(/^redirect:\/staff\/sign-in/);
  });
});
