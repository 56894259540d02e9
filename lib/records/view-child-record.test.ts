import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditEvents, children, emailOutbox, localAuthorities, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { addInvolvementFixture, createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { AppError } from '@/lib/kernel/errors';
import { listChildrenAtAddress } from './list-children-at-address';
import { overrideShield } from './override-shield';
import { viewChildRecord, type ViewChildRecordResult } from './view-child-record';

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;
const staff: Record<'teacher' | 'socialworker' | 'sexualhealth' | 'caseworker', Staff> = {} as never;
let open: ChildFixture;
let shielded: ChildFixture;
let sensitive: { providerName: string; practitionerName: string };
let ordinary: { providerName: string; practitionerName: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 200, seed: 5, asOf: '2026-11-25', reset: false, demoAccounts: true });
  for (const name of ['teacher', 'socialworker', 'sexualhealth', 'caseworker'] as const) {
    staff[name] = (await database.db.select().from(staffUsers).where(eq(staffUsers.username, `demo.${name}`)))[0]!;
  }
  open = await createChildFixture(database.db);
  shielded = await createChildFixture(database.db, { shielded: true });
  sensitive = await addInvolvementFixture(database.db, open.childId, { serviceCode: staff.sexualhealth.sensitiveServiceCode! });
  ordinary = await addInvolvementFixture(database.db, open.childId, { serviceCode: 'school_nurse' });
  await addInvolvementFixture(database.db, shielded.childId, { serviceCode: 'school_nurse' });
});
afterAll(async () => {
  await database?.drop();
});

/** The search that found the child: the reason a view cites. */
const searched = (viewer: Staff, childIds: string[]) =>
  recordAuditEvent({ db: database.db, event: { actorKind: 'staff', actorId: viewer.id, organisationId: viewer.organisationId, action: 'child.search', reason: 'working_with_child', childIds } });

async function view(viewer: Staff, childId: string, purposeEventId?: number | null): Promise<ViewChildRecordResult> {
  const purpose = purposeEventId === undefined ? await searched(viewer, [childId]) : purposeEventId;
  return viewChildRecord({ db: database.db, viewer, childId, purposeEventId: purpose });
}

const viewed = (result: ViewChildRecordResult) => {
  if (result.outcome !== 'viewed') throw new Error(`expected a view, got ${result.outcome}`);
  return result;
};

