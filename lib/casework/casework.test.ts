import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  carers,
  childAddresses,
  childCarers,
  children,
  citizenAccounts,
  citizenRecordLinks,
  correctionNotices,
  correctionRequests,
  emailOutbox,
  parentAccessAgreements,
  recordVersions,
  sourceSystems,
} from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { loadCorrectableRecord } from '@/lib/corrections/load-correctable-record';
import { raiseCorrection } from '@/lib/corrections/raise-correction';
import { replyToCorrection } from '@/lib/corrections/reply-to-correction';
import type { CorrectableItem } from '@/lib/corrections/correctable-items';
import { ZCorrectionRequest } from '@/lib/validation/correction-request';
import { actOnRequest } from './act-on-request';
import type { Caseworker } from '@/lib/kernel/actors';
import { hasConflictOfInterest } from '@/lib/records/conflict-of-interest';
import { listWorkQueue } from './list-work-queue';
import { viewRequest } from './view-request';

let database: TestDatabase;
const NOW = new Date('2026-11-25T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 50, seed: 23, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

let made = 0;
const caseworkerFor = (child: ChildFixture, home: { displayName?: string; line1?: string; postcode?: string } = {}): Promise<Caseworker> =>
  createStaffFixture(database.db, child.localAuthorityCode, home);

/** A young person raises a correction of one item of their record; returns the request id and their email. */
async function raised(child: ChildFixture, label: string, requestedValue: string, as: 'self' | 'parent' = 'self') {
  made += 1;
  const email = `young${made}@example.com`;
  const [citizen] = await database.db.insert(citizenAccounts).values({ email }).returning();
  const [carer] = as === 'parent' ? await database.db.select({ id: childCarers.carerId }).from(childCarers).where(eq(childCarers.childId, child.childId)) : [];
  const [link] = await database.db
    .insert(citizenRecordLinks)
    .values({ citizenId: citizen!.id, childId: child.childId, relationship: as, carerId: carer?.id ?? null, verificationLevel: 'medium', verificationMethod: 'test' })
    .returning();
  // A parent of a child of 12 or over sees the record only with the child's agreement.
  if (carer) await database.db.insert(parentAccessAgreements).values({ childId: child.childId, carerId: carer.id });
  const correctable = await loadCorrectableRecord({ db: database.db, citizenId: citizen!.id, linkId: link!.id, now: NOW });
  const item = correctable!.items.find((i) => i.label === label)!;
  const { requestId } = await raiseCorrection({ db: database.db, citizen: { id: citizen!.id, email }, linkId: link!.id, request: { item: item.key, requestedValue, explanation: undefined }, now: NOW });
  return { requestId, email, citizenId: citizen!.id };
}

/** A young person raises a correction from the portal's form fields, as the form's schema reads them. */
async function raisedFromForm(child: ChildFixture, pick: (item: CorrectableItem) => boolean, fields: Record<string, string>) {
  made += 1;
  const email = `young${made}@example.com`;
  const [citizen] = await database.db.insert(citizenAccounts).values({ email }).returning();
  const [link] = await database.db
    .insert(citizenRecordLinks)
    .values({ citizenId: citizen!.id, childId: child.childId, relationship: 'self', verificationLevel: 'medium', verificationMethod: 'test' })
    .returning();
  const correctable = await loadCorrectableRecord({ db: database.db, citizenId: citizen!.id, linkId: link!.id, now: NOW });
  const item = correctable!.items.find(pick)!;
  const request = ZCorrectionRequest.parse({ item: item.key, ...fields });
  return raiseCorrection({ db: database.db, citizen: { id: citizen!.id, email }, linkId: link!.id, request, now: NOW });
}

const versionOf = async (childId: string) => (await database.db.select({ version: children.version }).from(children).where(eq(children.id, childId)))[0]!.version;
const requestRow = async (id: string) => (await database.db.select().from(correctionRequests).where(eq(correctionRequests.id, id)))[0]!;
const mailTo = (to: string) => database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));

