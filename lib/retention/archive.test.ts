import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, children } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { loadArchivedRecord } from './load-archived-record';
import { lookUpArchivedRecord } from './look-up-archived-record';
import { runRetention } from './run-retention';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 43, asOf: '2026-01-01', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

const WHY = { reason: 'subject_access_request', reasonDetail: undefined } as const;
const lookups = (actorId: string) => database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, 'child.archive_view')));

describe('the archive', () => {
  it('finds an archived record by its index number for the index team of its council, audited with the reason, and shows it as held when it left', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2008-07-07' });
    await runRetention({ db: database.db, today: '2026-07-07' });
    const caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
    const { childId, viewEventId } = await lookUpArchivedRecord({ db: database.db, caseworker, lookup: { ...WHY, indexNumber: child.indexNumber } });
    expect(childId).toBe(child.childId);
    const [event] = await lookups(caseworker.id);
    expect(event).toMatchObject({ id: viewEventId, reason: 'subject_access_request', outcome: 'ok', childIds: [child.childId] });
    expect(JSON.stringify(event)).not.toContain(child.indexNumber);

    const record = await loadArchivedRecord({ db: database.db, caseworker, childId, viewEventId });
    const [row] = await database.db.select().from(children).where(eq(children.id, child.childId));
    expect(record!.child).toMatchObject({ indexNumber: child.indexNumber, givenNames: 'Fixture', familyName: row!.familyName, dateOfBirth: '2008-07-07', purgeOn: '2032-07-07' });
    expect(record!.history[0]).toMatchObject({ reason: 'Left the live index at 18' });

    // The page cites the caseworker's own lookup of this record, and no one else's.
    const colleague = await createStaffFixture(database.db, child.localAuthorityCode);
    expect(await loadArchivedRecord({ db: database.db, caseworker: colleague, childId, viewEventId })).toBeNull();
    expect(await loadArchivedRecord({ db: database.db, caseworker, childId, viewEventId, now: new Date(Date.now() + 60 * 60 * 1000) })).toBeNull();
  });

  it('refuses a live record, an unknown number, another council and a practitioner; every lookup is audited', async () => {
    const live = await createChildFixture(database.db, { dateOfBirth: '2015-01-01' });
    const caseworker = await createStaffFixture(database.db, live.localAuthorityCode);
    await expect(lookUpArchivedRecord({ db: database.db, caseworker, lookup: { ...WHY, indexNumber: live.indexNumber } })).rejects.toMatchObject({ code: 'invalid' });
    const archived = await createChildFixture(database.db, { dateOfBirth: '2008-08-08' });
    await runRetention({ db: database.db, today: '2026-08-08' });
    await expect(lookUpArchivedRecord({ db: database.db, caseworker: { ...caseworker, localAuthorityCode: 'E99999999' }, lookup: { ...WHY, indexNumber: archived.indexNumber } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(lookUpArchivedRecord({ db: database.db, caseworker, lookup: { ...WHY, indexNumber: '00000000000' } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await lookups(caseworker.id)).map((e) => e.outcome).sort()).toEqual(['not_archived', 'not_found', 'other_council']);

    const practitioner = await createStaffFixture(database.db, archived.localAuthorityCode, { role: 'practitioner' });
    await expect(lookUpArchivedRecord({ db: database.db, caseworker: practitioner, lookup: { ...WHY, indexNumber: archived.indexNumber } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
