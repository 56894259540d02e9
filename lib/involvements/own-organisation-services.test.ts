import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, involvements, organisationServices, organisations, serviceTypes, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { AppError } from '@/lib/kernel/errors';
import type { TInvolvement } from '@/lib/validation/involvement';
import { listServicesFor } from './list-services-for';
import { recordInvolvement } from './record-involvement';

// "A practitioner records involvement only as a service their own organisation provides." (issue 21, item 6)

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;
let teacher: Staff;
let socialWorker: Staff;
let sexualHealth: Staff;
let allCodes: { code: string; isSensitive: boolean }[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 100, seed: 9, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const byName = async (username: string) => (await database.db.select().from(staffUsers).where(eq(staffUsers.username, username)))[0]!;
  teacher = await byName('demo.teacher');
  socialWorker = await byName('demo.socialworker');
  sexualHealth = await byName('demo.sexualhealth');
  allCodes = await database.db.select({ code: serviceTypes.code, isSensitive: serviceTypes.isSensitive }).from(serviceTypes);
});
afterAll(async () => {
  await database?.drop();
});

const involvement = (serviceCode: string, overrides: Partial<TInvolvement> = {}): TInvolvement => ({
  serviceCode,
  role: 'Pastoral lead',
  phone: '0113 496 0123',
  email: undefined,
  startedOn: '2026-09-04',
  consentBasis: 'consent',
  ...overrides,
});

/** A practitioner of an organisation of their own, made for the test, providing exactly `services`. */
async function practitionerOf(services: string[], sensitiveServiceCode: string | null = null): Promise<Staff> {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const [organisation] = await database.db
    .insert(organisations)
    .values({ kind: 'health_service', name: `Test provider ${tag}`, localAuthorityCode: teacher.localAuthorityCode })
    .returning();
  const approvedAt = new Date();
  if (services.length) await database.db.insert(organisationServices).values(services.map((serviceTypeCode) => ({ organisationId: organisation!.id, serviceTypeCode, approvedAt })));
  const [user] = await database.db
    .insert(staffUsers)
    .values({
      username: `prac.${tag}`,
      displayName: `Practitioner ${tag}`,
      email: `prac.${tag}@example.org`,
      role: 'practitioner',
      organisationId: organisation!.id,
      localAuthorityCode: teacher.localAuthorityCode,
      sensitiveServiceCode,
      status: 'active',
    })
    .returning();
  return user!;
}

const refusalsOf = (staff: Staff) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'involvement.record'), eq(auditEvents.actorId, staff.id), eq(auditEvents.outcome, 'refused')));

async function expectRefused(staff: Staff, serviceCode: string) {
  const { childId } = await createChildFixture(database.db);
  const before = (await refusalsOf(staff)).length;
  const attempt = recordInvolvement({ db: database.db, practitioner: staff, childId, involvement: involvement(serviceCode) });
  await expect(attempt).rejects.toBeInstanceOf(AppError);
  await expect(attempt).rejects.toMatchObject({ code: 'forbidden', userMessage: expect.stringMatching(/service your organisation provides/) });
  expect(await database.db.select().from(involvements).where(eq(involvements.childId, childId))).toEqual([]);
  const refusals = await refusalsOf(staff);
  expect(refusals).toHaveLength(before + 1);
  expect(refusals.at(-1)).toMatchObject({ organisationId: staff.organisationId, childIds: [childId], query: expect.objectContaining({ service: serviceCode }) });
}

describe('the involvement form offers only the organisation’s services', () => {
  it('offers a teacher education only, a social worker the council’s services, a sexual health nurse their own service', async () => {
    expect((await listServicesFor({ db: database.db, practitioner: teacher })).map((s) => s.code)).toEqual(['education']);
    const council = (await listServicesFor({ db: database.db, practitioner: socialWorker })).map((s) => s.code);
    expect(council).toContain('childrens_social_care');
    expect(council).not.toContain('camhs');
    expect((await listServicesFor({ db: database.db, practitioner: sexualHealth })).map((s) => s.code)).toContain(sexualHealth.sensitiveServiceCode);
  });

  it('does not offer a sensitive service still waiting for its second access manager', async () => {
    const nurse = await practitionerOf(['school_nurse'], 'counselling');
    await database.db.insert(organisationServices).values({ organisationId: nurse.organisationId, serviceTypeCode: 'counselling', addedByStaffId: teacher.id });
    expect((await listServicesFor({ db: database.db, practitioner: nurse })).map((s) => s.code)).toEqual(['school_nurse']);
    await expectRefused(nurse, 'counselling');
  });
});

describe('the server refuses any other service, and audits the refusal', () => {
  it('refuses a primary-school teacher recording as CAMHS or children’s social care (another organisation’s services)', async () => {
    await expectRefused(teacher, 'camhs');
    await expectRefused(teacher, 'childrens_social_care');
  });

  it('refuses a forged or unknown code', async () => {
    await expectRefused(teacher, 'not_a_service');
    await expectRefused(teacher, "education' or '1'='1");
    await expectRefused(teacher, 'EDUCATION');
  });

  it('refuses a service the organisation has stopped providing', async () => {
    const nurse = await practitionerOf(['school_nurse']);
    const { childId } = await createChildFixture(database.db);
    await recordInvolvement({ db: database.db, practitioner: nurse, childId, involvement: involvement('school_nurse') });
    await database.db
      .delete(organisationServices)
      .where(and(eq(organisationServices.organisationId, nurse.organisationId), eq(organisationServices.serviceTypeCode, 'school_nurse')));
    await expectRefused(nurse, 'school_nurse');
  });

  it('records as the organisation’s own service', async () => {
    const { childId } = await createChildFixture(database.db);
    const { involvementId } = await recordInvolvement({ db: database.db, practitioner: socialWorker, childId, involvement: involvement('childrens_social_care') });
    const [row] = await database.db.select().from(involvements).where(eq(involvements.id, involvementId));
    expect(row).toMatchObject({ serviceTypeCode: 'childrens_social_care', organisationId: socialWorker.organisationId });
  });

  it('for any organisation’s services and any requested code: recorded if and only if the organisation provides it', async () => {
    const codes = allCodes.map((s) => s.code);
    const sensitive = new Set(allCodes.filter((s) => s.isSensitive).map((s) => s.code));
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(codes),
        fc.option(fc.constantFrom(...sensitive), { nil: null }),
        fc.oneof(fc.constantFrom(...codes), fc.string({ maxLength: 50 })),
        async (provided, own, requested) => {
          const staff = await practitionerOf(provided, own);
          const { childId } = await createChildFixture(database.db);
          const allowed = provided.includes(requested) && (!sensitive.has(requested) || requested === own);
          const attempt = recordInvolvement({ db: database.db, practitioner: staff, childId, involvement: involvement(requested) });
          if (allowed) await attempt;
          else await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
          const recorded = await database.db.select().from(involvements).where(eq(involvements.childId, childId));
          expect(recorded.map((r) => r.serviceTypeCode)).toEqual(allowed ? [requested] : []);
          expect(await refusalsOf(staff)).toHaveLength(allowed ? 0 : 1);
        },
      ),
      { numRuns: 25 },
    );
  });
});