describe('casework on a correction request', () => {
  it('puts the request in the queue of the child’s council, and nowhere else', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId } = await raised(child, 'Date of birth', '3 April 2011');
    const caseworker = await caseworkerFor(child);
    const queue = await listWorkQueue({ db: database.db, caseworker, now: NOW });
    expect(queue.map((r) => r.id)).toContain(requestId);
    const elsewhere = { ...caseworker, localAuthorityCode: 'E99999999' };
    expect((await listWorkQueue({ db: database.db, caseworker: elsewhere, now: NOW })).map((r) => r.id)).not.toContain(requestId);
    await expect(actOnRequest({ db: database.db, caseworker: elsewhere, requestId, command: { kind: 'refuse', reason: 'x' }, now: NOW })).rejects.toMatchObject({ code: 'not_found' });
    // Nor can they open it by its id, or move it at all: it is still waiting for its own council.
    expect(await viewRequest({ db: database.db, caseworker: elsewhere, requestId })).toBeNull();
    for (const command of [{ kind: 'ask_for_information', question: 'x' }, { kind: 'close', reason: 'x' }] as const) {
      await expect(actOnRequest({ db: database.db, caseworker: elsewhere, requestId, command, now: NOW })).rejects.toMatchObject({ code: 'not_found' });
    }
    expect((await requestRow(requestId)).status).toBe('received');
  });

  it('shows each request’s child and who asked, and audits the read with the children it shows', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const caseworker = await caseworkerFor(child);
    const { requestId: byChild } = await raised(child, 'Gender', 'male');
    const { requestId: byParent } = await raised(child, 'Date of birth', '3 April 2011', 'parent');
    const queue = await listWorkQueue({ db: database.db, caseworker, filter: { status: 'all' }, now: NOW });
    const [held] = await database.db.select().from(children).where(eq(children.id, child.childId));
    const expectedChild = { givenNames: held!.givenNames, familyName: held!.familyName, dateOfBirth: '2011-03-04' };
    expect(queue.find((r) => r.id === byChild)).toMatchObject({ child: expectedChild, requester: { kind: 'young_person' } });
    expect(queue.find((r) => r.id === byParent)).toMatchObject({ child: expectedChild, requester: { kind: 'parent', name: child.parentName } });
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, caseworker.id), eq(auditEvents.action, 'correction.queue')));
    expect(audit!.childIds).toContain(child.childId);
  });

  it('lists overdue requests first', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const caseworker = await caseworkerFor(child);
    const { requestId: late } = await raised(child, 'Gender', 'male');
    await database.db.update(correctionRequests).set({ dueOn: '2026-11-01' }).where(eq(correctionRequests.id, late));
    const [first] = await listWorkQueue({ db: database.db, caseworker, filter: { sort: 'newest' }, now: NOW });
    expect(first).toMatchObject({ id: late, overdue: true });
  });

  it('approves a change as asked: the record changes, a version names the request, the requester is told', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId, email } = await raised(child, 'Date of birth', '3 April 2011');
    const caseworker = await caseworkerFor(child);
    const view = await viewRequest({ db: database.db, caseworker, requestId });
    expect(view!.startingValues).toEqual({ dateOfBirth: '2011-04-03' });
    expect(view!.allowed.has('approve')).toBe(true);

    const status = await actOnRequest({
      db: database.db,
      caseworker,
      requestId,
      command: { kind: 'apply', change: { key: 'child:dateOfBirth', value: { dateOfBirth: '2011-04-03' } }, expectedVersion: view!.child.version },
      now: NOW,
    });
    expect(status).toBe('applied');
    const [record] = await database.db.select().from(children).where(eq(children.id, child.childId));
    expect(record).toMatchObject({ dateOfBirth: '2011-04-03', recordedByStaffId: caseworker.id, version: view!.child.version + 1 });
    const [version] = await database.db.select().from(recordVersions).where(eq(recordVersions.correctionRequestId, requestId));
    expect(version!.changes).toEqual([{ item: 'child', itemId: child.childId, field: 'dateOfBirth', before: '2011-03-04', after: '2011-04-03' }]);
    expect(await requestRow(requestId)).toMatchObject({ status: 'applied', decidedByStaffId: caseworker.id, appliedVersion: version!.version });
    const mail = await mailTo(email);
    expect(mail.map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/We have corrected the record/)]));
    expect(mail.every((m) => !m.body.includes('2011'))).toBe(true);
    const audits = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, caseworker.id), eq(auditEvents.action, 'correction.approve')));
    expect(audits).toHaveLength(1);
  });

  it('sends an edited change to a second caseworker: the editor cannot approve it, a colleague can', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId } = await raised(child, 'Name', 'Fixtura Smith');
    const editor = await caseworkerFor(child);
    const second = await caseworkerFor(child);
    const version = await versionOf(child.childId);
    const edited = { key: 'child:name' as const, value: { givenNames: 'Fixtura', familyName: 'Smyth' } };
    expect(await actOnRequest({ db: database.db, caseworker: editor, requestId, command: { kind: 'apply', change: edited, expectedVersion: version }, now: NOW })).toBe('awaiting_approval');
    expect(await versionOf(child.childId)).toBe(version);

    await expect(actOnRequest({ db: database.db, caseworker: editor, requestId, command: { kind: 'confirm_edit', expectedVersion: version }, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await actOnRequest({ db: database.db, caseworker: second, requestId, command: { kind: 'confirm_edit', expectedVersion: version }, now: NOW })).toBe('applied');
    const [record] = await database.db.select().from(children).where(eq(children.id, child.childId));
    expect(record).toMatchObject({ givenNames: 'Fixtura', familyName: 'Smyth' });
  });

  it('does not let the caseworker who took a request down approve it', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId } = await raised(child, 'Gender', 'male');
    const raiser = await caseworkerFor(child);
    await database.db.update(correctionRequests).set({ raisedByStaffId: raiser.id }).where(eq(correctionRequests.id, requestId));
    const command = { kind: 'apply' as const, change: { key: 'child:gender' as const, value: { gender: 'male' as const } }, expectedVersion: await versionOf(child.childId) };
    await expect(actOnRequest({ db: database.db, caseworker: raiser, requestId, command, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await requestRow(requestId)).status).toBe('received');
  });

  it('refuses a caseworker who shares the child’s family name and address', async () => {
    const child = await createChildFixture(database.db, { familyName: 'Oakenshaw-Byrne', dateOfBirth: '2011-03-04' });
    const { requestId } = await raised(child, 'Gender', 'male');
    const relative = await caseworkerFor(child, { displayName: 'Pat Byrne', line1: child.secrets.addressLine.toLowerCase(), postcode: child.secrets.postcode.replace(' ', '') });
    await expect(actOnRequest({ db: database.db, caseworker: relative, requestId, command: { kind: 'refuse', reason: 'No' }, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
    const view = await viewRequest({ db: database.db, caseworker: relative, requestId });
    expect(view!.allowed.size).toBe(0);
    expect(view!.blockedBecause).toMatch(/shares your family name and address/);
    const neighbour = await caseworkerFor(child, { displayName: 'Pat Jones', line1: child.secrets.addressLine, postcode: child.secrets.postcode });
    expect(await actOnRequest({ db: database.db, caseworker: neighbour, requestId, command: { kind: 'refuse', reason: 'The record is right' }, now: NOW })).toBe('refused');
  });

  it('of two caseworkers approving at once, one wins and the other is told of the conflict; nothing is lost', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId } = await raised(child, 'Address', '7 Mill Lane, Testbury, ZZ9 9QX');
    const [first, second] = [await caseworkerFor(child), await caseworkerFor(child)];
    const version = await versionOf(child.childId);
    const change = { key: 'address:address' as const, value: { line1: '7 Mill Lane', line2: null, town: 'Testbury', postcode: 'ZZ9 9QX' } };
    const outcomes = await Promise.allSettled(
      [first, second].map((caseworker) => actOnRequest({ db: database.db, caseworker, requestId, command: { kind: 'apply', change, expectedVersion: version }, now: NOW })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [lost] = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(lost!.reason).toMatchObject({ code: 'conflict' });
    expect(await versionOf(child.childId)).toBe(version + 1);
    expect(await database.db.select().from(recordVersions).where(eq(recordVersions.correctionRequestId, requestId))).toHaveLength(1);
  });

  it('refuses a change made against a record that moved on since the caseworker looked', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const [a, b] = [await raised(child, 'Gender', 'male'), await raised(child, 'Name', 'Fixture Jones')];
    const caseworker = await caseworkerFor(child);
    const seen = await versionOf(child.childId);
    await actOnRequest({ db: database.db, caseworker, requestId: a.requestId, command: { kind: 'apply', change: { key: 'child:gender', value: { gender: 'male' } }, expectedVersion: seen }, now: NOW });
    const stale = actOnRequest({ db: database.db, caseworker, requestId: b.requestId, command: { kind: 'apply', change: { key: 'child:name', value: { givenNames: 'Fixture', familyName: 'Jones' } }, expectedVersion: seen }, now: NOW });
    await expect(stale).rejects.toThrow(/Someone else changed this record/);
    expect((await requestRow(b.requestId)).status).toBe('received');
    const [record] = await database.db.select().from(children).where(eq(children.id, child.childId));
    expect(record!.familyName).not.toBe('Jones');
  });

  it('stops the clock while asking for information, and starts it again on the reply', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId, email, citizenId } = await raised(child, 'Gender', 'not sure');
    const caseworker = await caseworkerFor(child);
    expect(await actOnRequest({ db: database.db, caseworker, requestId, command: { kind: 'ask_for_information', question: 'What should it say?' }, now: NOW })).toBe('awaiting_information');
    expect((await requestRow(requestId)).pausedAt).toEqual(NOW);
    expect((await mailTo(email)).some((m) => m.subject.includes('need more information') && !m.body.includes('What should it say'))).toBe(true);
    await replyToCorrection({ db: database.db, citizen: { id: citizenId }, requestId, reply: { message: 'Male' }, now: new Date('2026-12-02T10:00:00Z') });
    expect(await requestRow(requestId)).toMatchObject({ status: 'in_review', daysPaused: 7, dueOn: '2027-01-01' });
  });

  it('tells the source system that sent an item that the index team corrected it', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const [source] = await database.db.select().from(sourceSystems).limit(1);
    await database.db.update(children).set({ sourceSystemId: source!.id }).where(eq(children.id, child.childId));
    const { requestId } = await raised(child, 'Gender', 'male');
    const caseworker = await caseworkerFor(child);
    await actOnRequest({ db: database.db, caseworker, requestId, command: { kind: 'apply', change: { key: 'child:gender', value: { gender: 'male' } }, expectedVersion: await versionOf(child.childId) }, now: NOW });
    const [notice] = await database.db.select().from(correctionNotices).where(eq(correctionNotices.requestId, requestId));
    expect(notice).toMatchObject({ sourceSystemId: source!.id, childId: child.childId, previousValue: 'female', correctedValue: 'male' });
  });

  it('refuses any move the request’s status does not allow, changing nothing', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId } = await raised(child, 'Gender', 'male');
    const caseworker = await caseworkerFor(child);
    await actOnRequest({ db: database.db, caseworker, requestId, command: { kind: 'close', reason: 'Withdrawn by phone' }, now: NOW });
    await expect(actOnRequest({ db: database.db, caseworker, requestId, command: { kind: 'refuse', reason: 'x' }, now: NOW })).rejects.toMatchObject({ code: 'conflict' });
    expect(await requestRow(requestId)).toMatchObject({ status: 'closed', decisionReason: 'Withdrawn by phone' });
  });
});