describe('a shielded record', () => {
  it('shows an ordinary practitioner only the name, gender, date of birth, index number, parents and the index team', async () => {
    const { view: seen } = viewed(await view(staff.teacher, shielded.childId));
    expect(seen.kind).toBe('shielded');
    if (seen.kind !== 'shielded') return;
    expect(Object.keys(seen).sort()).toEqual(['child', 'indexTeam', 'kind', 'mayOverride', 'parents']);
    expect(Object.keys(seen.child).sort()).toEqual(['dateOfBirth', 'familyName', 'gender', 'givenNames', 'id', 'indexNumber']);
    expect(seen.parents).toEqual([{ givenNames: 'Parent', familyName: shielded.parentName.split(' ')[1], relationship: 'mother' }]);
    const [authority] = await database.db.select().from(localAuthorities).where(eq(localAuthorities.code, shielded.localAuthorityCode));
    expect(seen.indexTeam).toEqual({ localAuthorityName: authority!.name, phone: authority!.indexTeamPhone, email: authority!.indexTeamEmail });
    expect(seen.mayOverride).toBe(false);
    const text = JSON.stringify(seen);
    for (const secret of Object.values(shielded.secrets)) expect(text).not.toContain(secret);
    expect(text).not.toContain('School nursing');
  });

  it('offers a child-protection practitioner the override, but shows nothing more until it is used', async () => {
    const { view: seen } = viewed(await view(staff.socialworker, shielded.childId));
    expect(seen.kind).toBe('shielded');
    expect(seen.kind === 'shielded' && seen.mayOverride).toBe(true);
    for (const secret of Object.values(shielded.secrets)) expect(JSON.stringify(seen)).not.toContain(secret);
  });

  it('refuses the override to a practitioner without a child-protection role', async () => {
    await expect(overrideShield({ db: database.db, viewer: staff.teacher, childId: shielded.childId, override: { reason: 'I would like to see the address please' } })).rejects.toThrow(AppError);
    const raised = await database.db.select().from(alerts).where(eq(alerts.staffUserId, staff.teacher.id));
    expect(raised).toHaveLength(0);
  });

  it('after an override shows the details once, alerts the index team and emails them at once', async () => {
    const before = await database.db.select().from(emailOutbox);
    const eventId = await overrideShield({
      db: database.db,
      viewer: staff.socialworker,
      childId: shielded.childId,
      override: { reason: 'Police report a credible threat to the child tonight; need the school to act' },
    });
    const first = viewed(await view(staff.socialworker, shielded.childId, eventId));
    expect(first.view.kind).toBe('full');
    expect(first.view.kind === 'full' && first.view.shieldOverridden).toBe(true);
    expect(JSON.stringify(first.view)).toContain(shielded.secrets.postcode);

    const second = viewed(await view(staff.socialworker, shielded.childId, eventId));
    expect(second.view.kind).toBe('shielded');
    expect(second.overrideSpent).toBe(true);

    const [alert] = await database.db.select().from(alerts).where(and(eq(alerts.childId, shielded.childId), eq(alerts.staffUserId, staff.socialworker.id)));
    expect(alert).toMatchObject({ kind: 'shield_override', localAuthorityCode: shielded.localAuthorityCode, reviewedAt: null });
    const [authority] = await database.db.select().from(localAuthorities).where(eq(localAuthorities.code, shielded.localAuthorityCode));
    const sent = (await database.db.select().from(emailOutbox)).filter((m) => !before.some((b) => b.id === m.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.toAddress).toBe(authority!.indexTeamEmail);
    expect(sent[0]!.body).not.toContain('Police report');
    const views = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, staff.socialworker.id), eq(auditEvents.action, 'child.view')));
    expect(views.filter((v) => (v.query as { shieldOverride?: boolean }).shieldOverride)).toHaveLength(1);
  });

  it('is shown whole to the index team', async () => {
    const { view: seen } = viewed(await view(staff.caseworker, shielded.childId));
    expect(seen.kind).toBe('full');
    expect(JSON.stringify(seen)).toContain(shielded.secrets.addressLine);
  });
});

describe('a sensitive service', () => {
  it('is withheld from an ordinary practitioner, who sees only that a service is involved and whom to ask', async () => {
    const { view: seen } = viewed(await view(staff.teacher, open.childId));
    if (seen.kind !== 'full') throw new Error('expected the full record');
    const withheld = seen.record.involvements.filter((i) => i.withheld);
    expect(withheld).toHaveLength(1);
    expect(Object.keys(withheld[0]!).sort()).toEqual(['brokeredBy', 'id', 'withheld']);
    const text = JSON.stringify(seen);
    expect(text).not.toContain(sensitive.providerName);
    expect(text).not.toContain(sensitive.practitionerName);
    expect(text).toContain(ordinary.providerName);
    expect(text).toContain(open.secrets.postcode);
  });

  it('is shown to that service’s own practitioners and to the index team', async () => {
    for (const viewer of [staff.sexualhealth, staff.caseworker]) {
      const { view: seen } = viewed(await view(viewer, open.childId));
      expect(JSON.stringify(seen)).toContain(sensitive.providerName);
      expect(JSON.stringify(seen)).toContain(sensitive.practitionerName);
    }
  });

  it('stays withheld from a child-protection practitioner, who is not of that service', async () => {
    const { view: seen } = viewed(await view(staff.socialworker, open.childId));
    expect(JSON.stringify(seen)).not.toContain(sensitive.providerName);
  });
});

