import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addresses, auditEvents, organisations, type staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { listRecordViewers } from '@/lib/portal/list-record-viewers';
import { viewChildRecord } from '@/lib/records/view-child-record';
import { findChildren } from '@/lib/search/find-children';
import { ZAuditFilter, type TAuditFilter } from '@/lib/validation/audit-filter';
import { ZChildSearch } from '@/lib/validation/child-search';
import { exportAuditEvents } from './export-audit-events';
import { listAuditEvents } from './list-audit-events';
import { listAuditOrganisations } from './list-audit-organisations';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { viewAuditEvent } from './view-audit-event';

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;
let childA: ChildFixture;
let childB: ChildFixture;
const staff = {} as Record<'practitionerA' | 'practitionerB' | 'adminA' | 'adminB' | 'caseworkerA' | 'national' | 'dater' | 'pager', Staff>;

const filter = (input: Record<string, string> = {}): TAuditFilter => ZAuditFilter.parse(input);
const list = (viewer: Staff, input: Record<string, string> = {}) => listAuditEvents({ db: database.db, viewer, filter: filter(input) });

/** A practitioner searches by family name and date of birth and opens the record from the results: real events. */
async function searchAndView(viewer: Staff, child: ChildFixture, familyName: string) {
  const search = await findChildren({
    db: database.db,
    actor: { id: viewer.id, organisationId: viewer.organisationId, kind: 'staff' },
    search: ZChildSearch.parse({ familyName, dateOfBirth: '2015-06-01', reason: 'working_with_child' }),
  });
  const result = await viewChildRecord({ db: database.db, viewer, childId: child.childId, purposeEventId: search.auditEventId });
  expect(result.outcome).toBe('viewed');
  return search.auditEventId;
}

const insertEvent = (viewer: Staff, values: Partial<typeof auditEvents.$inferInsert>) =>
  database.db
    .insert(auditEvents)
    .values({ actorKind: 'staff', actorId: viewer.id, organisationId: viewer.organisationId, action: 'child.edit', ...values })
    .returning({ id: auditEvents.id })
    .then((rows) => rows[0]!.id);

let searchByA: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 50, seed: 31, asOf: '2026-11-25', reset: false, demoAccounts: true });
  childA = await createChildFixture(database.db, { familyName: 'Wexfordhame' });
  childB = await createChildFixture(database.db, { familyName: 'Quillbyworth' });
  const [other] = await database.db
    .selectDistinct({ code: organisations.localAuthorityCode })
    .from(organisations)
    .where(ne(organisations.localAuthorityCode, childA.localAuthorityCode))
    .limit(1);
  const councilB = other!.code;
  // Child B lives in council B: that council's index team answers for it.
  await database.db.update(addresses).set({ localAuthorityCode: councilB }).where(eq(addresses.id, childB.addressId));
  childB = { ...childB, localAuthorityCode: councilB };

  const A = childA.localAuthorityCode;
  staff.practitionerA = await createStaffFixture(database.db, A, { role: 'practitioner', displayName: 'Pat Practitioner' });
  staff.practitionerB = await createStaffFixture(database.db, councilB, { role: 'practitioner', displayName: 'Bea Outsider' });
  staff.adminA = await createStaffFixture(database.db, A, { role: 'administrator' });
  staff.adminB = await createStaffFixture(database.db, councilB, { role: 'administrator' });
  staff.caseworkerA = await createStaffFixture(database.db, A, { role: 'caseworker' });
  staff.national = { ...(await createStaffFixture(database.db, councilB, { role: 'administrator' })), isNationalAdministrator: true };
  staff.dater = await createStaffFixture(database.db, A, { role: 'caseworker' });
  staff.pager = await createStaffFixture(database.db, A, { role: 'caseworker' });

  searchByA = await searchAndView(staff.practitionerA, childA, 'Wexfordhame');
  await searchAndView(staff.practitionerB, childB, 'Quillbyworth');
  // Someone from council B looks at council A's child.
  await searchAndView(staff.practitionerB, childA, 'Wexfordhame');
});
afterAll(async () => {
  await database?.drop();
});

