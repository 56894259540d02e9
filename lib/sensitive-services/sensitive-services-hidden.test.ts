import { eq, ne } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childCarers, citizenAccounts, citizenRecordLinks, emailOutbox, organisationServices, organisations, parentAccessAgreements, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { addInvolvementFixture, createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { exportAuditEvents } from '@/lib/audit/export-audit-events';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { viewAuditEvent } from '@/lib/audit/view-audit-event';
import { recordInvolvement } from '@/lib/involvements/record-involvement';
import { viewOwnRecord } from '@/lib/portal/view-own-record';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { viewChildRecord } from '@/lib/records/view-child-record';
import { findChildren } from '@/lib/search/find-children';
import { ZAuditFilter } from '@/lib/validation/audit-filter';
import { ZChildSearch } from '@/lib/validation/child-search';

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;
let councilA: string;
let councilB: string;
/** A young people's sexual health clinic in council B: its name must reach no one outside the index team and it. */
let clinic: typeof organisations.$inferSelect;
const staff = {} as Record<'teacher' | 'nurse' | 'clinicReceptionist' | 'nurseColleague' | 'adminA' | 'adminB' | 'national' | 'caseworkerA', Staff>;

const NOW = new Date('2026-11-25T12:00:00Z');
const SECRET_REASON = 'clinic follow-up for chlamydia';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 50, seed: 21, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const probe = await createChildFixture(database.db);
  councilA = probe.localAuthorityCode;
  const [other] = await database.db.selectDistinct({ code: organisations.localAuthorityCode }).from(organisations).where(ne(organisations.localAuthorityCode, councilA)).limit(1);
  councilB = other!.code;
  clinic = (await database.db.insert(organisations).values({ kind: 'health_service', name: 'Brookfield Young People’s Clinic', localAuthorityCode: councilB }).returning())[0]!;

  const at = async (council: string, options: Parameters<typeof createStaffFixture>[2], set: Partial<Staff> = {}) => {
    const made = await createStaffFixture(database.db, council, options);
    if (Object.keys(set).length === 0) return made;
    return (await database.db.update(staffUsers).set(set).where(eq(staffUsers.id, made.id)).returning())[0]!;
  };
  staff.teacher = await at(councilA, { role: 'practitioner', displayName: 'Tess Teacher' });
  staff.nurse = await at(councilB, { role: 'practitioner', displayName: 'Nina Nurse' }, { sensitiveServiceCode: 'sexual_health', organisationId: clinic.id });
  staff.nurseColleague = await at(councilB, { role: 'practitioner', displayName: 'Nell Colleague' }, { sensitiveServiceCode: 'sexual_health', organisationId: clinic.id });
  // Works at the clinic but holds no sensitive-service role: the clinic's name is still the secret.
  staff.clinicReceptionist = await at(councilB, { role: 'practitioner', displayName: 'Rory Reception' }, { organisationId: clinic.id });
  // What each organisation provides: its practitioners record involvement only as one of these.
  await database.db
    .insert(organisationServices)
    .values([
      { organisationId: clinic.id, serviceTypeCode: 'sexual_health', approvedAt: new Date() },
      { organisationId: staff.teacher.organisationId, serviceTypeCode: 'early_help' },
    ])
    .onConflictDoNothing();
  staff.adminA = await at(councilA, { role: 'administrator' });
  staff.adminB = await at(councilB, { role: 'administrator' });
  staff.national = await at(councilB, { role: 'administrator' }, { isNationalAdministrator: true });
  staff.caseworkerA = await at(councilA, { role: 'caseworker' });
});
afterAll(async () => {
  await database?.drop();
});

