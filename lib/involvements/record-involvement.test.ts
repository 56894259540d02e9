import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, emailOutbox, indications, involvements, recordVersions, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { addInvolvementFixture, createChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { AppError } from '@/lib/kernel/errors';
import type { TInvolvement } from '@/lib/validation/involvement';
import { endInvolvement } from './end-involvement';
import { recordIndication } from './record-indication';
import { recordInvolvement } from './record-involvement';

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;
let teacher: Staff;
let sexualHealth: Staff;
let caseworker: Staff;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 100, seed: 9, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const byName = async (username: string) => (await database.db.select().from(staffUsers).where(eq(staffUsers.username, username)))[0]!;
  teacher = await byName('demo.teacher');
  sexualHealth = await byName('demo.sexualhealth');
  caseworker = await byName('demo.caseworker');
});
afterAll(async () => {
  await database?.drop();
});

const involvement = (overrides: Partial<TInvolvement> = {}): TInvolvement => ({
  serviceCode: 'education',
  role: 'Class teacher',
  phone: '0113 496 0123',
  email: undefined,
  startedOn: '2026-09-04',
  consentBasis: undefined,
  ...overrides,
});

const emailsTo = async (address: string) => database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));

describe('recording involvement', () => {
  it('adds the practitioner to the record, versions it, audits it and tells the others involved — and only them', async () => {
    const { childId, indexNumber } = await createChildFixture(database.db);
    await addInvolvementFixture(database.db, childId, { serviceCode: 'school_nurse', email: 'nurse.one@nhs.example' });
    await addInvolvementFixture(database.db, childId, { serviceCode: 'camhs', email: 'camhs.worker@nhs.example' });
    const ended = await addInvolvementFixture(database.db, childId, { serviceCode: 'youth_service', email: 'gone@council.example' });
    await database.db.update(involvements).set({ endedOn: '2026-01-01' }).where(eq(involvements.id, ended.involvementId));

    const result = await recordInvolvement({ db: database.db, practitioner: teacher, childId, involvement: involvement() });
    expect(result.othersTold).toBe(2);

    const [row] = await database.db.select().from(involvements).where(eq(involvements.id, result.involvementId));
    expect(row).toMatchObject({ practitionerStaffId: teacher.id, organisationId: teacher.organisationId, practitionerRole: 'Class teacher', recordedByStaffId: teacher.id, endedOn: null });
    const versions = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, childId));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 2, changedByStaffId: teacher.id });
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'involvement.record'), eq(auditEvents.actorId, teacher.id)));
    expect(audit!.childIds).toEqual([childId]);

    const [told] = await emailsTo('nurse.one@nhs.example');
    expect(told!.subject).toBe('Someone else now works with a child you work with');
    expect(told!.body).toContain(indexNumber.slice(0, 4));
    // A link to the record through sign-in, made on APP_URL alone, carrying only the record's random id.
    expect(told!.body).toContain(`http://localhost:3000/staff/sign-in?next=%2Fstaff%2Fchildren%2F${childId}`);
    // Nothing else: not who, not which service.
    expect(told!.body).not.toContain(teacher.displayName);
    expect(told!.body).not.toContain('School or education setting');
    expect(await emailsTo('camhs.worker@nhs.example')).toHaveLength(1);
    expect(await emailsTo('gone@council.example')).toHaveLength(0);
    expect(await emailsTo(teacher.email)).toHaveLength(0);
  });

  it('refuses the same practitioner twice for the same service, changing nothing', async () => {
    const { childId } = await createChildFixture(database.db);
    await recordInvolvement({ db: database.db, practitioner: teacher, childId, involvement: involvement() });
    await expect(recordInvolvement({ db: database.db, practitioner: teacher, childId, involvement: involvement() })).rejects.toMatchObject({ code: 'conflict' });
    expect(await database.db.select().from(involvements).where(eq(involvements.childId, childId))).toHaveLength(1);
  });

  it('lets only a sensitive service’s own practitioners record it, and only with its basis', async () => {
    const { childId } = await createChildFixture(database.db);
    const code = sexualHealth.sensitiveServiceCode!;
    await expect(recordInvolvement({ db: database.db, practitioner: teacher, childId, involvement: involvement({ serviceCode: code, consentBasis: 'consent' }) })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(recordInvolvement({ db: database.db, practitioner: sexualHealth, childId, involvement: involvement({ serviceCode: code }) })).rejects.toMatchObject({ code: 'invalid' });
    await recordInvolvement({ db: database.db, practitioner: sexualHealth, childId, involvement: involvement({ serviceCode: code, consentBasis: 'consent' }) });
    const rows = await database.db.select().from(involvements).where(eq(involvements.childId, childId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.consentBasis).toBe('consent');
  });

  it('is for practitioners: the index team changes records through casework', async () => {
    const { childId } = await createChildFixture(database.db);
    await expect(recordInvolvement({ db: database.db, practitioner: caseworker, childId, involvement: involvement() })).rejects.toThrow(AppError);
  });
});

describe('ending involvement', () => {
  it('ends only the practitioner’s own involvement', async () => {
    const { childId } = await createChildFixture(database.db);
    const { involvementId } = await recordInvolvement({ db: database.db, practitioner: teacher, childId, involvement: involvement() });
    await expect(endInvolvement({ db: database.db, practitioner: sexualHealth, involvementId })).rejects.toMatchObject({ code: 'not_found' });
    expect(await endInvolvement({ db: database.db, practitioner: teacher, involvementId, now: new Date('2026-11-25T23:30:00Z') })).toBe(childId);
    const [row] = await database.db.select().from(involvements).where(eq(involvements.id, involvementId));
    expect(row!.endedOn).toBe('2026-11-25');
    await expect(endInvolvement({ db: database.db, practitioner: teacher, involvementId })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('indications of action', () => {
  it('keeps one lead professional at a time', async () => {
    const { childId } = await createChildFixture(database.db);
    const lead = (contactName: string) => ({ kind: 'lead_professional' as const, contactName, contactPhone: '0113 496 0000', contactEmail: undefined, recordedOn: '2026-10-01' });
    await recordIndication({ db: database.db, practitioner: teacher, childId, indication: lead('First Lead') });
    await recordIndication({ db: database.db, practitioner: sexualHealth, childId, indication: lead('Second Lead') });
    await recordIndication({ db: database.db, practitioner: teacher, childId, indication: { ...lead('Assessor'), kind: 'caf_assessment' } });
    const current = await database.db.select().from(indications).where(and(eq(indications.childId, childId), isNull(indications.endedOn)));
    expect(current.map((i) => i.contactName).sort()).toEqual(['Assessor', 'Second Lead']);
  });
});
