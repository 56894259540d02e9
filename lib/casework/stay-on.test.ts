import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, children, citizenAccounts, citizenRecordLinks, emailOutbox, recordVersions, stayOnRequests } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { requestStayOn } from '@/lib/corrections/request-stay-on';
import { runRetention } from '@/lib/retention/run-retention';
import type { Caseworker } from '@/lib/kernel/actors';
import { decideStayOn } from './decide-stay-on';
import { endStayOn } from './end-stay-on';
import { listStayOnRequests } from './list-stay-on-requests';
import { raiseStayOn } from './raise-stay-on';
import { viewStayOnRequest } from './view-stay-on-request';

let database: TestDatabase;
const NOW = new Date('2026-11-25T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 30, seed: 29, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

let made = 0;
/** A young person who has linked their own record and asked, in the portal, to stay on until 25. */
async function askedToStayOn(child: ChildFixture, now = NOW) {
  made += 1;
  const email = `stayer${made}@example.com`;
  const [citizen] = await database.db.insert(citizenAccounts).values({ email }).returning();
  const [link] = await database.db
    .insert(citizenRecordLinks)
    .values({ citizenId: citizen!.id, childId: child.childId, relationship: 'self', verificationLevel: 'medium', verificationMethod: 'test' })
    .returning();
  const reference = await requestStayOn({ db: database.db, citizen: citizen!, linkId: link!.id, request: { basis: 'care_leaver', consent: 'yes' }, now });
  const [request] = await database.db.select().from(stayOnRequests).where(eq(stayOnRequests.reference, reference));
  return { id: request!.id, reference, email };
}

const caseworkerFor = (child: ChildFixture, options: Parameters<typeof createStaffFixture>[2] = {}): Promise<Caseworker> => createStaffFixture(database.db, child.localAuthorityCode, options);
const childRow = async (child: ChildFixture) => (await database.db.select().from(children).where(eq(children.id, child.childId)))[0]!;
const requestRow = async (id: string) => (await database.db.select().from(stayOnRequests).where(eq(stayOnRequests.id, id)))[0]!;
const statusOn = async (child: ChildFixture, today: string) => {
  await runRetention({ db: database.db, today });
  return (await childRow(child)).status;
};
const auditOf = (action: string, childId: string) => database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.childIds, [childId])));

