import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClients, auditEvents, children, correctionNotices, correctionRequests, organisations, sourceSystems, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import type { ApiClient } from '@/lib/api-clients/authenticate-api-client';
import { formatIndexNumber } from '@/lib/kernel/index-number';
import { acknowledgeCorrectionNotices } from './acknowledge-correction-notices';
import { actOnRequest } from './act-on-request';
import { listCorrectionNotices } from './list-correction-notices';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 31, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

let made = 0;
type Source = { id: string; code: string; client: ApiClient };

/** An organisation of its own with one source system and one API client, so that each test sees only its notices. */
async function sourceWithClient(): Promise<Source> {
  made += 1;
  const tag = `${Date.now().toString(36)}${made}`;
  const [authority] = await database.db.select({ code: organisations.localAuthorityCode }).from(organisations).limit(1);
  const [organisation] = await database.db.insert(organisations).values({ kind: 'local_authority', name: `Council ${tag}`, localAuthorityCode: authority!.code }).returning();
  const [source] = await database.db
    .insert(sourceSystems)
    .values({ code: `TEST-${tag}`, name: `Children’s services ${tag}`, kind: 'la_childrens_services', organisationId: organisation!.id })
    .returning();
  const [client] = await database.db.insert(apiClients).values({ name: `Case system ${tag}`, organisationId: organisation!.id, secretHash: 'unused' }).returning();
  return { id: source!.id, code: source!.code, client: { id: client!.id, name: client!.name, organisationId: organisation!.id } };
}

/**
 * A child whose gender came from `source`, corrected by a caseworker approving a request as asked: the real path
 * (actOnRequest → applyCorrection) that writes the notice. Returns the child and the notice's id.
 */
async function correctedItem(source: Source, now: Date, options: { shielded?: boolean } = {}): Promise<{ child: ChildFixture; noticeId: string }> {
  made += 1;
  const child = await createChildFixture(database.db, { shielded: options.shielded });
  await database.db.update(children).set({ sourceSystemId: source.id }).where(eq(children.id, child.childId));
  const [council] = await database.db.select().from(organisations).where(eq(organisations.localAuthorityCode, child.localAuthorityCode)).limit(1);
  const [caseworker] = await database.db
    .insert(staffUsers)
    .values({
      username: `notices.${made}.${Date.now()}`,
      displayName: `Case Worker${made}`,
      email: `notices${made}@example.org`,
      role: 'caseworker',
      organisationId: council!.id,
      localAuthorityCode: child.localAuthorityCode,
      status: 'active',
    })
    .returning();
  const [request] = await database.db
    .insert(correctionRequests)
    .values({
      reference: `N${made}${Date.now().toString(36)}`.toUpperCase(),
      childId: child.childId,
      localAuthorityCode: child.localAuthorityCode,
      itemKind: 'child',
      field: 'gender',
      valueAsHeld: 'female',
      requestedValue: 'male',
      dueOn: '2026-12-25',
    })
    .returning();
  const [{ version }] = (await database.db.select({ version: children.version }).from(children).where(eq(children.id, child.childId))) as [{ version: number }];
  const status = await actOnRequest({
    db: database.db,
    caseworker: caseworker!,
    requestId: request!.id,
    command: { kind: 'apply', change: { key: 'child:gender', value: { gender: 'male' } }, expectedVersion: version },
    now,
  });
  expect(status).toBe('applied');
  const [notice] = await database.db.select({ id: correctionNotices.id }).from(correctionNotices).where(eq(correctionNotices.requestId, request!.id));
  return { child, noticeId: notice!.id };
}

const auditsOf = (client: ApiClient, action: string) =>
  database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, client.id), eq(auditEvents.action, action)));
const acknowledgedAt = async (id: string) => (await database.db.select().from(correctionNotices).where(eq(correctionNotices.id, id)))[0]!.acknowledgedAt;

