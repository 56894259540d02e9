import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '@/db';
import { alerts, auditEvents, emailOutbox, localAuthorities, staffSessions, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { createStaffSession } from '@/lib/auth/staff-sessions';
import { searchWithinLimits } from '@/lib/search/search-within-limits';
import type { TChildSearch } from '@/lib/validation/child-search';
import { spendAllowance } from './spend-allowance';

let database: TestDatabase;
/** A second pool on the same database: another app process, as far as the allowance can tell. */
let otherProcess: Connection | null = null;
let teacher: typeof staffUsers.$inferSelect;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 50, seed: 5, asOf: '2026-11-25', reset: false, demoAccounts: true });
  if (!database.embedded) otherProcess = await connect({ url: database.url, max: 4 });
  [teacher] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher')) as [typeof teacher];
});
afterAll(async () => {
  await otherProcess?.close();
  await database?.drop();
});

const allowance = { burst: 10, perMinute: 6 }; // ten at once, then one every ten seconds
const at = (iso: string) => new Date(iso);
const search: TChildSearch = { reason: 'working_with_child', familyName: 'Harvestable', dateOfBirth: '2015-03-04' } as TChildSearch;

describe('search rate limits', () => {
  it('lets a burst through at once, refuses the rest, and lets one more in after each interval', async () => {
    const key = `test:steady:${Date.now()}`;
    const now = at('2026-12-01T10:00:00Z');
    const decisions = [];
    for (let i = 0; i < 12; i++) decisions.push(await spendAllowance({ db: database.db, key, allowance, now }));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.slice(10)).toEqual([{ allowed: false, retryAfterSeconds: 10 }, { allowed: false, retryAfterSeconds: 10 }]);
    expect(await spendAllowance({ db: database.db, key, allowance, now: at('2026-12-01T10:00:04Z') })).toEqual({ allowed: false, retryAfterSeconds: 6 });
    expect(await spendAllowance({ db: database.db, key, allowance, now: at('2026-12-01T10:00:10Z') })).toEqual({ allowed: true });
    expect((await spendAllowance({ db: database.db, key, allowance, now: at('2026-12-01T10:00:10Z') })).allowed).toBe(false);
    // After a quiet minute the burst is whole again, and no more than whole.
    const later = at('2026-12-01T10:05:00Z');
    const refilled = [];
    for (let i = 0; i < 11; i++) refilled.push((await spendAllowance({ db: database.db, key, allowance, now: later })).allowed);
    expect(refilled.filter(Boolean)).toHaveLength(10);
  });

  it('holds when 60 requests arrive at once from two app processes: exactly the burst is let through', async () => {
    const key = `test:parallel:${Date.now()}`;
    const now = at('2026-12-01T11:00:00Z');
    const pools = [database.db, otherProcess?.db ?? database.db];
    const decisions = await Promise.all(Array.from({ length: 60 }, (_, i) => spendAllowance({ db: pools[i % 2]!, key, allowance, now })));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('keeps each searcher’s allowance to themselves', async () => {
    const now = at('2026-12-01T12:00:00Z');
    const one = `test:one:${Date.now()}`;
    for (let i = 0; i < 10; i++) await spendAllowance({ db: database.db, key: one, allowance, now });
    expect((await spendAllowance({ db: database.db, key: one, allowance, now })).allowed).toBe(false);
    expect((await spendAllowance({ db: database.db, key: `test:two:${Date.now()}`, allowance, now })).allowed).toBe(true);
  });

  it('refuses a search over the allowance without running it, and audits the refusal', async () => {
    const client = { id: crypto.randomUUID(), organisationId: teacher.organisationId, kind: 'api_client' as const };
    const now = new Date();
    const tight = { burst: 2, perMinute: 1 };
    const run = () => searchWithinLimits({ db: database.db, actor: client, search, clientAddress: '192.0.2.7', allowance: tight, searchesWithoutViewing: 1000, now });
    expect((await run()).outcome).toBe('matches');
    expect((await run()).outcome).toBe('matches');
    expect(await run()).toEqual({ outcome: 'rate_limited', retryAfterSeconds: 60 });
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, client.id)).orderBy(auditEvents.id);
    expect(events.map((e) => e.outcome)).toEqual(['matches', 'matches', 'rate_limited']);
    // The refusal says why and records nothing the searcher typed.
    expect(events[2]).toMatchObject({ action: 'child.search', query: { refusal: 'rate_limited', retryAfterSeconds: 60 }, childIds: [], clientAddress: '192.0.2.7' });
  });
});

describe('searching without viewing ends the session at once', () => {
  it('ends the session on the search that crosses the threshold, and alerts the index team once', async () => {
    const now = new Date();
    const sessionId = await createStaffSession({ db: database.db, staffUserId: teacher.id, now });
    const actor = { id: teacher.id, organisationId: teacher.organisationId, kind: 'staff' as const, sessionId };
    const run = () => searchWithinLimits({ db: database.db, actor, search, clientAddress: null, allowance: { burst: 100, perMinute: 100 }, searchesWithoutViewing: 5, now });
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await run()).outcome);
    expect(outcomes).toEqual(['matches', 'matches', 'matches', 'matches', 'session_ended', 'session_ended']);
    const [session] = await database.db.select().from(staffSessions).where(eq(staffSessions.id, sessionId));
    expect(session!.revokedAt).not.toBeNull();
    const raised = await database.db.select().from(alerts).where(and(eq(alerts.staffUserId, teacher.id), eq(alerts.kind, 'searching_without_viewing')));
    expect(raised).toHaveLength(1);
    expect(raised[0]!.reason).toContain('searches in the hour');
    // …and emailed at once, once, without anything that was searched for.
    const [team] = await database.db.select().from(localAuthorities).where(eq(localAuthorities.code, raised[0]!.localAuthorityCode!));
    const emails = await database.db.select().from(emailOutbox).where(eq(emailOutbox.subject, 'Searching without viewing: a session was ended'));
    expect(emails.map((e) => e.toAddress)).toEqual([team!.indexTeamEmail]);
    expect(emails[0]!.body).toContain(`${teacher.displayName} of `);
    expect(emails[0]!.body).not.toContain(search.familyName!);
  });

  it('leaves alone someone whose searches lead to a record', async () => {
    const [caseworker] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.caseworker'));
    const now = new Date();
    const sessionId = await createStaffSession({ db: database.db, staffUserId: caseworker!.id, now });
    await database.db.insert(auditEvents).values({ actorKind: 'staff', actorId: caseworker!.id, organisationId: caseworker!.organisationId, action: 'child.view', childIds: [] });
    const actor = { id: caseworker!.id, organisationId: caseworker!.organisationId, kind: 'staff' as const, sessionId };
    for (let i = 0; i < 6; i++) {
      const result = await searchWithinLimits({ db: database.db, actor, search, clientAddress: null, allowance: { burst: 100, perMinute: 100 }, searchesWithoutViewing: 5, now });
      expect(result.outcome).toBe('matches');
    }
    const [session] = await database.db.select().from(staffSessions).where(eq(staffSessions.id, sessionId));
    expect(session!.revokedAt).toBeNull();
  });
});
