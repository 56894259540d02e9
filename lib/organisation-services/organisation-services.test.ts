import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organisations, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { listServicesFor } from '@/lib/involvements/list-services-for';
import { recordInvolvement } from '@/lib/involvements/record-involvement';
import { addOrganisationService } from './add-organisation-service';
import { approveOrganisationService } from './approve-organisation-service';
import { listOrganisationServices } from './list-organisation-services';
import { listOrganisationsToManage } from './list-organisations-to-manage';
import { removeOrganisationService } from './remove-organisation-service';

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;
let admin: Staff;
let national: Staff;
let teacher: Staff;
let caseworker: Staff;
let otherAdmin: Staff;
let secondAdmin: Staff;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 100, seed: 5, asOf: new Date().toISOString().slice(0, 10), reset: false, demoAccounts: true });
  const byName = async (username: string) => (await database.db.select().from(staffUsers).where(eq(staffUsers.username, username)))[0]!;
  admin = await byName('demo.admin');
  national = await byName('demo.national');
  teacher = await byName('demo.teacher');
  caseworker = await byName('demo.caseworker');
  secondAdmin = await createStaffFixture(database.db, admin.localAuthorityCode, { role: 'administrator' });
  const [elsewhere] = await database.sql<{ code: string }[]>`select code from local_authorities where code <> ${admin.localAuthorityCode} limit 1`;
  otherAdmin = await createStaffFixture(database.db, elsewhere!.code, { role: 'administrator' });
});
afterAll(async () => {
  await database?.drop();
});

const eventsOf = (staff: Staff, action: string) =>
  database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, staff.id), eq(auditEvents.action, action)));

const involvement = (serviceCode: string) => ({
  serviceCode,
  role: 'School nurse',
  phone: '0113 496 0123',
  email: undefined,
  startedOn: '2026-09-04',
  consentBasis: 'consent' as const,
});