describe('the audit explorer’s filters', () => {
  it('“who looked at this child”: every event about the child with that index number, and nothing else', async () => {
    const { events } = await list(staff.national, { indexNumber: childA.indexNumber });
    const views = events.filter((e) => e.action === 'child.view');
    expect(views.map((e) => e.who).sort()).toEqual(['Bea Outsider', 'Pat Practitioner']);
    expect(views[0]).toMatchObject({ actionLabel: 'Viewed a record', reason: 'I am working with this child', role: 'Practitioner', outcome: 'Done' });
    expect(views[0]!.organisationName).toBeTruthy();
    for (const event of events) expect(event.indexNumbers).toContain(childA.indexNumber);
    // The index number can be typed as it is printed: spaced, in lower case.
    const typed = childA.indexNumber.toLowerCase().replace(/^(.{4})(.{4})/, '$1 $2 ');
    const again = (await list(staff.national, { indexNumber: typed })).events.filter((e) => e.action !== 'audit.explore');
    expect(again.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('“what did this user do”: only that member of staff’s events', async () => {
    const { events } = await list(staff.national, { username: staff.practitionerA.username });
    expect(events.map((e) => e.action).sort()).toEqual(['child.search', 'child.view']);
    expect(new Set(events.map((e) => e.username))).toEqual(new Set([staff.practitionerA.username]));
    expect((await list(staff.national, { username: 'no.such.user' })).events).toEqual([]);
  });

  it('narrows by organisation and by action, and the two together', async () => {
    const byOrganisation = await list(staff.national, { organisationId: staff.practitionerB.organisationId });
    expect(byOrganisation.events.length).toBeGreaterThan(0);
    for (const e of byOrganisation.events) expect(e.organisationId).toBe(staff.practitionerB.organisationId);
    const searches = await list(staff.national, { action: 'child.search', indexNumber: childA.indexNumber });
    expect(searches.events.map((e) => e.who).sort()).toEqual(['Bea Outsider', 'Pat Practitioner']);
    const both = await list(staff.national, { action: 'child.view', organisationId: staff.practitionerB.organisationId, indexNumber: childB.indexNumber });
    expect(both.events).toHaveLength(1);
    expect(both.events[0]).toMatchObject({ who: 'Bea Outsider', action: 'child.view' });
  });

  it('counts days in London time, across midnight in summer time', async () => {
    const at = (iso: string) => insertEvent(staff.dater, { occurredAt: new Date(iso) });
    const lastOfJune = await at('2026-06-30T22:59:59Z'); // 23:59:59 on 30 June in London
    const firstOfJuly = await at('2026-06-30T23:00:00Z'); // midnight, 1 July, in London (still 30 June in UTC)
    const endOfJuly1 = await at('2026-07-01T22:59:59Z');
    const secondOfJuly = await at('2026-07-01T23:00:00Z');
    const ids = async (input: Record<string, string>) => (await list(staff.national, { username: staff.dater.username, ...input })).events.map((e) => e.id).sort();
    expect(await ids({ from: '2026-07-01', to: '2026-07-01' })).toEqual([firstOfJuly, endOfJuly1].sort());
    expect(await ids({ to: '2026-06-30' })).toEqual([lastOfJune]);
    expect(await ids({ from: '2026-07-02' })).toEqual([secondOfJuly]);
    // The form sends day, month and year: the same filter.
    const parsed = ZAuditFilter.parse({ from: '2026-07-01' });
    expect(parsed.from).toBe('2026-07-01');
    expect(ZAuditFilter.safeParse({ from: '2026-07-02', to: '2026-07-01' }).error?.issues[0]?.message).toBe('The end date must be the same as or after the start date');
  });

  it('pages newest first, fifty at a time, by keyset: older pages, and back to the newer', async () => {
    const moment = new Date('2026-10-01T09:00:00.123456Z');
    for (let i = 0; i < 120; i++) await insertEvent(staff.pager, { occurredAt: moment, action: 'child.view_for_edit', reason: `event ${i}` });
    const first = await list(staff.national, { username: staff.pager.username });
    expect(first.events).toHaveLength(50);
    expect(first.newer).toBeNull();
    expect(first.events[0]!.reason).toBe('event 119');
    const second = await list(staff.national, { username: staff.pager.username, before: first.older! });
    expect(second.events[0]!.reason).toBe('event 69');
    const third = await list(staff.national, { username: staff.pager.username, before: second.older! });
    expect(third.events).toHaveLength(20);
    expect(third.older).toBeNull();
    const back = await list(staff.national, { username: staff.pager.username, after: second.newer! });
    expect(back.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(back.newer).toBeNull();
  });
});

describe('who may read which events', () => {
  it('gives a local access manager their own council’s staff and children, never another council’s alone', async () => {
    const [ownA, ownB] = [await list(staff.adminA, { action: 'child.view' }), await list(staff.adminB, { action: 'child.view' })];
    const seen = (page: typeof ownA) => page.events.map((e) => `${e.who} → ${e.indexNumbers.join()}`).sort();
    // Council A: its own practitioner, and the outsider who looked at its child; not the outsider's own child.
    expect(seen(ownA)).toEqual([`Bea Outsider → ${childA.indexNumber}`, `Pat Practitioner → ${childA.indexNumber}`].sort());
    // Council B: its own practitioner's two views; not council A's practitioner looking at council A's child.
    expect(seen(ownB)).toEqual([`Bea Outsider → ${childA.indexNumber}`, `Bea Outsider → ${childB.indexNumber}`].sort());
    expect((await list(staff.adminA, { indexNumber: childB.indexNumber, username: staff.practitionerB.username })).events).toEqual([]);
    expect((await list(staff.caseworkerA, { action: 'child.view' })).events.length).toBe(ownA.events.length);
    expect((await list(staff.national, { action: 'child.view' })).events.length).toBeGreaterThanOrEqual(3);
  });

  it('shows one event only to those who may read it', async () => {
    const [outsidersOwn] = (await list(staff.national, { indexNumber: childB.indexNumber, action: 'child.view' })).events;
    expect(await viewAuditEvent({ db: database.db, viewer: staff.adminA, eventId: outsidersOwn!.id })).toBeNull();
    expect(await viewAuditEvent({ db: database.db, viewer: staff.adminB, eventId: outsidersOwn!.id })).toMatchObject({ who: 'Bea Outsider' });
  });

  it('refuses practitioners', async () => {
    await expect(list(staff.practitionerA)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(viewAuditEvent({ db: database.db, viewer: staff.practitionerA, eventId: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportAuditEvents({ db: database.db, viewer: staff.practitionerA, filter: filter() })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listAuditOrganisations({ db: database.db, viewer: staff.practitionerA })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('offers a local access manager only their council’s organisations to filter by', async () => {
    const offered = await listAuditOrganisations({ db: database.db, viewer: staff.adminA });
    expect(offered.map((o) => o.id)).toContain(staff.practitionerA.organisationId);
    expect(offered.map((o) => o.id)).not.toContain(staff.practitionerB.organisationId);
    expect((await listAuditOrganisations({ db: database.db, viewer: staff.national })).map((o) => o.id)).toContain(staff.practitionerA.organisationId);
  });
});

describe('what is shown where', () => {
  it('keeps a search’s typed name and date of birth out of the list and the CSV, and shows them on the event’s own page', async () => {
    const { events } = await list(staff.adminA, { username: staff.practitionerA.username });
    expect(JSON.stringify(events)).not.toContain('Wexfordhame');
    const { csv } = await exportAuditEvents({ db: database.db, viewer: staff.adminA, filter: filter({ username: staff.practitionerA.username }) });
    expect(csv).not.toContain('Wexfordhame');
    expect(csv).not.toContain('2015-06-01');
    const detail = await viewAuditEvent({ db: database.db, viewer: staff.adminA, eventId: searchByA });
    expect(detail).toMatchObject({ action: 'child.search', query: { familyName: 'Wexfordhame', dateOfBirth: '2015-06-01' } });
  });

  it('audits every read of the trail, with the filter as identifiers and never the user name typed', async () => {
    const before = Date.now();
    const page = await list(staff.caseworkerA, { indexNumber: childA.indexNumber, username: staff.practitionerA.username });
    expect(page.events.some((e) => e.action.startsWith('audit.'))).toBe(false);
    await viewAuditEvent({ db: database.db, viewer: staff.caseworkerA, eventId: searchByA });
    await exportAuditEvents({ db: database.db, viewer: staff.caseworkerA, filter: filter({ action: 'child.view' }) });
    const trail = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, staff.caseworkerA.id));
    const explored = trail.find((e) => e.action === 'audit.explore' && e.occurredAt.getTime() >= before - 1000 && e.childIds.includes(childA.childId));
    expect(explored).toBeDefined();
    expect(explored!.query).toMatchObject({ filter: { indexNumber: childA.indexNumber, staffUserId: staff.practitionerA.id }, shown: page.events.length });
    expect(JSON.stringify(explored!.query)).not.toContain(staff.practitionerA.username);
    expect(trail.find((e) => e.action === 'audit.view_event')?.query).toEqual({ eventId: searchByA });
    expect(trail.find((e) => e.action === 'audit.export')?.query).toMatchObject({ filter: { action: 'child.view' }, truncated: false });
    // …and the explorer shows those reads to whoever may read them.
    const reads = await list(staff.adminA, { username: staff.caseworkerA.username });
    expect(reads.events.map((e) => e.actionLabel)).toEqual(expect.arrayContaining(['Looked at the audit trail', 'Looked at an audit event', 'Downloaded the audit trail']));
  });

  it('exports CSV with a header, quoted fields, and no cell a spreadsheet would run', async () => {
    await insertEvent(staff.dater, { occurredAt: new Date('2026-05-05T12:00:00Z'), action: 'child.shield_override', reason: '=HYPERLINK("http://x.example","click"), urgent', childIds: [childA.childId] });
    const { csv, rowCount, truncated } = await exportAuditEvents({ db: database.db, viewer: staff.adminA, filter: filter({ username: staff.dater.username, action: 'child.shield_override' }) });
    expect({ rowCount, truncated }).toEqual({ rowCount: 1, truncated: false });
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe('Event,When (UK time),When (UTC),Who,User name,Role,Organisation,Action,Action code,Reason,Index numbers,Outcome');
    expect(row).toContain(',2026-05-05 13:00:00,2026-05-05T12:00:00.000Z,');
    expect(row).toContain(`,"'=HYPERLINK(""http://x.example"",""click""), urgent",`);
    expect(row).toContain(childA.indexNumber.replace(/^(.{4})(.{4})/, '$1 $2 '));
    expect(end).toBe('');
  });
});

describe('the citizen’s “who looked at my record”', () => {
  it('lists the organisations that viewed the record, from the same events, without a person', async () => {
    const viewers = await listRecordViewers({ db: database.db, childId: childA.childId, relationship: 'parent' });
    const [orgA] = await database.db.select().from(organisations).where(eq(organisations.id, staff.practitionerA.organisationId));
    const [orgB] = await database.db.select().from(organisations).where(and(eq(organisations.id, staff.practitionerB.organisationId)));
    expect(viewers.map((v) => v.organisationName).sort()).toEqual([orgA!.name, orgB!.name].sort());
    expect(JSON.stringify(viewers)).not.toMatch(/Pat Practitioner|Bea Outsider/);
    // A direct event of another kind is not a view.
    await recordAuditEvent({ db: database.db, event: { actorKind: 'staff', actorId: staff.dater.id, organisationId: staff.dater.organisationId, action: 'child.search', childIds: [childA.childId] } });
    expect(await listRecordViewers({ db: database.db, childId: childA.childId, relationship: 'parent' })).toHaveLength(viewers.length);
  });
});
