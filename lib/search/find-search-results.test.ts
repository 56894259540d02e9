import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { PURPOSE_LIFETIME_MS } from '@/lib/records/find-viewing-purpose';
import { viewChildRecord } from '@/lib/records/view-child-record';
import type { TChildSearch } from '@/lib/validation/child-search';
import { findChildren } from './find-children';
import { findSearchResults } from './find-search-results';

let database: TestDatabase;
type Staff = typeof staffUsers.$inferSelect;
let teacher: Staff;
let socialWorker: Staff;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 300, seed: 23, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const byName = async (username: string) => (await database.db.select().from(staffUsers).where(eq(staffUsers.username, username)))[0]!;
  teacher = await byName('demo.teacher');
  socialWorker = await byName('demo.socialworker');
});
afterAll(async () => {
  await database?.drop();
});

const searchAs = (staff: Staff, fields: Partial<TChildSearch>) =>
  findChildren({ db: database.db, actor: { id: staff.id, organisationId: staff.organisationId, kind: 'staff' }, search: { reason: 'other', reasonDetail: 'A home visit: tomorrow', ...fields } as TChildSearch });

describe('the results of a search, shown again', () => {
  it('are those the search found, for the search as it was typed, and looking again is audited', async () => {
    const child = await createChildFixture(database.db, { familyName: 'Quennevais', dateOfBirth: '2016-04-03' });
    const searched = await searchAs(teacher, { familyName: 'Quenevais', dateOfBirth: '2016-04-03' });
    expect(searched.outcome).toBe('matches');

    const again = await findSearchResults({ db: database.db, viewer: teacher, searchEventId: searched.auditEventId, now: new Date() });
    expect(again?.search).toMatchObject({ reason: 'other', reasonDetail: 'A home visit: tomorrow', familyName: 'Quenevais', dateOfBirth: '2016-04-03' });
    expect(again?.result).toEqual(searched);

    const [looked] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, teacher.id), eq(auditEvents.action, 'child.search.results')));
    expect(looked).toMatchObject({ reason: 'other: A home visit: tomorrow', query: { searchEventId: searched.auditEventId }, childIds: [child.childId] });
  });

  it('are shown only to whoever searched, within a working day, and only for a search that showed results', async () => {
    await createChildFixture(database.db, { familyName: 'Vautier', dateOfBirth: '2015-09-09' });
    const searched = await searchAs(teacher, { familyName: 'Vautier', dateOfBirth: '2015-09-09' });
    const find = (viewer: Staff, searchEventId: number, now = new Date()) => findSearchResults({ db: database.db, viewer, searchEventId, now });
    expect(await find(socialWorker, searched.auditEventId)).toBeNull();
    expect(await find(teacher, searched.auditEventId, new Date(Date.now() + PURPOSE_LIFETIME_MS + 60_000))).toBeNull();
    if (searched.outcome !== 'matches') throw new Error(`the search found ${searched.outcome}`);
    const view = await viewChildRecord({ db: database.db, viewer: teacher, childId: searched.matches[0]!.childId, purposeEventId: searched.auditEventId });
    if (view.outcome !== 'viewed') throw new Error(`the record was ${view.outcome}`);
    // A record view is no search, though it passes the search on for the way back.
    expect(view.searchEventId).toBe(searched.auditEventId);
    expect(await find(teacher, view.viewEventId)).toBeNull();
  });

  it('never shows a child the search did not return, though one may have been added since', async () => {
    await createChildFixture(database.db, { familyName: 'Le Marquand', dateOfBirth: '2014-02-02' });
    const searched = await searchAs(teacher, { familyName: 'Le Marquand', dateOfBirth: '2014-02-02' });
    const later = await createChildFixture(database.db, { familyName: 'Le Marquand', dateOfBirth: '2014-02-02' });
    const again = await findSearchResults({ db: database.db, viewer: teacher, searchEventId: searched.auditEventId, now: new Date() });
    if (again?.result.outcome !== 'matches' || searched.outcome !== 'matches') throw new Error('the search, or its results again, found no matches');
    expect(again.result.matches.map((m) => m.childId)).toEqual(searched.matches.map((m) => m.childId));
    expect(again.result.matches.map((m) => m.childId)).not.toContain(later.childId);
  });
});