describe('an organisation’s services, kept by its access managers', () => {
  it('lists the organisations an access manager manages, with their services, and audits the read', async () => {
    const listed = await listOrganisationsToManage({ db: database.db, admin });
    const school = listed.find((o) => o.id === teacher.organisationId);
    expect(school?.services).toEqual(['School or education setting']);
    const [row] = await database.db.select().from(organisations).where(eq(organisations.id, teacher.organisationId));
    expect(listed.every((o) => o.localAuthorityCode === row!.localAuthorityCode)).toBe(true);
    expect(await eventsOf(admin, 'organisation_services.list')).toHaveLength(1);
  });

  it('shows one organisation’s services and the others it could add, audited', async () => {
    const { organisation, services, notProvided } = await listOrganisationServices({ db: database.db, admin, organisationId: teacher.organisationId });
    expect(organisation.id).toBe(teacher.organisationId);
    expect(services.map((s) => s.code)).toEqual(['education']);
    expect(notProvided.map((s) => s.code)).toContain('school_nurse');
    expect(notProvided.map((s) => s.code)).not.toContain('education');
    const [viewed] = await eventsOf(admin, 'organisation_services.view');
    expect(viewed).toMatchObject({ outcome: 'ok', query: { organisationId: teacher.organisationId } });
  });

  it('adds a service with a reason, so its practitioners may record as it; removing it stops them again', async () => {
    const { childId } = await createChildFixture(database.db);
    expect(await addOrganisationService({ db: database.db, admin, organisationId: teacher.organisationId, serviceCode: 'school_nurse', reason: 'The school employs its own nurse' })).toEqual({ pending: false });
    expect((await listServicesFor({ db: database.db, practitioner: teacher })).map((s) => s.code).sort()).toEqual(['education', 'school_nurse']);
    await recordInvolvement({ db: database.db, practitioner: teacher, childId, involvement: involvement('school_nurse') });
    const [added] = await eventsOf(admin, 'organisation_services.add');
    expect(added).toMatchObject({ reason: 'The school employs its own nurse', query: { organisationId: teacher.organisationId, serviceCode: 'school_nurse' } });

    await removeOrganisationService({ db: database.db, admin, organisationId: teacher.organisationId, serviceCode: 'school_nurse', reason: 'The nurse has left the school' });
    expect((await listServicesFor({ db: database.db, practitioner: teacher })).map((s) => s.code)).toEqual(['education']);
    const other = await createChildFixture(database.db);
    await expect(recordInvolvement({ db: database.db, practitioner: teacher, childId: other.childId, involvement: involvement('school_nurse') })).rejects.toMatchObject({ code: 'forbidden' });
    const [removed] = await eventsOf(admin, 'organisation_services.remove');
    expect(removed).toMatchObject({ reason: 'The nurse has left the school' });
  });

  it('refuses a service already provided, an unknown one, and removing one not provided', async () => {
    const on = { db: database.db, admin, organisationId: teacher.organisationId, reason: 'A reason given' };
    await expect(addOrganisationService({ ...on, serviceCode: 'education' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(addOrganisationService({ ...on, serviceCode: 'not_a_service' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(removeOrganisationService({ ...on, serviceCode: 'camhs' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('needs a second access manager for a sensitive service: the one who added it cannot approve it', async () => {
    const nurse = await createStaffFixture(database.db, admin.localAuthorityCode, { role: 'practitioner' });
    await database.db.update(staffUsers).set({ sensitiveServiceCode: 'counselling' }).where(eq(staffUsers.id, nurse.id));
    const asNurse = { ...nurse, sensitiveServiceCode: 'counselling' };
    const on = { db: database.db, organisationId: nurse.organisationId, serviceCode: 'counselling' };
    expect(await addOrganisationService({ ...on, admin, reason: 'Counsellors now work from here' })).toEqual({ pending: true });
    expect((await listOrganisationServices({ db: database.db, admin, organisationId: nurse.organisationId })).services.find((s) => s.code === 'counselling')).toMatchObject({ pending: true, isSensitive: true });
    expect((await listServicesFor({ db: database.db, practitioner: asNurse })).map((s) => s.code)).not.toContain('counselling');

    await expect(approveOrganisationService({ ...on, admin, reason: 'Approving my own' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await eventsOf(admin, 'organisation_services.approve')).toMatchObject([{ outcome: 'refused' }]);
    const { childId } = await createChildFixture(database.db);
    await expect(recordInvolvement({ db: database.db, practitioner: asNurse, childId, involvement: involvement('counselling') })).rejects.toMatchObject({ code: 'forbidden' });

    await approveOrganisationService({ ...on, admin: secondAdmin, reason: 'Checked with the commissioner' });
    expect(await eventsOf(secondAdmin, 'organisation_services.approve')).toMatchObject([{ outcome: 'ok', reason: 'Checked with the commissioner' }]);
    await recordInvolvement({ db: database.db, practitioner: asNurse, childId, involvement: involvement('counselling') });
    await expect(approveOrganisationService({ ...on, admin: national, reason: 'Approving twice' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses, and audits, an access manager of another council and anyone who is not an access manager', async () => {
    for (const intruder of [otherAdmin, caseworker, teacher]) {
      const on = { db: database.db, admin: intruder, organisationId: teacher.organisationId };
      await expect(listOrganisationServices(on)).rejects.toMatchObject({ code: 'not_found' });
      await expect(addOrganisationService({ ...on, serviceCode: 'camhs', reason: 'Let me in please' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(removeOrganisationService({ ...on, serviceCode: 'education', reason: 'Let me in please' })).rejects.toMatchObject({ code: 'not_found' });
      expect(await eventsOf(intruder, 'organisation_services.view')).toMatchObject([{ outcome: 'refused' }]);
      expect(await eventsOf(intruder, 'organisation_services.add')).toMatchObject([{ outcome: 'refused' }]);
      expect(await eventsOf(intruder, 'organisation_services.remove')).toMatchObject([{ outcome: 'refused' }]);
    }
    expect((await listServicesFor({ db: database.db, practitioner: teacher })).map((s) => s.code)).toEqual(['education']);
    await expect(listOrganisationServices({ db: database.db, admin, organisationId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
    const national_ = await listOrganisationServices({ db: database.db, admin: national, organisationId: teacher.organisationId });
    expect(national_.services.map((s) => s.code)).toEqual(['education']);
  });
});
