import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditEvents, childCarers, children, citizenAccounts, citizenRecordLinks, parentAccessAgreements, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { addInvolvementFixture, createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { reviewAlert } from '@/lib/alerts/review-alert';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { ageOn } from '@/lib/citizen-access/age';
import { listParentAccess, setParentAccess } from '@/lib/citizen-access/parent-access';
import { viewOwnRecord } from './view-own-record';

let database: TestDatabase;
let teacher: typeof staffUsers.$inferSelect;
let socialWorker: typeof staffUsers.$inferSelect;
const NOW = new Date('2026-11-25T12:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 100, seed: 13, asOf: '2026-11-25', reset: false, demoAccounts: true });
  teacher = (await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher')))[0]!;
  socialWorker = (await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.socialworker')))[0]!;
});
afterAll(async () => {
  await database?.drop();
});

let citizens = 0;
/** A citizen account linked to the child as the young person or as its carer (the fixture's mother). */
async function linkedCitizen(child: ChildFixture, relationship: 'self' | 'parent') {
  citizens += 1;
  const [citizen] = await database.db.insert(citizenAccounts).values({ email: `citizen${citizens}@example.com` }).returning();
  const [carer] = await database.db.select().from(childCarers).where(eq(childCarers.childId, child.childId));
  const [link] = await database.db
    .insert(citizenRecordLinks)
    .values({ citizenId: citizen!.id, childId: child.childId, relationship, carerId: relationship === 'parent' ? carer!.carerId : null, verificationLevel: 'medium', verificationMethod: 'test' })
    .returning();
  return { citizen: citizen!, linkId: link!.id, carerId: carer!.carerId };
}

const view = (citizen: { id: string }, linkId: string) => viewOwnRecord({ db: database.db, citizen, linkId, now: NOW });

describe('who may see a record online', () => {
  it('a young person of 12 or over sees their own record; under 12 does not', async () => {
    const twelve = await createChildFixture(database.db, { dateOfBirth: '2014-11-25' });
    const eleven = await createChildFixture(database.db, { dateOfBirth: '2014-11-26' });
    const older = await linkedCitizen(twelve, 'self');
    const younger = await linkedCitizen(eleven, 'self');
    expect((await view(older.citizen, older.linkId)).outcome).toBe('viewed');
    expect(await view(younger.citizen, younger.linkId)).toEqual({ outcome: 'not_allowed', reason: 'too_young' });
  });

  it('a parent with parental responsibility sees an under-12’s record, an older child’s only once the child agrees', async () => {
    const small = await createChildFixture(database.db, { dateOfBirth: '2019-03-01' });
    const teenager = await createChildFixture(database.db, { dateOfBirth: '2011-03-01' });
    const parentOfSmall = await linkedCitizen(small, 'parent');
    const parentOfTeen = await linkedCitizen(teenager, 'parent');
    expect((await view(parentOfSmall.citizen, parentOfSmall.linkId)).outcome).toBe('viewed');
    expect(await view(parentOfTeen.citizen, parentOfTeen.linkId)).toEqual({ outcome: 'not_allowed', reason: 'needs_agreement' });
    await database.db.insert(parentAccessAgreements).values({ childId: teenager.childId, carerId: parentOfTeen.carerId });
    expect((await view(parentOfTeen.citizen, parentOfTeen.linkId)).outcome).toBe('viewed');
    await database.db.update(parentAccessAgreements).set({ withdrawnAt: NOW }).where(eq(parentAccessAgreements.childId, teenager.childId));
    expect((await view(parentOfTeen.citizen, parentOfTeen.linkId)).outcome).toBe('not_allowed');
  });

  it('a parent who has lost parental responsibility no longer sees it', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2020-01-01' });
    const parent = await linkedCitizen(child, 'parent');
    await database.db.update(childCarers).set({ hasParentalResponsibility: false }).where(eq(childCarers.childId, child.childId));
    expect(await view(parent.citizen, parent.linkId)).toEqual({ outcome: 'not_allowed', reason: 'no_parental_responsibility' });
  });

  it('nobody sees a shielded record, or one that has left the index, and another citizen’s link is worth nothing', async () => {
    const shielded = await createChildFixture(database.db, { dateOfBirth: '2010-01-01', shielded: true });
    const archived = await createChildFixture(database.db, { dateOfBirth: '2010-01-01' });
    await database.db.update(children).set({ status: 'archived' }).where(eq(children.id, archived.childId));
    const young = await linkedCitizen(shielded, 'self');
    const left = await linkedCitizen(archived, 'self');
    expect(await view(young.citizen, young.linkId)).toEqual({ outcome: 'not_allowed', reason: 'shielded' });
    expect(await view(left.citizen, left.linkId)).toEqual({ outcome: 'not_allowed', reason: 'not_available' });
    expect(await view(young.citizen, left.linkId)).toEqual({ outcome: 'not_allowed', reason: 'no_link' });
  });
});

describe('the record a citizen sees', () => {
  it('shows the young person their sensitive services, but not their parent', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2013-05-05' });
    const provider = await addInvolvementFixture(database.db, child.childId, { serviceCode: 'domestic_abuse_support' });
    const self = await linkedCitizen(child, 'self');
    const parent = await linkedCitizen(child, 'parent');
    await database.db.insert(parentAccessAgreements).values({ childId: child.childId, carerId: parent.carerId });
    const own = await view(self.citizen, self.linkId);
    const theirs = await view(parent.citizen, parent.linkId);
    expect(JSON.stringify(own)).toContain(provider.providerName);
    expect(theirs.outcome).toBe('viewed');
    expect(JSON.stringify(theirs)).not.toContain(provider.providerName);
    expect(JSON.stringify(theirs)).not.toContain(provider.practitionerName);
  });

  it('lists the organisations that looked, never a person, and an override only once its review is closed', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2012-02-02' });
    const self = await linkedCitizen(child, 'self');
    const viewed = (staff: typeof teacher, query: Record<string, unknown>) =>
      recordAuditEvent({ db: database.db, event: { actorKind: 'staff', actorId: staff.id, organisationId: staff.organisationId, action: 'child.view', reason: 'working_with_child', childIds: [child.childId], query } });
    await viewed(teacher, { shieldOverride: false });
    await viewed(socialWorker, { shieldOverride: true });
    const [alert] = await database.db
      .insert(alerts)
      .values({ kind: 'shield_override', childId: child.childId, staffUserId: socialWorker.id, localAuthorityCode: child.localAuthorityCode, reason: 'test', raisedAt: new Date(Date.now() - 60_000) })
      .returning();

    const before = await view(self.citizen, self.linkId);
    if (before.outcome !== 'viewed') throw new Error('expected the record');
    expect(before.view.viewers).toHaveLength(1);
    expect(JSON.stringify(before.view.viewers)).not.toContain(teacher.displayName);

    const caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
    await reviewAlert({ db: database.db, caseworker, alertId: alert!.id, review: { outcome: 'no_concern', note: 'Justified' } });
    const after = await view(self.citizen, self.linkId);
    if (after.outcome !== 'viewed') throw new Error('expected the record');
    expect(after.view.viewers.length).toBe(teacher.organisationId === socialWorker.organisationId ? 1 : 2);
  });

  it('is audited as the citizen’s view', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2012-02-02' });
    const self = await linkedCitizen(child, 'self');
    await view(self.citizen, self.linkId);
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, self.citizen.id), eq(auditEvents.action, 'citizen.record.view')));
    expect(events).toHaveLength(1);
    expect(events[0]!.childIds).toEqual([child.childId]);
  });
});