describe('a change asked for in the fields a caseworker applies', () => {
  const address = { line1: 'Flat 2, 12 New Road', line2: '', town: 'Leeds', postcode: 'ls62ab' };
  const asAsked = { line1: 'Flat 2, 12 New Road', line2: null, town: 'Leeds', postcode: 'LS6 2AB' };

  it('an address given as an address fills the form as asked, and one caseworker approves it as asked', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId } = await raisedFromForm(child, (i) => i.kind === 'address', address);
    expect(await requestRow(requestId)).toMatchObject({ requestedValue: 'Flat 2, 12 New Road, Leeds, LS6 2AB', requestedChange: asAsked });
    const caseworker = await caseworkerFor(child);
    const view = await viewRequest({ db: database.db, caseworker, requestId });
    expect(view!.startingValues).toEqual({ line1: 'Flat 2, 12 New Road', line2: '', town: 'Leeds', postcode: 'LS6 2AB' });
    const command = { kind: 'apply' as const, change: { key: 'address:address' as const, value: asAsked }, expectedVersion: view!.child.version };
    expect(await actOnRequest({ db: database.db, caseworker, requestId, command, now: NOW })).toBe('applied');
    const [record] = await database.db.select({ postcode: children.postcode }).from(children).where(eq(children.id, child.childId));
    expect(record!.postcode).toBe('LS6 2AB');
  });

  it('an address the caseworker edits still goes to a second caseworker', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId } = await raisedFromForm(child, (i) => i.kind === 'address', address);
    const caseworker = await caseworkerFor(child);
    const edited = { key: 'address:address' as const, value: { ...asAsked, line1: 'Flat 2', line2: '12 New Road' } };
    expect(await actOnRequest({ db: database.db, caseworker, requestId, command: { kind: 'apply', change: edited, expectedVersion: await versionOf(child.childId) }, now: NOW })).toBe('awaiting_approval');
  });

  it('a parent’s name, phone number and email address are items of their own, each approved as asked without touching the others', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
    const { requestId } = await raisedFromForm(child, (i) => i.kind === 'carer' && i.field === 'phone', { requestedValue: 'It is 0113 496 0999 now' });
    const row = await requestRow(requestId);
    expect(row).toMatchObject({ itemKind: 'carer', field: 'phone', valueAsHeld: child.secrets.carerPhone });
    const caseworker = await caseworkerFor(child);
    const view = await viewRequest({ db: database.db, caseworker, requestId });
    expect(view!.startingValues).toEqual({ phone: '0113 496 0999' });
    const [before] = await database.db.select().from(carers).where(eq(carers.id, row.itemId!));
    const command = { kind: 'apply' as const, change: { key: 'carer:phone' as const, value: { phone: '0113 496 0999' } }, expectedVersion: view!.child.version };
    expect(await actOnRequest({ db: database.db, caseworker, requestId, command, now: NOW })).toBe('applied');
    const [after] = await database.db.select().from(carers).where(eq(carers.id, row.itemId!));
    expect(after).toMatchObject({ phone: '0113 496 0999', email: before!.email, givenNames: before!.givenNames, familyName: before!.familyName });

    const named = await raisedFromForm(child, (i) => i.kind === 'carer' && i.field === 'name', { requestedValue: 'Robin Oakes' });
    const renamed = { kind: 'apply' as const, change: { key: 'carer:name' as const, value: { givenNames: 'Robin', familyName: 'Oakes' } }, expectedVersion: await versionOf(child.childId) };
    expect(await actOnRequest({ db: database.db, caseworker, requestId: named.requestId, command: renamed, now: NOW })).toBe('applied');
    const [renamedRow] = await database.db.select().from(carers).where(eq(carers.id, row.itemId!));
    expect(renamedRow).toMatchObject({ givenNames: 'Robin', familyName: 'Oakes', phone: '0113 496 0999' });
  });
});

