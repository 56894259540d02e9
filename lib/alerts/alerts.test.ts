import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditEvents, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { overrideShield } from '@/lib/records/override-shield';
import { listOpenAlerts } from './list-open-alerts';
import { reviewAlert } from './review-alert';
import { viewAlert } from './view-alert';

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;
let socialworker: Staff;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 50, seed: 31, asOf: '2026-11-25', reset: false, demoAccounts: true });
  socialworker = (await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.socialworker')))[0]!;
});
afterAll(async () => {
  await database?.drop();
});

/** A shielded child whose shield a child-protection practitioner overrides: the alert for the child's council. */
async function overridden(reason = 'Police report a credible threat tonight; the school must act') {
  const child = await createChildFixture(database.db, { shielded: true });
  await overrideShield({ db: database.db, viewer: socialworker, childId: child.childId, override: { reason } });
  const [alert] = await database.db.select().from(alerts).where(eq(alerts.childId, child.childId));
  return { child, alert: alert! };
}

const otherCouncil = async (code: string) => (await database.sql<{ code: string }[]>`select code from local_authorities where code <> ${code} limit 1`)[0]!.code;

describe('alerts for the index team', () => {
  it('lists the council’s open alerts newest first, with who, from where, which record and why', async () => {
    const first = await overridden();
    const second = await overridden('A second override, for another child at risk tonight');
    const caseworker = await createStaffFixture(database.db, first.child.localAuthorityCode);
    await database.db.update(alerts).set({ raisedAt: new Date('2026-11-01T09:00:00Z') }).where(eq(alerts.id, first.alert.id));
    const listed = await listOpenAlerts({ db: database.db, caseworker });
    const ids = listed.map((a) => a.id);
    expect(ids.indexOf(second.alert.id)).toBeLessThan(ids.indexOf(first.alert.id));
    const [organisation] = await database.sql<{ name: string }[]>`select name from organisations where id = ${socialworker.organisationId}`;
    expect(listed.find((a) => a.id === second.alert.id)).toMatchObject({
      kind: 'shield_override',
      staffName: socialworker.displayName,
      organisationName: organisation!.name,
      indexNumber: second.child.indexNumber,
      reason: 'A second override, for another child at risk tonight',
    });
  });

  it('shows another council’s index team none of them, and refuses a practitioner', async () => {
    const { child, alert } = await overridden();
    const elsewhere = await createStaffFixture(database.db, await otherCouncil(child.localAuthorityCode));
    expect((await listOpenAlerts({ db: database.db, caseworker: elsewhere })).map((a) => a.id)).not.toContain(alert.id);
    expect(await viewAlert({ db: database.db, caseworker: elsewhere, alertId: alert.id })).toBeNull();
    await expect(reviewAlert({ db: database.db, caseworker: elsewhere, alertId: alert.id, review: { outcome: 'no_concern', note: 'x' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listOpenAlerts({ db: database.db, caseworker: socialworker })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await database.db.select().from(alerts).where(eq(alerts.id, alert.id)))[0]!.reviewedAt).toBeNull();
  });

  it('records the review once, with who, when, the outcome and the note, and audits it', async () => {
    const { child, alert } = await overridden();
    const caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
    const now = new Date('2026-11-25T11:00:00Z');
    await reviewAlert({ db: database.db, caseworker, alertId: alert.id, review: { outcome: 'referred_for_investigation', note: 'Reason is vague; passed to the LADO' }, now });
    expect((await database.db.select().from(alerts).where(eq(alerts.id, alert.id)))[0]).toMatchObject({
      reviewedAt: now,
      reviewedByStaffId: caseworker.id,
      outcome: 'referred_for_investigation',
      reviewNote: 'Reason is vague; passed to the LADO',
    });
    expect((await listOpenAlerts({ db: database.db, caseworker })).map((a) => a.id)).not.toContain(alert.id);
    expect(await viewAlert({ db: database.db, caseworker, alertId: alert.id })).toMatchObject({ reviewedBy: caseworker.displayName, outcome: 'referred_for_investigation' });

    const again = await createStaffFixture(database.db, child.localAuthorityCode);
    await expect(reviewAlert({ db: database.db, caseworker: again, alertId: alert.id, review: { outcome: 'no_concern', note: 'Fine' } })).rejects.toMatchObject({ code: 'conflict' });
    expect((await database.db.select().from(alerts).where(eq(alerts.id, alert.id)))[0]).toMatchObject({ reviewedByStaffId: caseworker.id, outcome: 'referred_for_investigation' });

    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'alert.review'));
    expect(events.filter((e) => (e.query as { alertId?: string }).alertId === alert.id)).toEqual([
      expect.objectContaining({ actorId: caseworker.id, childIds: [child.childId], query: expect.objectContaining({ outcome: 'referred_for_investigation', staffUserId: socialworker.id }) }),
    ]);
  });

  it('only takes a known outcome (the database refuses any other)', async () => {
    const { alert } = await overridden();
    await expect(database.db.update(alerts).set({ reviewedAt: new Date(), reviewedByStaffId: socialworker.id, outcome: 'fine' }).where(eq(alerts.id, alert.id))).rejects.toThrow();
  });
});