let citizens = 0;
async function linkedCitizen(child: ChildFixture, relationship: 'self' | 'parent') {
  citizens += 1;
  const [citizen] = await database.db.insert(citizenAccounts).values({ email: `sensitive.citizen${citizens}@example.com` }).returning();
  const [carer] = await database.db.select().from(childCarers).where(eq(childCarers.childId, child.childId));
  const [link] = await database.db
    .insert(citizenRecordLinks)
    .values({ citizenId: citizen!.id, childId: child.childId, relationship, carerId: relationship === 'parent' ? carer!.carerId : null, verificationLevel: 'medium', verificationMethod: 'test' })
    .returning();
  if (relationship === 'parent') await database.db.insert(parentAccessAgreements).values({ childId: child.childId, carerId: carer!.carerId });
  return { citizen: citizen!, linkId: link!.id };
}

async function viewersSeenBy(child: ChildFixture, relationship: 'self' | 'parent') {
  const { citizen, linkId } = await linkedCitizen(child, relationship);
  const result = await viewOwnRecord({ db: database.db, citizen, linkId, now: NOW });
  if (result.outcome !== 'viewed') throw new Error(`expected the record, got ${result.reason}`);
  return result.view.viewers;
}

/** A real search (with the reason in the searcher's own words) and the record opened from its results. */
async function searchAndView(viewer: Staff, child: ChildFixture, familyName: string) {
  const search = await findChildren({
    db: database.db,
    actor: { id: viewer.id, organisationId: viewer.organisationId, kind: 'staff' },
    search: ZChildSearch.parse({ familyName, dateOfBirth: '2011-06-01', reason: 'other', reasonDetail: SECRET_REASON }),
  });
  const result = await viewChildRecord({ db: database.db, viewer, childId: child.childId, purposeEventId: search.auditEventId });
  expect(result.outcome).toBe('viewed');
  return search.auditEventId;
}

const filter = (input: Record<string, string>) => ZAuditFilter.parse(input);
const list = (viewer: Staff, input: Record<string, string> = {}) => listAuditEvents({ db: database.db, viewer, filter: filter(input) });
const csv = async (viewer: Staff, input: Record<string, string> = {}) => (await exportAuditEvents({ db: database.db, viewer, filter: filter(input) })).csv;

