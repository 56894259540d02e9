import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { ZVetting } from '@/lib/validation/staff-user';
import { approveStaffPrivileges } from './approve-staff-privileges';
import { changeAccountStatus } from './change-account-status';
import { createStaffUser } from './create-staff-user';
import { listStaffUsers } from './list-staff-users';
import type { Administrator } from './manages';
import { recordVetting } from './record-vetting';

// Issue 22, item 6: one access manager set their own police-check expiry to 2099, made a child-protection
// practitioner with an email of their choosing and vetted it alone, and suspended the national administrator.

let database: TestDatabase;
let localAdmin: Administrator;
let national: Administrator;
let schoolId: string;
const today = new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 200, seed: 5, asOf: today, reset: false, demoAccounts: true });
  const byName = async (username: string) => (await database.db.select().from(staffUsers).where(eq(staffUsers.username, username)))[0]!;
  localAdmin = await byName('demo.admin');
  national = await byName('demo.national');
  const [school] = await database.db.select().from(organisations).where(eq(organisations.localAuthorityCode, localAdmin.localAuthorityCode)).limit(1);
  schoolId = school!.id;
});
afterAll(async () => {
  await database?.drop();
});

const user = async (id: string) => (await database.db.select().from(staffUsers).where(eq(staffUsers.id, id)))[0]!;
const refusals = (action: string, actorId: string) => database.sql<{ query: { staffUserId: string; refusal: string } }[]>`
  select query from audit_events where action = ${action} and actor_id = ${actorId} and outcome = 'refused' order by id`;
const form = (fields: Record<string, string>) => ZVetting.parse({ trainingCompletedOn: '', userAgreementSignedOn: '', policeCheckIssuedOn: '', ...fields });
const newUser = (username: string, grant: { hasChildProtectionRole?: boolean; sensitiveServiceCode?: string | null } = {}) => ({
  username,
  displayName: 'Robin Hale',
  email: `${username}@mail.example.org`,
  role: 'practitioner' as const,
  organisationId: schoolId,
  hasChildProtectionRole: grant.hasChildProtectionRole ?? false,
  sensitiveServiceCode: grant.sensitiveServiceCode ?? null,
});

