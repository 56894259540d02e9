import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, children, recordVersions, shields, type staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { ZShieldChild } from '@/lib/validation/shield-child';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { loadShieldState } from './load-shield-state';
import { shieldChild } from './shield-child';

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 43, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

const childRow = async (childId: string) => (await database.db.select().from(children).where(eq(children.id, childId)))[0]!;
const activeShield = async (childId: string) => (await database.db.select().from(shields).where(and(eq(shields.childId, childId), isNull(shields.liftedAt))))[0];

/** A child with two brothers or sisters at the same address, and a caseworker of their council. */
async function household() {
  const child = await createChildFixture(database.db);
  const older = await createChildFixture(database.db, { addressId: child.addressId, dateOfBirth: '2012-03-04' });
  const younger = await createChildFixture(database.db, { addressId: child.addressId, dateOfBirth: '2019-09-09' });
  const caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
  return { child, older, younger, caseworker };
}

const shield = async (caseworker: Staff, child: ChildFixture, siblings: { asked: ChildFixture[]; chosen: ChildFixture[] }, reason = 'Fleeing domestic violence; refuge placement') =>
  shieldChild({
    db: database.db,
    caseworker,
    childId: child.childId,
    change: { reason, expectedVersion: (await childRow(child.childId)).version, siblingsAsked: siblings.asked.map((s) => s.childId), shieldSiblings: siblings.chosen.map((s) => s.childId) },
  });

describe('shielding a child with brothers and sisters at the same address', () => {
  it('lists the other children at the address on the shield page, for the caseworker to answer for each', async () => {
    const { child, older, younger, caseworker } = await household();
    const purposeEventId = await recordAuditEvent({
      db: database.db,
      event: { actorKind: 'staff', actorId: caseworker.id, organisationId: caseworker.organisationId, action: 'child.view', reason: 'index_team', childIds: [child.childId] },
    });
    const state = await loadShieldState({ db: database.db, caseworker, childId: child.childId, purposeEventId });
    if (!state || state === 'purpose_needed') throw new Error('expected the shield state');
    expect(state.household.map((c) => c.id).sort()).toEqual([older.childId, younger.childId].sort());
  });

  it('shields the sibling chosen, in the same step with the same reason, and records that the other was not shielded', async () => {
    const { child, older, younger, caseworker } = await household();
    await shield(caseworker, child, { asked: [older, younger], chosen: [older] }, 'Witness protection: police request');

    expect(await childRow(older.childId)).toMatchObject({ isShielded: true, postcode: null });
    expect(await activeShield(older.childId)).toMatchObject({ reason: 'Witness protection: police request', shieldedByStaffId: caseworker.id, responsibleLocalAuthorityCode: child.localAuthorityCode });
    expect(await childRow(younger.childId)).toMatchObject({ isShielded: false, postcode: younger.secrets.postcode });
    expect(await activeShield(younger.childId)).toBeUndefined();

    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, caseworker.id), eq(auditEvents.action, 'child.shield'))).orderBy(auditEvents.id);
    expect(event!.childIds).toEqual([child.childId]);
    expect(event!.query).toMatchObject({ siblings: { shielded: [older.childId], notShielded: [younger.childId] } });
    const siblingEvents = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'child.shield'), eq(auditEvents.actorId, caseworker.id)));
    expect(siblingEvents.flatMap((e) => e.childIds).sort()).toEqual([child.childId, older.childId].sort());

    const [version] = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, child.childId)).orderBy(recordVersions.version);
    const youngerRow = await childRow(younger.childId);
    expect(version!.reason).toContain('not shielded');
    expect(version!.reason).toContain(formatIndexNumber(youngerRow.indexNumber));
    const [olderVersion] = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, older.childId));
    expect(olderVersion!.reason).toMatch(/Witness protection: police request/);
  });

  it('changes nothing when a child at the address was not asked about (someone moved in since the page was shown)', async () => {
    const { child, older, younger, caseworker } = await household();
    await expect(shield(caseworker, child, { asked: [older], chosen: [older] })).rejects.toMatchObject({ code: 'conflict' });
    for (const c of [child, older, younger]) expect(await childRow(c.childId)).toMatchObject({ isShielded: false });
  });

  it('refuses to shield, as a "sibling", a child who does not live at the address, and changes nothing', async () => {
    const { child, older, younger, caseworker } = await household();
    const stranger = await createChildFixture(database.db);
    await expect(shield(caseworker, child, { asked: [older, younger, stranger], chosen: [stranger] })).rejects.toMatchObject({ code: 'conflict' });
    for (const c of [child, older, younger, stranger]) expect(await childRow(c.childId)).toMatchObject({ isShielded: false });
  });

  it('takes the answers from the form: ticked boxes are shielded, every child listed is answered for', () => {
    const older = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const younger = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const parsed = ZShieldChild.safeParse({ reason: 'Refuge', expectedVersion: '3', siblingsAsked: [older, younger], shieldSiblings: [older] });
    expect(parsed.success && parsed.data).toEqual({ reason: 'Refuge', expectedVersion: 3, siblingsAsked: [older, younger], shieldSiblings: [older] });
    expect(ZShieldChild.safeParse({ reason: 'Refuge', expectedVersion: '3', siblingsAsked: [older], shieldSiblings: [younger] }).success).toBe(false);
    expect(ZShieldChild.safeParse({ reason: 'Refuge', expectedVersion: '3', siblingsAsked: ['not-an-id'], shieldSiblings: [] }).success).toBe(false);
  });
});
