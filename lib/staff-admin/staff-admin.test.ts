import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, organisations, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { signInStaff } from '@/lib/auth/sign-in-staff';
import { formatDate } from '@/lib/kernel/dates';
import { deliverQueuedEmail } from '@/lib/email/deliver-queued-email';
import { emailTransport } from '@/lib/email/transport';
import { AppError } from '@/lib/kernel/errors';
import { startSmtpListener, type SmtpListener } from '@/testing/smtp-listener';
import { activateStaffAccount } from './activate-staff-account';
import { changeAccountStatus } from './change-account-status';
import { createStaffUser } from './create-staff-user';
import { listStaffUsers } from './list-staff-users';
import type { Administrator } from './manages';
import { recordVetting } from './record-vetting';

let database: TestDatabase;
let smtp: SmtpListener;
let localAdmin: Administrator;
let schoolId: string;
let otherAuthoritySchoolId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpListener();
  await seedDatabase({ connection: database, children: 300, seed: 4, asOf: new Date().toISOString().slice(0, 10), reset: false, demoAccounts: true });
  const [admin] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.admin'));
  localAdmin = admin!;
  const [school] = await database.db.select().from(organisations).where(eq(organisations.localAuthorityCode, admin!.localAuthorityCode)).limit(1);
  schoolId = school!.id;
  const [elsewhere] = await database.sql<{ id: string }[]>`
    select id from organisations where local_authority_code <> ${admin!.localAuthorityCode} limit 1`;
  otherAuthoritySchoolId = elsewhere!.id;
});
afterAll(async () => {
  await smtp?.close();
  await database?.drop();
});

const newUser = (username: string, organisationId = schoolId) => ({
  username,
  displayName: 'Morgan Price',
  email: `${username}@school.example.org`,
  role: 'practitioner' as const,
  organisationId,
  hasChildProtectionRole: false,
  sensitiveServiceCode: null as string | null,
});

const activationToken = (text: string) => /\/staff\/activate\/([\w-]+)/.exec(text)?.[1];