describe('correction notices for source systems', () => {
  it('offers a notice from an approved correction to its source’s organisation, and to no other; the read is audited', async () => {
    const [source, other] = [await sourceWithClient(), await sourceWithClient()];
    const { child, noticeId } = await correctedItem(source, new Date('2026-11-25T10:00:00Z'));
    await correctedItem(other, new Date('2026-11-25T10:00:00Z'));

    const list = await listCorrectionNotices({ db: database.db, client: source.client, clientAddress: '192.0.2.7' });
    expect(list).toEqual({
      notices: [
        {
          id: noticeId,
          sourceSystem: source.code,
          indexNumber: formatIndexNumber(child.indexNumber),
          itemKind: 'child',
          field: 'gender',
          previousValue: 'female',
          correctedValue: 'male',
          correctedValueWithheld: false,
          recordVersion: expect.any(Number),
          createdAt: new Date('2026-11-25T10:00:00Z'),
        },
      ],
      moreWaiting: false,
    });
    const [version] = await database.db.select({ version: children.version }).from(children).where(eq(children.id, child.childId));
    expect(list.notices[0]!.recordVersion).toBe(version!.version);
    expect(list.notices[0]!.indexNumber).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{3}$/);

    const elsewhere = await listCorrectionNotices({ db: database.db, client: other.client });
    expect(elsewhere.notices.map((n) => n.id)).not.toContain(noticeId);
    expect(elsewhere.notices).toHaveLength(1);

    const [audit] = await auditsOf(source.client, 'correction_notice.list');
    expect(audit).toMatchObject({ actorKind: 'api_client', organisationId: source.client.organisationId, childIds: [child.childId], clientAddress: '192.0.2.7' });
    expect(audit!.query).toMatchObject({ noticeIds: [noticeId] });
  });

  it('offers a shielded child’s notice to the source that sent the item, and only to it', async () => {
    const [source, other] = [await sourceWithClient(), await sourceWithClient()];
    const { noticeId } = await correctedItem(source, new Date('2026-11-25T11:00:00Z'), { shielded: true });
    expect((await listCorrectionNotices({ db: database.db, client: source.client })).notices.map((n) => n.id)).toEqual([noticeId]);
    expect((await listCorrectionNotices({ db: database.db, client: other.client })).notices).toEqual([]);
  });

  it('never gives a source the corrected address of a shielded child, only that its address was wrong', async () => {
    const source = await sourceWithClient();
    const { child, noticeId } = await correctedItem(source, new Date('2026-11-25T11:10:00Z'), { shielded: true });
    const [addressNotice] = await database.db
      .insert(correctionNotices)
      .values({ sourceSystemId: source.id, childId: child.childId, itemKind: 'address', field: 'address', previousValue: child.secrets.addressLine, correctedValue: '1 Refuge Close, Safeton, SF1 1AA', recordVersion: 3, createdAt: new Date('2026-11-25T11:20:00Z') })
      .returning();
    const { notices } = await listCorrectionNotices({ db: database.db, client: source.client });
    expect(notices.find((n) => n.id === addressNotice!.id)).toMatchObject({ correctedValue: null, correctedValueWithheld: true, previousValue: child.secrets.addressLine });
    expect(JSON.stringify(notices)).not.toContain('Refuge Close');
    expect(notices.find((n) => n.id === noticeId)).toMatchObject({ correctedValue: 'male', correctedValueWithheld: false });
  });

  it('offers no notice of a source that belongs to no organisation', async () => {
    const source = await sourceWithClient();
    const { noticeId } = await correctedItem(source, new Date('2026-11-25T11:30:00Z'));
    await database.db.update(sourceSystems).set({ organisationId: null }).where(eq(sourceSystems.id, source.id));
    expect((await listCorrectionNotices({ db: database.db, client: source.client })).notices.map((n) => n.id)).not.toContain(noticeId);
    expect(await acknowledgeCorrectionNotices({ db: database.db, client: source.client, ids: [noticeId] })).toMatchObject({ notFound: [noticeId] });
  });

  it('stops offering acknowledged notices; acknowledging again is harmless and changes nothing', async () => {
    const source = await sourceWithClient();
    const { child, noticeId } = await correctedItem(source, new Date('2026-11-25T12:00:00Z'));
    const first = new Date('2026-11-26T09:00:00Z');

    expect(await acknowledgeCorrectionNotices({ db: database.db, client: source.client, ids: [noticeId, noticeId], now: first })).toEqual({
      acknowledged: [noticeId],
      alreadyAcknowledged: [],
      notFound: [],
    });
    expect(await acknowledgedAt(noticeId)).toEqual(first);
    expect(await listCorrectionNotices({ db: database.db, client: source.client })).toEqual({ notices: [], moreWaiting: false });

    const again = await acknowledgeCorrectionNotices({ db: database.db, client: source.client, ids: [noticeId], now: new Date('2026-11-27T09:00:00Z') });
    expect(again).toEqual({ acknowledged: [], alreadyAcknowledged: [noticeId], notFound: [] });
    expect(await acknowledgedAt(noticeId)).toEqual(first);

    const audits = await auditsOf(source.client, 'correction_notice.acknowledge');
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.childIds)).toEqual(expect.arrayContaining([[child.childId], []]));
  });

  it('acknowledges nothing of another organisation’s, nor an unknown id, and says so per id', async () => {
    const [source, other] = [await sourceWithClient(), await sourceWithClient()];
    const { noticeId: theirs } = await correctedItem(source, new Date('2026-11-25T13:00:00Z'));
    const { noticeId: own } = await correctedItem(other, new Date('2026-11-25T13:00:00Z'));
    const unknown = randomUUID();

    const result = await acknowledgeCorrectionNotices({ db: database.db, client: other.client, ids: [theirs, unknown, own] });
    expect(result).toEqual({ acknowledged: [own], alreadyAcknowledged: [], notFound: [theirs, unknown] });
    expect(await acknowledgedAt(theirs)).toBeNull();
    expect((await listCorrectionNotices({ db: database.db, client: source.client })).notices.map((n) => n.id)).toEqual([theirs]);
    const [audit] = await auditsOf(other.client, 'correction_notice.acknowledge');
    expect(audit).toMatchObject({ outcome: 'partly_not_found', query: result });
  });

  it('gives the oldest first, a page at a time, and says whether more are waiting', async () => {
    const source = await sourceWithClient();
    const times = ['2026-11-25T14:00:00Z', '2026-11-25T09:00:00Z', '2026-11-25T16:00:00Z'].map((t) => new Date(t));
    const ids = [];
    for (const time of times) ids.push((await correctedItem(source, time)).noticeId);
    const [at2pm, at9am, at4pm] = ids;

    const firstPage = await listCorrectionNotices({ db: database.db, client: source.client, limit: 2 });
    expect(firstPage.notices.map((n) => n.id)).toEqual([at9am, at2pm]);
    expect(firstPage.moreWaiting).toBe(true);
    await acknowledgeCorrectionNotices({ db: database.db, client: source.client, ids: firstPage.notices.map((n) => n.id) });
    const secondPage = await listCorrectionNotices({ db: database.db, client: source.client, limit: 2 });
    expect(secondPage).toMatchObject({ notices: [{ id: at4pm }], moreWaiting: false });
  });

  it('never gives more than 100 at a time, whatever the limit asked', async () => {
    const source = await sourceWithClient();
    const { child } = await correctedItem(source, new Date('2026-11-25T17:00:00Z'));
    await database.db.insert(correctionNotices).values(
      Array.from({ length: 100 }, (_, i) => ({
        sourceSystemId: source.id,
        childId: child.childId,
        itemKind: 'child' as const,
        field: 'gender',
        previousValue: 'female',
        correctedValue: 'male',
        recordVersion: 2,
        createdAt: new Date(Date.UTC(2026, 10, 25, 18, 0, i)),
      })),
    );
    const list = await listCorrectionNotices({ db: database.db, client: source.client, limit: 500 });
    expect(list.notices).toHaveLength(100);
    expect(list.moreWaiting).toBe(true);
  });
});