describe('deciding a young person’s request to stay on until 25', () => {
  it('lists the request for the council that answers for the child, and for no other', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2009-08-01' });
    const { id } = await askedToStayOn(child);
    const caseworker = await caseworkerFor(child);
    expect((await listStayOnRequests({ db: database.db, caseworker })).map((r) => r.id)).toContain(id);
    const [row] = (await listStayOnRequests({ db: database.db, caseworker, filter: { status: 'all', sort: 'oldest' } })).filter((r) => r.id === id);
    expect(row).toMatchObject({ status: 'requested', basis: 'care_leaver', raisedBy: null, eighteenthBirthday: '2027-08-01' });
    expect((await listStayOnRequests({ db: database.db, caseworker, filter: { status: 'approved' } })).map((r) => r.id)).not.toContain(id);
    const elsewhere = { ...caseworker, localAuthorityCode: 'E99999999' };
    expect((await listStayOnRequests({ db: database.db, caseworker: elsewhere })).map((r) => r.id)).not.toContain(id);
    expect(await viewStayOnRequest({ db: database.db, caseworker: elsewhere, stayOnRequestId: id, now: NOW })).toBeNull();
    const view = await viewStayOnRequest({ db: database.db, caseworker, stayOnRequestId: id, now: NOW });
    expect(view).toMatchObject({ eighteenthBirthday: '2027-08-01', twentyFifthBirthday: '2034-08-01', blockedBecause: null });
    expect([...view!.allowed].sort()).toEqual(['approve', 'refuse']);
    expect(await auditOf('stay_on.view', child.childId)).toHaveLength(1);
  });

  it('approves: the record stays on until the 25th birthday, with a version, an audit event and an email; retention keeps them past 18 and takes them out at 25', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2009-05-10' });
    const { id, reference, email } = await askedToStayOn(child);
    const caseworker = await caseworkerFor(child);
    const versionBefore = (await childRow(child)).version;
    await decideStayOn({ db: database.db, caseworker, stayOnRequestId: id, decision: { kind: 'approve' }, now: NOW });

    expect(await requestRow(id)).toMatchObject({ status: 'approved', decidedByStaffId: caseworker.id, decidedAt: NOW });
    expect(await childRow(child)).toMatchObject({ stayOnUntil: '2034-05-10', stayOnBasis: 'care_leaver', version: versionBefore + 1 });
    const [version] = await database.db.select().from(recordVersions).where(and(eq(recordVersions.childId, child.childId), eq(recordVersions.version, versionBefore + 1)));
    expect(version).toMatchObject({ changedByStaffId: caseworker.id, reason: expect.stringContaining(reference) });
    expect(version!.changes).toEqual([{ item: 'child', itemId: child.childId, field: 'stayOnUntil', before: null, after: '2034-05-10' }]);
    const approvals = await auditOf('stay_on.approve', child.childId);
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.query).toMatchObject({ stayOnRequestId: id, stayOnUntil: '2034-05-10', basis: 'care_leaver' });
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(mail!.subject).toContain(reference);
    expect(mail!.body).toContain('until you are 25');
    expect(`${mail!.subject} ${mail!.body}`).not.toMatch(new RegExp(`Fixture|${(await childRow(child)).familyName}|2034|2009`));

    expect(await statusOn(child, '2027-05-10')).toBe('live');
    expect(await statusOn(child, '2034-05-09')).toBe('live');
    const leaving = await runRetention({ db: database.db, today: '2034-05-10' });
    expect(leaving.left.at25).toContain(child.childId);
  });

  it('counts the 25th birthday of someone born on 29 February as 1 March in a year without one', async () => {
    const then = new Date('2025-11-25T10:00:00Z');
    const child = await createChildFixture(database.db, { dateOfBirth: '2008-02-29' });
    const { id } = await askedToStayOn(child, then);
    await decideStayOn({ db: database.db, caseworker: await caseworkerFor(child), stayOnRequestId: id, decision: { kind: 'approve' }, now: then });
    expect((await childRow(child)).stayOnUntil).toBe('2033-03-01');
    expect(await statusOn(child, '2026-03-01')).toBe('live');
    expect(await statusOn(child, '2033-02-28')).toBe('live');
    expect((await runRetention({ db: database.db, today: '2033-03-01' })).left.at25).toContain(child.childId);
  });

  it('refuses with a reason: nothing changes on the record; the young person is told', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2009-09-09' });
    const { id, reference, email } = await askedToStayOn(child);
    const before = await childRow(child);
    await decideStayOn({ db: database.db, caseworker: await caseworkerFor(child), stayOnRequestId: id, decision: { kind: 'refuse', reason: 'No longer receiving services' }, now: NOW });
    expect(await requestRow(id)).toMatchObject({ status: 'refused', decisionReason: 'No longer receiving services' });
    expect(await childRow(child)).toEqual(before);
    const [refused] = await auditOf('stay_on.refuse', child.childId);
    expect(refused!.reason).toBe('No longer receiving services');
    expect(refused!.query).toEqual({ stayOnRequestId: id });
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(mail!.subject).toContain(reference);
    expect(mail!.body).not.toContain('services');
    await expect(decideStayOn({ db: database.db, caseworker: await caseworkerFor(child), stayOnRequestId: id, decision: { kind: 'approve' }, now: NOW })).rejects.toMatchObject({
      code: 'conflict',
      userMessage: 'This request has already been decided or withdrawn.',
    });
  });

  it('refuses another council’s caseworker, a practitioner and a caseworker of the child’s own family, changing nothing', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2009-10-10', familyName: 'Oakenfold' });
    const { id } = await askedToStayOn(child);
    const caseworker = await caseworkerFor(child);
    const practitioner = await caseworkerFor(child, { role: 'practitioner' });
    const family = await caseworkerFor(child, { displayName: 'Sam Oakenfold', line1: child.secrets.addressLine, postcode: child.secrets.postcode });
    for (const someone of [{ ...caseworker, localAuthorityCode: 'E99999999' }, practitioner, family]) {
      await expect(decideStayOn({ db: database.db, caseworker: someone, stayOnRequestId: id, decision: { kind: 'approve' }, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await requestRow(id)).toMatchObject({ status: 'requested', decidedByStaffId: null });
    expect((await childRow(child)).stayOnUntil).toBeNull();
    expect((await viewStayOnRequest({ db: database.db, caseworker: family, stayOnRequestId: id, now: NOW }))!.allowed.size).toBe(0);
  });

  it('can no longer be decided once the young person is 18', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2008-12-01' });
    const { id } = await askedToStayOn(child);
    const later = new Date('2026-12-01T10:00:00Z');
    const caseworker = await caseworkerFor(child);
    await expect(decideStayOn({ db: database.db, caseworker, stayOnRequestId: id, decision: { kind: 'approve' }, now: later })).rejects.toMatchObject({
      code: 'invalid',
      userMessage: expect.stringContaining('The young person is 18 now'),
    });
    expect((await viewStayOnRequest({ db: database.db, caseworker, stayOnRequestId: id, now: later }))!.allowed.size).toBe(0);
    expect((await requestRow(id)).status).toBe('requested');
  });
});