describe('administering staff accounts', () => {
  it('creates a user who receives a one-time activation link by email, and can sign in once vetted', async () => {
    const id = await createStaffUser({ db: database.db, admin: localAdmin, input: newUser('morgan.price') });
    expect(await deliverQueuedEmail({ db: database.db, send: emailTransport(smtp.url) })).toEqual({ sent: 1, failed: 0 });
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['morgan.price@school.example.org']);
    expect(mail.text).toContain('Your user name is morgan.price');
    const token = activationToken(mail.text)!;

    await expect(activateStaffAccount({ db: database.db, token, password: 'password1234', pin: '123456' })).rejects.toThrow(/too easy to guess/);
    // A weak PIN is refused on its own field, and the link stays usable.
    await expect(activateStaffAccount({ db: database.db, token, password: 'amber-kettle-sonnet-river', pin: '123456' })).rejects.toMatchObject({ field: 'pin', userMessage: expect.stringMatching(/sequence/) });
    await expect(activateStaffAccount({ db: database.db, token, password: 'correct-horse-battery-staple-42', pin: '482915' })).rejects.toMatchObject({ field: 'password', userMessage: expect.stringMatching(/demonstration/) });
    await activateStaffAccount({ db: database.db, token, password: 'amber-kettle-sonnet-river', pin: '482915' });
    await expect(activateStaffAccount({ db: database.db, token, password: 'amber-kettle-sonnet-river', pin: '482915' })).rejects.toThrow(/expired or has already been used/);

    const credentials = { username: 'morgan.price', password: 'amber-kettle-sonnet-river', pin: '482915', code: '' };
    const before = await signInStaff({ db: database.db, credentials, clientAddress: null });
    expect(before.outcome).toBe('not_vetted');
    await recordVetting({
      db: database.db,
      admin: localAdmin,
      staffUserId: id,
      vetting: { trainingCompletedOn: '2026-10-01', userAgreementSignedOn: '2026-10-01', policeCheckIssuedOn: '2026-10-01' },
    });
    expect((await signInStaff({ db: database.db, credentials, clientAddress: null })).outcome).toBe('enrol_token');
  });

  it('keeps an email queued when the mail server refuses it, and sends it when the server is back', async () => {
    const down = await startSmtpListener({ rejectAll: true });
    try {
      await createStaffUser({ db: database.db, admin: localAdmin, input: newUser('sam.queue') });
      expect(await deliverQueuedEmail({ db: database.db, send: emailTransport(down.url) })).toEqual({ sent: 0, failed: 1 });
      const [queued] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'sam.queue@school.example.org'));
      expect(queued?.sentAt).toBeNull();
      expect(queued?.lastError).toMatch(/Mailbox unavailable/);
    } finally {
      await down.close();
    }
    expect((await deliverQueuedEmail({ db: database.db, send: emailTransport(smtp.url) })).sent).toBe(1);
    expect(smtp.received.at(-1)!.to).toEqual(['sam.queue@school.example.org']);
  });

  it('asks a second access manager to mark a practitioner of a sensitive service, and refuses a service that is not sensitive', async () => {
    const id = await createStaffUser({ db: database.db, admin: localAdmin, input: { ...newUser('nurse.sh'), sensitiveServiceCode: 'sexual_health' } });
    const listed = (await listStaffUsers({ db: database.db, admin: localAdmin })).find((u) => u.id === id);
    expect(listed?.waitingForApproval).toEqual(['Sensitive service: Young people’s sexual health service']);
    await expect(
      createStaffUser({ db: database.db, admin: localAdmin, input: { ...newUser('nurse.hv'), sensitiveServiceCode: 'health_visitor' } }),
    ).rejects.toThrow(/sensitive service/);
  });

  it('refuses a user name that is taken and an organisation in another local authority', async () => {
    await expect(createStaffUser({ db: database.db, admin: localAdmin, input: newUser('demo.teacher') })).rejects.toThrow(/already taken/);
    await expect(createStaffUser({ db: database.db, admin: localAdmin, input: newUser('far.away', otherAuthoritySchoolId) })).rejects.toBeInstanceOf(AppError);
  });

  it('lets a local administrator manage only their own authority’s users; a national one manages all', async () => {
    const [national] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.national'));
    const farId = await createStaffUser({ db: database.db, admin: national!, input: newUser('far.user', otherAuthoritySchoolId) });
    await expect(
      changeAccountStatus({ db: database.db, admin: localAdmin, staffUserId: farId, change: 'suspend', reason: 'Left the organisation' }),
    ).rejects.toThrow(/no such user/);
    expect((await listStaffUsers({ db: database.db, admin: localAdmin })).map((u) => u.username)).not.toContain('far.user');
    expect((await listStaffUsers({ db: database.db, admin: national! })).map((u) => u.username)).toContain('far.user');
  });

  it('suspends with a reason (ending sessions), reinstates, and warns of police checks expiring within 30 days', async () => {
    const [teacher] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
    await changeAccountStatus({ db: database.db, admin: localAdmin, staffUserId: teacher!.id, change: 'suspend', reason: 'Under investigation' });
    let listed = (await listStaffUsers({ db: database.db, admin: localAdmin })).find((u) => u.username === 'demo.teacher')!;
    expect(listed.status).toBe('suspended');
    expect(listed.problems.join(' ')).toMatch(/suspended/);
    await changeAccountStatus({ db: database.db, admin: localAdmin, staffUserId: teacher!.id, change: 'reinstate', reason: 'Investigation closed' });
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await database.db.update(staffUsers).set({ policeCheckExpiresOn: soon }).where(eq(staffUsers.id, teacher!.id));
    listed = (await listStaffUsers({ db: database.db, admin: localAdmin })).find((u) => u.username === 'demo.teacher')!;
    expect(listed.status).toBe('active');
    expect(listed.problems).toEqual([]);
    expect(listed.warnings).toEqual([`Police check expires on ${formatDate(soon)}`]);
    const actions = await database.sql<{ action: string; reason: string }[]>`
      select action, reason from audit_events where action like 'staff_admin.%' and query->>'staffUserId' = ${teacher!.id} order by id`;
    expect(actions.map((a) => [a.action, a.reason])).toEqual([
      ['staff_admin.suspend', 'Under investigation'],
      ['staff_admin.reinstate', 'Investigation closed'],
    ]);
  });
});