describe('a sexual health nurse finds a child, opens the record and records working with them', () => {
  let child: ChildFixture;
  let nurseSearch: number;

  beforeAll(async () => {
    child = await createChildFixture(database.db, { familyName: 'Ravensworthy', dateOfBirth: '2011-06-01' });
    await searchAndView(staff.teacher, child, 'Ravensworthy');
    nurseSearch = await searchAndView(staff.nurse, child, 'Ravensworthy');
    await searchAndView(staff.clinicReceptionist, child, 'Ravensworthy');
    await recordInvolvement({
      db: database.db,
      practitioner: staff.nurse,
      childId: child.childId,
      involvement: { serviceCode: 'sexual_health', role: 'Nurse', phone: '0113 496 0777', email: undefined, startedOn: '2026-11-01', consentBasis: 'consent' },
    });
  });

  it('the parent’s “who has looked” says “a health service”, never the clinic', async () => {
    const viewers = await viewersSeenBy(child, 'parent');
    expect(JSON.stringify(viewers)).not.toContain(clinic.name);
    expect(viewers.map((v) => v.organisationName)).toContain('A health service');
    // The teacher's school is an ordinary viewer, named as before.
    const [school] = await database.db.select().from(organisations).where(eq(organisations.id, staff.teacher.organisationId));
    expect(viewers.map((v) => v.organisationName)).toContain(school!.name);
  });

  it('the young person, whose consent the service was recorded with, sees the clinic by name', async () => {
    const viewers = await viewersSeenBy(child, 'self');
    expect(viewers.map((v) => v.organisationName)).toContain(clinic.name);
  });

  it('an access manager sees what the nurse did, but not which child: no index number, no typed query, no own-words reason', async () => {
    for (const admin of [staff.adminB, staff.national]) {
      const page = await list(admin, { username: staff.nurse.username });
      expect(page.events.map((e) => e.action)).toEqual(expect.arrayContaining(['child.search', 'child.view', 'involvement.record']));
      for (const event of page.events) {
        expect(event.childLinkWithheld).toBe(true);
        expect(event.indexNumbers).toEqual([]);
      }
      const text = JSON.stringify(page);
      expect(text).not.toContain(child.indexNumber);
      expect(text).not.toContain(SECRET_REASON);
      const exported = await csv(admin, { username: staff.nurse.username });
      expect(exported).toContain(staff.nurse.username);
      expect(exported).not.toContain(formatIndexNumber(child.indexNumber));
      expect(exported).not.toContain(SECRET_REASON);
      const detail = await viewAuditEvent({ db: database.db, viewer: admin, eventId: nurseSearch });
      expect(detail).not.toBeNull();
      expect(detail!.query).toBeNull();
      expect(JSON.stringify(detail)).not.toContain('Ravensworthy');
      expect(JSON.stringify(detail)).not.toContain(child.indexNumber);
    }
  });

  it('“who looked at this child” leaves the sensitive service’s events out for an access manager', async () => {
    for (const admin of [staff.adminA, staff.national]) {
      const byChild = await list(admin, { indexNumber: formatIndexNumber(child.indexNumber) });
      const actors = byChild.events.map((e) => e.username);
      expect(actors).toContain(staff.teacher.username);
      expect(actors).not.toContain(staff.nurse.username);
      expect(actors).not.toContain(staff.clinicReceptionist.username);
      expect(JSON.stringify(byChild)).not.toContain(clinic.name);
      const exported = await csv(admin, { indexNumber: formatIndexNumber(child.indexNumber) });
      expect(exported).not.toContain(clinic.name);
      expect(exported).not.toContain(staff.nurse.username);
    }
  });

  it('the child’s council’s access manager does not get another council’s sensitive-service events through the child', async () => {
    const page = await list(staff.adminA, { username: staff.nurse.username });
    expect(page.events).toEqual([]);
    expect(await viewAuditEvent({ db: database.db, viewer: staff.adminA, eventId: nurseSearch })).toBeNull();
  });

  it('the index team sees everything, child and all', async () => {
    const byChild = await list(staff.caseworkerA, { indexNumber: formatIndexNumber(child.indexNumber) });
    expect(byChild.events.map((e) => e.username)).toContain(staff.nurse.username);
    const nurses = byChild.events.filter((e) => e.username === staff.nurse.username);
    expect(nurses.every((e) => !e.childLinkWithheld && e.indexNumbers.includes(child.indexNumber))).toBe(true);
    const detail = await viewAuditEvent({ db: database.db, viewer: staff.caseworkerA, eventId: nurseSearch });
    expect(JSON.stringify(detail!.query)).toContain('Ravensworthy');
  });
});

describe('the email to the others involved', () => {
  it('says the same whichever service is new: nothing of the sexual health service', async () => {
    const bodies: string[] = [];
    for (const [practitioner, serviceCode] of [
      [staff.nurse, 'sexual_health'],
      [staff.teacher, 'early_help'],
    ] as const) {
      const child = await createChildFixture(database.db, { dateOfBirth: '2011-06-01' });
      const address = `told.${serviceCode}.${child.indexNumber}@school.example`;
      await addInvolvementFixture(database.db, child.childId, { serviceCode: 'school_nurse', email: address });
      await recordInvolvement({
        db: database.db,
        practitioner,
        childId: child.childId,
        involvement: { serviceCode, role: 'Nurse', phone: '0113 496 0777', email: undefined, startedOn: '2026-11-01', consentBasis: serviceCode === 'sexual_health' ? 'consent' : undefined },
      });
      const [told] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
      const text = `${told!.subject}\n${told!.body}`;
      for (const secret of [clinic.name, 'sexual', 'Sexual', 'sexual_health', staff.nurse.displayName, staff.nurse.email]) expect(text).not.toContain(secret);
      bodies.push(text.replace(formatIndexNumber(child.indexNumber), '<index number>').replaceAll(child.childId, '<record id>'));
    }
    expect(bodies[0]).toBe(bodies[1]);
  });
});

