import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, children, recordVersions, shields, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { findChildren } from '@/lib/search/find-children';
import type { TChildSearch } from '@/lib/validation/child-search';
import { liftShield } from './lift-shield';
import { shieldChild } from './shield-child';
import { viewChildRecord } from './view-child-record';

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;
let teacher: Staff;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 50, seed: 29, asOf: '2026-11-25', reset: false, demoAccounts: true });
  teacher = (await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher')))[0]!;
});
afterAll(async () => {
  await database?.drop();
});

const childRow = async (childId: string) => (await database.db.select().from(children).where(eq(children.id, childId)))[0]!;
const shield = (caseworker: Staff, child: ChildFixture, expectedVersion: number, reason = 'Fleeing domestic violence; refuge placement') =>
  shieldChild({ db: database.db, caseworker, childId: child.childId, change: { reason, expectedVersion } });
const lift = (caseworker: Staff, child: ChildFixture, expectedVersion: number, reason = 'Risk assessed as ended by the multi-agency panel') =>
  liftShield({ db: database.db, caseworker, childId: child.childId, change: { reason, expectedVersion } });

/** Whether a teacher's search by family name and postcode finds the child. */
async function foundByPostcode(child: ChildFixture) {
  const search = { reason: 'working_with_child', familyName: (await childRow(child.childId)).familyName, givenName: 'Fixture', postcode: child.secrets.postcode } as TChildSearch;
  const result = await findChildren({ db: database.db, actor: { id: teacher.id, organisationId: teacher.organisationId, kind: 'staff' }, search });
  return result.outcome === 'matches' && result.matches.some((m) => m.childId === child.childId);
}

/** What the teacher is shown on opening the record. */
async function teachersView(child: ChildFixture) {
  const purposeEventId = await recordAuditEvent({
    db: database.db,
    event: { actorKind: 'staff', actorId: teacher.id, organisationId: teacher.organisationId, action: 'child.search', reason: 'working_with_child', childIds: [child.childId] },
  });
  const result = await viewChildRecord({ db: database.db, viewer: teacher, childId: child.childId, purposeEventId });
  if (result.outcome !== 'viewed') throw new Error(`expected a view, got ${result.outcome}`);
  return result.view;
}