describe('vetting needs two people', () => {
  it('refuses an access manager recording their own clearance, changing nothing, and audits the refusal', async () => {
    const before = await user(localAdmin.id);
    await expect(
      recordVetting({ db: database.db, admin: localAdmin, staffUserId: localAdmin.id, vetting: form({ policeCheckIssuedOn: today, trainingCompletedOn: today }) }),
    ).rejects.toThrow(/another access manager must record your own/);
    const after = await user(localAdmin.id);
    expect([after.policeCheckExpiresOn, after.trainingCompletedOn]).toEqual([before.policeCheckExpiresOn, before.trainingCompletedOn]);
    expect((await refusals('staff_admin.vetting_recorded', localAdmin.id)).map((r) => r.query.staffUserId)).toContain(localAdmin.id);
  });

  it('dates a police check from the day it was issued: it expires three years later, whatever expiry is posted', async () => {
    const id = await createStaffUser({ db: database.db, admin: localAdmin, input: newUser('robin.hale') });
    await recordVetting({ db: database.db, admin: localAdmin, staffUserId: id, vetting: form({ policeCheckIssuedOn: '2026-01-05', policeCheckExpiresOn: '2099-12-31' }) });
    expect((await user(id)).policeCheckExpiresOn).toBe('2029-01-05');
    // A check issued on 29 February lasts until 28 February three years on, never into March.
    await recordVetting({ db: database.db, admin: localAdmin, staffUserId: id, vetting: form({ policeCheckIssuedOn: '2024-02-29' }) });
    expect((await user(id)).policeCheckExpiresOn).toBe('2027-02-28');
  });

  it('refuses training, a user agreement or a police check dated in the future, changing nothing, and audits it', async () => {
    const id = await createStaffUser({ db: database.db, admin: localAdmin, input: newUser('kit.future') });
    const tomorrow = daysFromToday(1);
    for (const [field, message] of [
      ['trainingCompletedOn', /training.*cannot be in the future/i],
      ['userAgreementSignedOn', /user agreement.*cannot be in the future/i],
      ['policeCheckIssuedOn', /police check.*cannot be in the future/i],
    ] as const) {
      await expect(recordVetting({ db: database.db, admin: localAdmin, staffUserId: id, vetting: form({ [field]: tomorrow }) })).rejects.toThrow(message);
    }
    await expect(recordVetting({ db: database.db, admin: localAdmin, staffUserId: id, vetting: form({ policeCheckIssuedOn: '2096-06-01' }) })).rejects.toThrow(/future/);
    const kit = await user(id);
    expect([kit.trainingCompletedOn, kit.userAgreementSignedOn, kit.policeCheckExpiresOn]).toEqual([null, null, null]);
    expect((await refusals('staff_admin.vetting_recorded', localAdmin.id)).filter((r) => r.query.staffUserId === id)).toHaveLength(4);
  });

  it('gives a child-protection role only when a second access manager approves it; the one who asked cannot', async () => {
    const id = await createStaffUser({ db: database.db, admin: localAdmin, input: newUser('cp.alone', { hasChildProtectionRole: true }) });
    await recordVetting({ db: database.db, admin: localAdmin, staffUserId: id, vetting: form({ trainingCompletedOn: today, userAgreementSignedOn: today, policeCheckIssuedOn: today }) });
    expect((await user(id)).hasChildProtectionRole).toBe(false);
    const listed = (await listStaffUsers({ db: database.db, admin: localAdmin })).find((u) => u.id === id)!;
    expect(listed.waitingForApproval).toEqual(['Child-protection role']);

    await expect(approveStaffPrivileges({ db: database.db, admin: localAdmin, staffUserId: id })).rejects.toThrow(/another access manager must approve/);
    expect((await user(id)).hasChildProtectionRole).toBe(false);
    expect((await refusals('staff_admin.privileges_approved', localAdmin.id)).map((r) => r.query.staffUserId)).toEqual([id]);

    await approveStaffPrivileges({ db: database.db, admin: national, staffUserId: id });
    expect((await user(id)).hasChildProtectionRole).toBe(true);
    const [approved] = await database.sql<{ query: { requestedByStaffId: string } }[]>`
      select query from audit_events where action = 'staff_admin.privileges_approved' and actor_id = ${national.id} and outcome = 'ok'`;
    expect(approved?.query.requestedByStaffId).toBe(localAdmin.id);
    await expect(approveStaffPrivileges({ db: database.db, admin: national, staffUserId: id })).rejects.toThrow(/nothing waiting/);
  });

  it('gives access to a sensitive service only when a second access manager approves it', async () => {
    const id = await createStaffUser({ db: database.db, admin: national, input: newUser('nurse.waiting', { sensitiveServiceCode: 'sexual_health' }) });
    expect((await user(id)).sensitiveServiceCode).toBeNull();
    await expect(approveStaffPrivileges({ db: database.db, admin: national, staffUserId: id })).rejects.toThrow(/another access manager must approve/);
    await approveStaffPrivileges({ db: database.db, admin: localAdmin, staffUserId: id });
    expect((await user(id)).sensitiveServiceCode).toBe('sexual_health');
  });

  it('does not let a local access manager act on a national one: no suspension, vetting or token reset, each audited', async () => {
    for (const change of ['suspend', 'reset_token'] as const) {
      await expect(
        changeAccountStatus({ db: database.db, admin: localAdmin, staffUserId: national.id, change, reason: 'Taking over the index' }),
      ).rejects.toThrow(/no such user/);
    }
    await expect(recordVetting({ db: database.db, admin: localAdmin, staffUserId: national.id, vetting: form({ policeCheckIssuedOn: today }) })).rejects.toThrow(/no such user/);
    const after = await user(national.id);
    expect(after.status).toBe('active');
    expect(after.totpSecret).not.toBeNull();
    expect(await refusals('staff_admin.suspend', localAdmin.id)).toEqual([expect.objectContaining({ query: expect.objectContaining({ staffUserId: national.id }) })]);
    expect(await refusals('staff_admin.reset_token', localAdmin.id)).toHaveLength(1);
    expect((await listStaffUsers({ db: database.db, admin: localAdmin })).map((u) => u.id)).not.toContain(national.id);
  });
});