describe('the API and the search', () => {
  it('answer with who the child is, never a service', async () => {
    const child = await createChildFixture(database.db, { familyName: 'Thistlewaite', dateOfBirth: '2011-06-01' });
    await addInvolvementFixture(database.db, child.childId, { serviceCode: 'sexual_health' });
    for (const actor of [
      { id: staff.teacher.id, organisationId: staff.teacher.organisationId, kind: 'staff' as const },
      { id: staff.nurse.id, organisationId: staff.nurse.organisationId, kind: 'staff' as const },
    ]) {
      const result = await findChildren({ db: database.db, actor, search: ZChildSearch.parse({ familyName: 'Thistlewaite', dateOfBirth: '2011-06-01', reason: 'working_with_child' }) });
      expect(result.outcome).toBe('matches');
      const text = JSON.stringify(result);
      expect(text).not.toContain('sexual_health');
      expect(text).not.toContain('Provider sexual_health');
    }
  });
});

describe('hostile sequences of events', () => {
  type Actor = 'teacher' | 'nurse' | 'nurseColleague' | 'clinicReceptionist' | 'caseworkerEndingSensitive';
  const actorArb = fc.constantFrom<Actor>('teacher', 'nurse', 'nurseColleague', 'clinicReceptionist', 'caseworkerEndingSensitive');
  const actionArb = fc.constantFrom('child.view', 'child.household.view', 'child.search', 'involvement.record', 'involvement.end');
  const eventArb = fc.record({ actor: actorArb, action: actionArb, ownWords: fc.boolean() });
  const isSensitive = (actor: Actor) => actor !== 'teacher';

  it('no reader outside the index team and the service links a child to it, in any list, file or page', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 6 }), async (events) => {
        run += 1;
        const child = await createChildFixture(database.db, { dateOfBirth: '2011-06-01' });
        const marker = `own words ${run} ${Date.now()}`;
        const ids: { id: number; sensitive: boolean }[] = [];
        for (const event of events) {
          const actor = event.actor === 'caseworkerEndingSensitive' ? staff.caseworkerA : staff[event.actor];
          const query = event.actor === 'caseworkerEndingSensitive' ? { involvementId: crypto.randomUUID(), service: 'substance_misuse' } : { shieldOverride: false };
          const id = await recordAuditEvent({
            db: database.db,
            event: { actorKind: 'staff', actorId: actor.id, organisationId: actor.organisationId, action: event.action, reason: event.ownWords ? `other: ${marker}` : 'working_with_child', query, childIds: [child.childId] },
          });
          ids.push({ id, sensitive: isSensitive(event.actor) });
        }
        const sensitiveIds = new Set(ids.filter((e) => e.sensitive).map((e) => e.id));
        const indexNumber = formatIndexNumber(child.indexNumber);

        const parent = JSON.stringify(await viewersSeenBy(child, 'parent'));
        expect(parent).not.toContain(clinic.name);

        for (const admin of [staff.adminA, staff.adminB, staff.national]) {
          const byChild = await list(admin, { indexNumber });
          expect(byChild.events.filter((e) => sensitiveIds.has(e.id))).toEqual([]);
          expect(JSON.stringify(byChild)).not.toContain(clinic.name);
          const file = await csv(admin, { indexNumber });
          expect(file).not.toContain(clinic.name);
          for (const { id } of ids.filter((e) => e.sensitive)) {
            const detail = await viewAuditEvent({ db: database.db, viewer: admin, eventId: id });
            if (!detail) continue;
            expect(detail.indexNumbers).toEqual([]);
            expect(JSON.stringify(detail)).not.toContain(marker);
            expect(JSON.stringify(detail)).not.toContain('substance_misuse');
          }
        }
        const indexTeam = new Set((await list(staff.caseworkerA, { indexNumber })).events.map((e) => e.id));
        expect(ids.filter((e) => !indexTeam.has(e.id))).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