describe('every view', () => {
  it('needs a reason: a view without one, or citing another user’s search or another child, shows nothing', async () => {
    expect((await view(staff.teacher, open.childId, null)).outcome).toBe('purpose_needed');
    const othersSearch = await searched(staff.sexualhealth, [open.childId]);
    expect((await view(staff.teacher, open.childId, othersSearch)).outcome).toBe('purpose_needed');
    const otherChild = await searched(staff.teacher, [shielded.childId]);
    expect((await view(staff.teacher, open.childId, otherChild)).outcome).toBe('purpose_needed');
  });

  it('is written to the audit trail with the user, the reason and the record', async () => {
    const purpose = await searched(staff.teacher, [open.childId]);
    const { viewEventId } = viewed(await view(staff.teacher, open.childId, purpose));
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, viewEventId));
    expect(event).toMatchObject({ actorId: staff.teacher.id, action: 'child.view', reason: 'working_with_child', childIds: [open.childId] });
    expect(event!.query).toMatchObject({ purposeEventId: purpose, shown: 'full', shieldOverride: false });
  });

  it('is audited as what was shown: the shielded view for a practitioner, the whole record for the index team', async () => {
    const shownIn = async (viewer: Staff) => {
      const { viewEventId } = viewed(await view(viewer, shielded.childId));
      const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, viewEventId));
      return event!.query;
    };
    expect(await shownIn(staff.teacher)).toMatchObject({ shown: 'shielded' });
    expect(await shownIn(staff.caseworker)).toMatchObject({ shown: 'full' });
  });

  it('is audited as what the record showed when the shield changed while it was read', async () => {
    // The flag says shielded but no shield is held: what a shield lifted between the two reads looks like.
    const child = await createChildFixture(database.db);
    await database.db.update(children).set({ isShielded: true }).where(eq(children.id, child.childId));
    const before = await database.db.$count(auditEvents, and(eq(auditEvents.action, 'child.view'), sql`${child.childId}::uuid = any(${auditEvents.childIds})`));
    const result = viewed(await view(staff.teacher, child.childId));
    expect(result.view.kind).toBe('full');
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'child.view'), sql`${child.childId}::uuid = any(${auditEvents.childIds})`))
      .orderBy(auditEvents.id);
    expect(events.length - before).toBe(2);
    expect(events.at(-1)).toMatchObject({ id: result.viewEventId, query: expect.objectContaining({ shown: 'full' }) });
  });

  it('of a merged-away record shows the record it was merged into', async () => {
    const duplicate = await createChildFixture(database.db);
    await database.db.update(children).set({ mergedIntoId: open.childId, status: 'merged' }).where(eq(children.id, duplicate.childId));
    const result = viewed(await view(staff.teacher, duplicate.childId));
    expect(result.mergedFromId).toBe(duplicate.childId);
    expect(result.view.kind === 'full' && result.view.record.child.id).toBe(open.childId);
  });
});

describe('other children at the same address', () => {
  it('lists the household but never a shielded child, and audits the list', async () => {
    const sibling = await createChildFixture(database.db, { addressId: open.addressId, familyName: 'Sibling' });
    const hidden = await createChildFixture(database.db, { addressId: open.addressId, shielded: true });
    const { viewEventId } = viewed(await view(staff.teacher, open.childId));
    const result = await listChildrenAtAddress({ db: database.db, viewer: staff.teacher, childId: open.childId, viewEventId });
    if (result.outcome !== 'listed') throw new Error('expected a list');
    const ids = result.children.map((c) => c.id);
    expect(ids).toContain(sibling.childId);
    expect(ids).not.toContain(hidden.childId);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, result.eventId));
    expect(event).toMatchObject({ action: 'child.household.view', reason: 'working_with_child' });
    expect(event!.childIds).toEqual(expect.arrayContaining([open.childId, sibling.childId]));
  });

  it('is not available from a shielded record to a practitioner, and the refusal is audited', async () => {
    const { viewEventId } = viewed(await view(staff.teacher, shielded.childId));
    const result = await listChildrenAtAddress({ db: database.db, viewer: staff.teacher, childId: shielded.childId, viewEventId });
    expect(result.outcome).toBe('not_available');
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, staff.teacher.id), eq(auditEvents.action, 'child.household.view')));
    expect(events.map((e) => e.outcome).sort()).toEqual(['ok', 'refused']);
    expect(events.find((e) => e.outcome === 'refused')!.childIds).toEqual([shielded.childId]);
  });
});