describe('age', () => {
  it('turns on the birthday, and on 1 March for a leap-day birthday in other years', () => {
    expect(ageOn('2014-11-25', '2026-11-24')).toBe(11);
    expect(ageOn('2014-11-25', '2026-11-25')).toBe(12);
    expect(ageOn('2012-02-29', '2024-02-28')).toBe(11);
    expect(ageOn('2012-02-29', '2024-02-29')).toBe(12);
    expect(ageOn('2012-02-29', '2025-02-28')).toBe(12);
    expect(ageOn('2012-02-29', '2025-03-01')).toBe(13);
  });
});

describe('a young person’s agreement', () => {
  it('is theirs to give and take back, and decides whether a parent sees a record of someone 12 or over', async () => {
    const teenager = await createChildFixture(database.db, { dateOfBirth: '2012-08-08' });
    const self = await linkedCitizen(teenager, 'self');
    const parent = await linkedCitizen(teenager, 'parent');
    const [listed] = await listParentAccess({ db: database.db, citizen: self.citizen, linkId: self.linkId });
    expect(listed).toMatchObject({ carerId: parent.carerId, agreed: false });
    await expect(setParentAccess({ db: database.db, citizen: parent.citizen, linkId: parent.linkId, carerId: parent.carerId, agree: true })).rejects.toMatchObject({ code: 'forbidden' });

    await setParentAccess({ db: database.db, citizen: self.citizen, linkId: self.linkId, carerId: parent.carerId, agree: true });
    expect((await view(parent.citizen, parent.linkId)).outcome).toBe('viewed');
    await setParentAccess({ db: database.db, citizen: self.citizen, linkId: self.linkId, carerId: parent.carerId, agree: false });
    expect(await view(parent.citizen, parent.linkId)).toEqual({ outcome: 'not_allowed', reason: 'needs_agreement' });
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, self.citizen.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['citizen.parent_access.agree', 'citizen.parent_access.withdraw']));
  });
});