describe('shielding a record', () => {
  it('is refused to a practitioner and to the index team of another council, and nothing changes', async () => {
    const child = await createChildFixture(database.db);
    const { version } = await childRow(child.childId);
    await expect(shield(teacher, child, version)).rejects.toMatchObject({ code: 'forbidden' });
    const [otherCouncil] = await database.sql<{ code: string }[]>`select code from local_authorities where code <> ${child.localAuthorityCode} limit 1`;
    const elsewhere = await createStaffFixture(database.db, otherCouncil!.code);
    await expect(shield(elsewhere, child, version)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await childRow(child.childId)).toMatchObject({ isShielded: false, version, postcode: child.secrets.postcode });
    expect(await database.db.select().from(shields).where(eq(shields.childId, child.childId))).toHaveLength(0);
  });

  it('is refused to a caseworker who shares the child’s family name and home address', async () => {
    const child = await createChildFixture(database.db);
    const { version, familyName } = await childRow(child.childId);
    const relative = await createStaffFixture(database.db, child.localAuthorityCode, { displayName: `Pat ${familyName}`, line1: child.secrets.addressLine, postcode: child.secrets.postcode });
    await expect(shield(relative, child, version)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('hides the child from a postcode search and shows a practitioner the shielded view; lifting restores both', async () => {
    const child = await createChildFixture(database.db);
    const caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
    expect(await foundByPostcode(child)).toBe(true);
    expect((await teachersView(child)).kind).toBe('full');

    const shieldedVersion = await shield(caseworker, child, (await childRow(child.childId)).version);
    expect(await childRow(child.childId)).toMatchObject({ isShielded: true, postcode: null, version: shieldedVersion });
    expect(await foundByPostcode(child)).toBe(false);
    const hidden = await teachersView(child);
    expect(hidden.kind).toBe('shielded');
    for (const secret of Object.values(child.secrets)) expect(JSON.stringify(hidden)).not.toContain(secret);

    await lift(caseworker, child, shieldedVersion);
    expect(await childRow(child.childId)).toMatchObject({ isShielded: false, postcode: child.secrets.postcode });
    expect(await foundByPostcode(child)).toBe(true);
    expect((await teachersView(child)).kind).toBe('full');
    const [history] = await database.db.select().from(shields).where(eq(shields.childId, child.childId));
    expect(history).toMatchObject({ shieldedByStaffId: caseworker.id, liftedByStaffId: caseworker.id, liftReason: 'Risk assessed as ended by the multi-agency panel' });
    expect(history!.liftedAt).not.toBeNull();
  });

  it('writes a version with who and why, and an audit event, for shielding and for lifting', async () => {
    const child = await createChildFixture(database.db);
    const caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
    const before = (await childRow(child.childId)).version;
    const shielded = await shield(caseworker, child, before, 'Witness protection: police request');
    const lifted = await lift(caseworker, child, shielded);
    expect([shielded, lifted]).toEqual([before + 1, before + 2]);
    const versions = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, child.childId)).orderBy(recordVersions.version);
    expect(versions.map((v) => [v.version, v.changedByStaffId, v.reason])).toEqual([
      [before + 1, caseworker.id, 'Shielded by the index team: Witness protection: police request'],
      [before + 2, caseworker.id, 'Shield lifted by the index team: Risk assessed as ended by the multi-agency panel'],
    ]);
    expect(versions[0]!.changes).toEqual([{ item: 'child', itemId: child.childId, field: 'isShielded', before: false, after: true }]);
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, caseworker.id))).orderBy(auditEvents.id);
    expect(events.map((e) => [e.action, e.reason, e.childIds])).toEqual([
      ['child.shield', 'Witness protection: police request', [child.childId]],
      ['child.shield_lift', 'Risk assessed as ended by the multi-agency panel', [child.childId]],
    ]);
    expect(events[0]!.query).toMatchObject({ version: before + 1 });
  });

  it('refuses a stale version as a conflict and changes nothing', async () => {
    const child = await createChildFixture(database.db);
    const caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
    const { version } = await childRow(child.childId);
    await expect(shield(caseworker, child, version - 1)).rejects.toMatchObject({ code: 'conflict', userMessage: expect.stringMatching(/Someone else changed this record/) });
    expect(await childRow(child.childId)).toMatchObject({ isShielded: false, version, postcode: child.secrets.postcode });
    expect(await database.db.select().from(shields).where(eq(shields.childId, child.childId))).toHaveLength(0);
    expect(await database.db.select().from(recordVersions).where(eq(recordVersions.childId, child.childId))).toHaveLength(0);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, caseworker.id))).toHaveLength(0);
  });

  it('refuses to shield a shielded record or to lift a shield that is not there, saying so', async () => {
    const child = await createChildFixture(database.db, { shielded: true });
    const caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
    const { version } = await childRow(child.childId);
    await expect(shield(caseworker, child, version)).rejects.toMatchObject({ code: 'conflict', userMessage: 'This record is already shielded.' });
    const open = await createChildFixture(database.db);
    await expect(lift(caseworker, open, (await childRow(open.childId)).version)).rejects.toMatchObject({ code: 'conflict', userMessage: 'This record is not shielded.' });
  });

  it('lets only the council holding the shield lift it', async () => {
    const child = await createChildFixture(database.db, { shielded: true });
    const [otherCouncil] = await database.sql<{ code: string }[]>`select code from local_authorities where code <> ${child.localAuthorityCode} limit 1`;
    // The child has moved to another council's area, but the shield stays with the team that set it.
    await database.sql`update addresses set local_authority_code = ${otherCouncil!.code} where id = ${child.addressId}`;
    const { version } = await childRow(child.childId);
    const newCouncil = await createStaffFixture(database.db, otherCouncil!.code);
    await expect(lift(newCouncil, child, version)).rejects.toMatchObject({ code: 'forbidden' });
    await lift(await createStaffFixture(database.db, child.localAuthorityCode), child, version);
    expect(await childRow(child.childId)).toMatchObject({ isShielded: false, postcode: child.secrets.postcode });
  });
});