describe('a caseworker putting a young person forward to stay on', () => {
  const consent = { basis: 'learning_difficulty' as const, consentStatement: 'Yes, I want my support workers to still find each other after I am 18.' };

  it('records the consent in the young person’s words; a second caseworker must approve it', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2010-01-15' });
    const raiser = await caseworkerFor(child);
    const id = await raiseStayOn({ db: database.db, caseworker: raiser, childId: child.childId, request: consent, now: NOW });
    expect(await requestRow(id)).toMatchObject({ status: 'requested', requestedByStaffId: raiser.id, requestedByCitizenId: null, basis: 'learning_difficulty', consentStatement: consent.consentStatement });
    expect(await auditOf('stay_on.raise', child.childId)).toHaveLength(1);
    const [listed] = (await listStayOnRequests({ db: database.db, caseworker: raiser })).filter((r) => r.id === id);
    expect(listed!.raisedBy).toBe(raiser.displayName);
    await expect(raiseStayOn({ db: database.db, caseworker: raiser, childId: child.childId, request: consent, now: NOW })).rejects.toMatchObject({ code: 'conflict' });

    expect((await viewStayOnRequest({ db: database.db, caseworker: raiser, stayOnRequestId: id, now: NOW }))!.allowed).toEqual(new Set(['refuse']));
    await expect(decideStayOn({ db: database.db, caseworker: raiser, stayOnRequestId: id, decision: { kind: 'approve' }, now: NOW })).rejects.toMatchObject({
      code: 'forbidden',
      userMessage: 'You took this request down, so another caseworker must approve it.',
    });
    expect((await childRow(child)).stayOnUntil).toBeNull();
    const second = await caseworkerFor(child);
    await decideStayOn({ db: database.db, caseworker: second, stayOnRequestId: id, decision: { kind: 'approve' }, now: NOW });
    expect(await childRow(child)).toMatchObject({ stayOnUntil: '2035-01-15', stayOnBasis: 'learning_difficulty' });
  });

  it('refused, sends no email: a request a caseworker raised has no young person’s account to write to', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2010-01-15' });
    const raiser = await caseworkerFor(child);
    const id = await raiseStayOn({ db: database.db, caseworker: raiser, childId: child.childId, request: consent, now: NOW });
    const queuedBefore = (await database.db.select().from(emailOutbox)).length;
    await decideStayOn({ db: database.db, caseworker: raiser, stayOnRequestId: id, decision: { kind: 'refuse', reason: 'Asked again later' }, now: NOW });
    expect(await requestRow(id)).toMatchObject({ status: 'refused' });
    expect(await database.db.select().from(emailOutbox)).toHaveLength(queuedBefore);
  });

  it('only for a young person of 16 or 17 of the caseworker’s council, by the index team', async () => {
    const young = await createChildFixture(database.db, { dateOfBirth: '2011-06-01' });
    const caseworker = await caseworkerFor(young);
    await expect(raiseStayOn({ db: database.db, caseworker, childId: young.childId, request: consent, now: NOW })).rejects.toMatchObject({ code: 'invalid' });
    const sixteen = await createChildFixture(database.db, { dateOfBirth: '2010-06-01' });
    await expect(raiseStayOn({ db: database.db, caseworker: { ...caseworker, localAuthorityCode: 'E99999999' }, childId: sixteen.childId, request: consent, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(raiseStayOn({ db: database.db, caseworker: await caseworkerFor(sixteen, { role: 'practitioner' }), childId: sixteen.childId, request: consent, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await database.db.select().from(stayOnRequests).where(eq(stayOnRequests.childId, sixteen.childId))).toEqual([]);
  });
});

describe('ending a stay-on', () => {
  it('clears the stay-on with a version and an audit event; the next retention run after 18 takes the young person out', async () => {
    const child = await createChildFixture(database.db, { dateOfBirth: '2009-03-03' });
    const { id, email } = await askedToStayOn(child);
    const caseworker = await caseworkerFor(child);
    await expect(endStayOn({ db: database.db, caseworker, stayOnRequestId: id, reason: 'Not yet agreed', now: NOW })).rejects.toMatchObject({ code: 'conflict' });
    await decideStayOn({ db: database.db, caseworker, stayOnRequestId: id, decision: { kind: 'approve' }, now: NOW });
    expect(await statusOn(child, '2027-03-03')).toBe('live');

    const later = new Date('2027-04-01T10:00:00Z');
    await expect(endStayOn({ db: database.db, caseworker: { ...caseworker, localAuthorityCode: 'E99999999' }, stayOnRequestId: id, reason: 'x', now: later })).rejects.toMatchObject({ code: 'forbidden' });
    await endStayOn({ db: database.db, caseworker, stayOnRequestId: id, reason: 'No longer receiving services from the council', now: later });
    expect(await childRow(child)).toMatchObject({ stayOnUntil: null, stayOnBasis: null, status: 'live' });
    expect(await requestRow(id)).toMatchObject({ status: 'withdrawn', withdrawnAt: later, decidedByStaffId: caseworker.id, decisionReason: 'No longer receiving services from the council' });
    const [version] = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, child.childId)).orderBy(recordVersions.version).then((v) => v.slice(-1));
    expect(version).toMatchObject({ changedByStaffId: caseworker.id, reason: expect.stringContaining('No longer receiving services') });
    expect(await auditOf('stay_on.end', child.childId)).toHaveLength(1);
    expect(await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).toHaveLength(2);
    expect((await runRetention({ db: database.db, today: '2027-04-02' })).left.at18).toContain(child.childId);
  });
});
