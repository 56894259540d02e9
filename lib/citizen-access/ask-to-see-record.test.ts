import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, childCarers, citizenAccounts, citizenRecordLinks, emailOutbox, parentAccessRequests } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { askToSeeRecord } from './ask-to-see-record';
import { findCitizenAccess } from './find-citizen-access';
import { listParentAccess, setParentAccess } from './parent-access';

let database: TestDatabase;
const NOW = new Date('2026-11-25T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 31, asOf: '2026-11-25', reset: false, demoAccounts: false });
});
afterAll(async () => {
  await database?.drop();
});

let made = 0;
async function account(child: ChildFixture, relationship: 'self' | 'parent') {
  made += 1;
  const email = `${relationship}${made}.${Date.now().toString(36)}@example.com`;
  const [citizen] = await database.db.insert(citizenAccounts).values({ email }).returning();
  const [carer] = await database.db.select({ id: childCarers.carerId }).from(childCarers).where(eq(childCarers.childId, child.childId));
  const [link] = await database.db
    .insert(citizenRecordLinks)
    .values({ citizenId: citizen!.id, childId: child.childId, relationship, carerId: relationship === 'parent' ? carer!.id : null, verificationLevel: 'low', verificationMethod: 'test' })
    .returning();
  return { citizen: citizen!, linkId: link!.id, carerId: carer!.id, email };
}
const mailTo = (to: string) => database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));

describe('a parent of a young person of 12 or over', () => {
  it('asks to see the record; the young person is told in their account and by email, and the parent emailed when they agree', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2012-04-05' });
    const young = await account(child, 'self');
    const parent = await account(child, 'parent');
    expect(await findCitizenAccess({ db: database.db, citizenId: parent.citizen.id, linkId: parent.linkId, now: NOW })).toMatchObject({ allowed: false, reason: 'needs_agreement' });

    expect(await askToSeeRecord({ db: database.db, citizen: parent.citizen, linkId: parent.linkId, now: NOW })).toEqual({ outcome: 'asked' });
    expect(await askToSeeRecord({ db: database.db, citizen: parent.citizen, linkId: parent.linkId, now: NOW })).toEqual({ outcome: 'already_asked' });
    const [told] = await mailTo(young.email);
    expect(told!.subject).toBe('Your parent or carer has asked to see your record');
    expect(told!.body).toContain(child.parentName);
    expect(told!.body).not.toContain(child.secrets.postcode);
    expect(await mailTo(young.email)).toHaveLength(1);
    // In their account: the ask waits beside the parent's name.
    const [listed] = await listParentAccess({ db: database.db, citizen: young.citizen, linkId: young.linkId });
    expect(listed).toMatchObject({ carerId: parent.carerId, agreed: false, askedAt: NOW });

    await setParentAccess({ db: database.db, citizen: young.citizen, linkId: young.linkId, carerId: parent.carerId, agree: true, now: NOW });
    expect(await findCitizenAccess({ db: database.db, citizenId: parent.citizen.id, linkId: parent.linkId, now: NOW })).toMatchObject({ allowed: true });
    const [agreed] = await mailTo(parent.email);
    expect(agreed!.subject).toBe('Your child has agreed that you can see their record');
    const [answered] = await database.db.select().from(parentAccessRequests).where(eq(parentAccessRequests.childId, child.childId));
    expect(answered!.answeredAt).toEqual(NOW);
    expect((await listParentAccess({ db: database.db, citizen: young.citizen, linkId: young.linkId }))[0]).toMatchObject({ agreed: true, askedAt: null });
  });

  it('a young person who says no closes the ask, and the parent hears nothing and sees nothing', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2012-04-05' });
    const young = await account(child, 'self');
    const parent = await account(child, 'parent');
    await askToSeeRecord({ db: database.db, citizen: parent.citizen, linkId: parent.linkId, now: NOW });
    await setParentAccess({ db: database.db, citizen: young.citizen, linkId: young.linkId, carerId: parent.carerId, agree: false, now: NOW });
    expect((await listParentAccess({ db: database.db, citizen: young.citizen, linkId: young.linkId }))[0]).toMatchObject({ agreed: false, askedAt: null });
    expect(await mailTo(parent.email)).toHaveLength(0);
    expect(await findCitizenAccess({ db: database.db, citizenId: parent.citizen.id, linkId: parent.linkId, now: NOW })).toMatchObject({ allowed: false, reason: 'needs_agreement' });
  });

  it('cannot ask for a child under 12 (already shown), for their own record, or through someone else’s link; each refusal audited', async () => {
    const small = await createChildFixture(database.db, { dateOfBirth: '2019-04-05' });
    const smallParent = await account(small, 'parent');
    const older = await createChildFixture(database.db, { dateOfBirth: '2012-04-05' });
    const young = await account(older, 'self');
    const parent = await account(older, 'parent');
    const stranger = await account(await createChildFixture(database.db, { dateOfBirth: '2012-04-05' }), 'parent');
    for (const [citizen, linkId] of [[smallParent.citizen, smallParent.linkId], [young.citizen, young.linkId], [stranger.citizen, parent.linkId]] as const) {
      await expect(askToSeeRecord({ db: database.db, citizen, linkId, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
      const refusals = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, citizen.id), eq(auditEvents.action, 'citizen.parent_access.ask'), eq(auditEvents.outcome, 'refused')));
      expect(refusals).toHaveLength(1);
    }
    expect(await database.db.select().from(parentAccessRequests).where(eq(parentAccessRequests.childId, older.childId))).toHaveLength(0);
  });
});