describe('a caseworker’s conflict of interest', () => {
  const conflicted = (childId: string, caseworker: { displayName: string; homeAddressLine1: string | null; homePostcode: string | null }) =>
    hasConflictOfInterest({ db: database.db, caseworker, childId });

  it('is the family name, the first line and the postcode all shared: any two of them is a neighbour or a namesake', async () => {
    const child = await createChildFixture(database.db, { familyName: 'Ashdown-Quayle', dateOfBirth: '2012-07-21' });
    const home = { homeAddressLine1: child.secrets.addressLine, homePostcode: child.secrets.postcode };
    expect(await conflicted(child.childId, { displayName: 'Sam Quayle', ...home })).toBe(true);
    expect(await conflicted(child.childId, { displayName: 'Sam Quayle', ...home, homePostcode: 'ZZ99 9ZZ' })).toBe(false);
    expect(await conflicted(child.childId, { displayName: 'Sam Quayle', ...home, homeAddressLine1: '999 Other Street' })).toBe(false);
    expect(await conflicted(child.childId, { displayName: 'Sam Ashdown', ...home })).toBe(true);
  });

  it('reads the family name as the last word of the caseworker’s name, however many names and spaces come before', async () => {
    const child = await createChildFixture(database.db, { familyName: 'Penhaligon', dateOfBirth: '2012-07-21' });
    const home = { homeAddressLine1: child.secrets.addressLine, homePostcode: child.secrets.postcode };
    expect(await conflicted(child.childId, { displayName: 'Mary Ann Penhaligon', ...home })).toBe(true);
    expect(await conflicted(child.childId, { displayName: ' Mary  Penhaligon ', ...home })).toBe(true);
    expect(await conflicted(child.childId, { displayName: 'Penhaligon Mary Ann', ...home })).toBe(false);
  });

  it('is not found where the caseworker’s home or the child’s current address is not known', async () => {
    const child = await createChildFixture(database.db, { familyName: 'Trevithick', dateOfBirth: '2012-07-21' });
    const { addressLine, postcode } = child.secrets;
    expect(await conflicted(child.childId, { displayName: 'Jo Trevithick', homeAddressLine1: null, homePostcode: postcode })).toBe(false);
    expect(await conflicted(child.childId, { displayName: 'Jo Trevithick', homeAddressLine1: addressLine, homePostcode: null })).toBe(false);
    await database.db.update(childAddresses).set({ livedUntil: '2026-01-01' }).where(eq(childAddresses.childId, child.childId));
    expect(await conflicted(child.childId, { displayName: 'Jo Trevithick', homeAddressLine1: addressLine, homePostcode: postcode })).toBe(false);
  });
});
