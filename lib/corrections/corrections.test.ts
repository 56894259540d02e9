import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, children, citizenAccounts, citizenRecordLinks, correctionRequests, emailOutbox, recordVersions, stayOnRequests } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { addCalendarMonths } from '@/lib/kernel/dates';
import { listOwnRequests } from './list-own-requests';
import { loadCorrectableRecord } from './load-correctable-record';
import { openCorrectableRecord } from './open-correctable-record';
import { raiseCorrection } from './raise-correction';
import { replyToCorrection } from './reply-to-correction';
import { requestStayOn } from './request-stay-on';
import { withdrawStayOn } from './withdraw-stay-on';

let database: TestDatabase;
const NOW = new Date('2026-11-25T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 50, seed: 17, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

let citizens = 0;
async function youngPerson(child: ChildFixture) {
  citizens += 1;
  const [citizen] = await database.db.insert(citizenAccounts).values({ email: `young${citizens}@example.com` }).returning();
  const [link] = await database.db
    .insert(citizenRecordLinks)
    .values({ citizenId: citizen!.id, childId: child.childId, relationship: 'self', verificationLevel: 'medium', verificationMethod: 'test' })
    .returning();
  return { citizen: citizen!, linkId: link!.id };
}

describe('a correction request', () => {
  it('records the item as held (from the record, not the browser), is due in a calendar month, audited and acknowledged', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-01-31' });
    const { citizen, linkId } = await youngPerson(child);
    const correctable = await loadCorrectableRecord({ db: database.db, citizenId: citizen.id, linkId, now: NOW });
    const address = correctable!.items.find((i) => i.kind === 'address')!;
    const raised = await raiseCorrection({ db: database.db, citizen, linkId, request: { item: address.key, requestedValue: '12 New Road, Testbury', explanation: 'We moved in June' }, now: NOW });

    expect(raised.reference).toMatch(/^CR-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(raised.dueOn).toBe('2026-12-25');
    const [row] = await database.db.select().from(correctionRequests).where(eq(correctionRequests.id, raised.requestId));
    expect(row).toMatchObject({ status: 'received', itemKind: 'address', childId: child.childId, requestedValue: '12 New Road, Testbury' });
    expect(row!.valueAsHeld).toContain(child.secrets.postcode);
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, citizen.id), eq(auditEvents.action, 'correction.request')));
    expect(audit!.childIds).toEqual([child.childId]);
    const [ack] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, citizen.email));
    expect(ack!.subject).toContain(raised.reference);
    expect(ack!.body).not.toContain('New Road');
  });

  it('refuses an item that is not on the record, and a record the citizen may not see, changing nothing', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-01-31' });
    const { citizen, linkId } = await youngPerson(child);
    await expect(raiseCorrection({ db: database.db, citizen, linkId, request: { item: 'carer:00000000-0000-4000-8000-000000000000:details', requestedValue: 'x', explanation: undefined }, now: NOW })).rejects.toMatchObject({ code: 'invalid' });
    const small = await createChildFixture(database.db, { dateOfBirth: '2018-01-01' });
    const tooYoung = await youngPerson(small);
    await expect(raiseCorrection({ db: database.db, citizen: tooYoung.citizen, linkId: tooYoung.linkId, request: { item: 'child:x:name', requestedValue: 'x', explanation: undefined }, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
    const rows = await database.db.select().from(correctionRequests).where(eq(correctionRequests.requestedByCitizenId, citizen.id));
    expect(rows).toHaveLength(0);
  });

  it('restarts the clock when the requester replies, moving the due date by the days it was stopped', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-01-31' });
    const { citizen, linkId } = await youngPerson(child);
    const correctable = await loadCorrectableRecord({ db: database.db, citizenId: citizen.id, linkId, now: NOW });
    const raised = await raiseCorrection({ db: database.db, citizen, linkId, request: { item: correctable!.items[0]!.key, requestedValue: 'Fixture Childe', explanation: undefined }, now: NOW });
    await expect(replyToCorrection({ db: database.db, citizen, requestId: raised.requestId, reply: { message: 'too early' }, now: NOW })).rejects.toMatchObject({ code: 'conflict' });
    await database.db.update(correctionRequests).set({ status: 'awaiting_information', pausedAt: new Date('2026-11-30T10:00:00Z') }).where(eq(correctionRequests.id, raised.requestId));
    await replyToCorrection({ db: database.db, citizen, requestId: raised.requestId, reply: { message: 'Here is the birth certificate number' }, now: new Date('2026-12-07T11:00:00Z') });
    const [row] = await database.db.select().from(correctionRequests).where(eq(correctionRequests.id, raised.requestId));
    expect(row).toMatchObject({ status: 'in_review', daysPaused: 7, dueOn: '2027-01-01', pausedAt: null });
    const stranger = await youngPerson(await createChildFixture(database.db, { dateOfBirth: '2011-01-31' }));
    await expect(replyToCorrection({ db: database.db, citizen: stranger.citizen, requestId: raised.requestId, reply: { message: 'not mine' }, now: NOW })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('another citizen’s ids', () => {
  // Horizontal access: every id in a portal address or form is checked against the signed-in citizen, so knowing (or
  // guessing) someone else's link or request id gets nothing and changes nothing.
  it('open nothing: citizen B cannot see, correct, stay on or withdraw with citizen A’s link and request ids', async () => {
    const a = await youngPerson(await createChildFixture(database.db, { dateOfBirth: '2009-06-01' }));
    const b = await youngPerson(await createChildFixture(database.db, { dateOfBirth: '2009-06-01' }));
    const correctable = await loadCorrectableRecord({ db: database.db, citizenId: a.citizen.id, linkId: a.linkId, now: NOW });
    const item = correctable!.items[0]!.key;
    const raised = await raiseCorrection({ db: database.db, citizen: a.citizen, linkId: a.linkId, request: { item, requestedValue: 'Someone Else', explanation: undefined }, now: NOW });
    const stayOnReference = await requestStayOn({ db: database.db, ...a, request: { basis: 'care_leaver', consent: 'yes' }, now: NOW });

    const seenByB = await listOwnRequests({ db: database.db, citizen: b.citizen });
    expect(seenByB.corrections.map((c) => c.id)).not.toContain(raised.requestId);
    expect(seenByB.stayOn.map((s) => s.reference)).not.toContain(stayOnReference);
    expect(await loadCorrectableRecord({ db: database.db, citizenId: b.citizen.id, linkId: a.linkId, now: NOW })).toBeNull();
    expect(await openCorrectableRecord({ db: database.db, citizen: b.citizen, linkId: a.linkId })).toBeNull();
    await expect(raiseCorrection({ db: database.db, citizen: b.citizen, linkId: a.linkId, request: { item, requestedValue: 'x', explanation: undefined }, now: NOW })).rejects.toBeInstanceOf(Error);
    await expect(requestStayOn({ db: database.db, citizen: b.citizen, linkId: a.linkId, request: { basis: 'care_leaver', consent: 'yes' }, now: NOW })).rejects.toBeInstanceOf(Error);
    const [stayOn] = await database.db.select().from(stayOnRequests).where(eq(stayOnRequests.reference, stayOnReference));
    await expect(withdrawStayOn({ db: database.db, citizen: b.citizen, stayOnRequestId: stayOn!.id, now: NOW })).rejects.toMatchObject({ code: 'not_found' });

    expect(await database.db.select().from(correctionRequests).where(eq(correctionRequests.requestedByCitizenId, b.citizen.id))).toHaveLength(0);
    expect(await database.db.select().from(stayOnRequests).where(eq(stayOnRequests.requestedByCitizenId, b.citizen.id))).toHaveLength(0);
    expect((await database.db.select().from(stayOnRequests).where(eq(stayOnRequests.id, stayOn!.id)))[0]!.status).toBe('requested');
  });
});

describe('staying on until 25', () => {
  it('is for a young person of 16 or 17, once at a time, and withdrawing an approved request returns the normal rule', async () => {
    const fifteen = await youngPerson(await createChildFixture(database.db, { dateOfBirth: '2011-06-01' }));
    await expect(requestStayOn({ db: database.db, ...fifteen, request: { basis: 'care_leaver', consent: 'yes' }, now: NOW })).rejects.toMatchObject({ code: 'invalid' });

    const child = await createChildFixture(database.db, { dateOfBirth: '2009-06-01' });
    const seventeen = await youngPerson(child);
    const reference = await requestStayOn({ db: database.db, ...seventeen, request: { basis: 'care_leaver', consent: 'yes' }, now: NOW });
    expect(reference).toMatch(/^SO-/);
    await expect(requestStayOn({ db: database.db, ...seventeen, request: { basis: 'care_leaver', consent: 'yes' }, now: NOW })).rejects.toMatchObject({ code: 'conflict' });

    const [request] = await database.db.select().from(stayOnRequests).where(eq(stayOnRequests.reference, reference));
    await database.db.update(stayOnRequests).set({ status: 'approved' }).where(eq(stayOnRequests.id, request!.id));
    await database.db.update(children).set({ stayOnUntil: '2034-06-01', stayOnBasis: 'care_leaver' }).where(eq(children.id, child.childId));
    await withdrawStayOn({ db: database.db, citizen: seventeen.citizen, stayOnRequestId: request!.id, now: NOW });

    const [after] = await database.db.select().from(children).where(eq(children.id, child.childId));
    expect(after).toMatchObject({ stayOnUntil: null, stayOnBasis: null });
    const versions = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, child.childId));
    expect(versions.map((v) => v.reason)).toEqual(['The young person withdrew their consent to stay on the index until 25']);
    await expect(withdrawStayOn({ db: database.db, citizen: seventeen.citizen, stayOnRequestId: request!.id, now: NOW })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('one calendar month', () => {
  it('ends on the same day next month, or the month’s last day', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
