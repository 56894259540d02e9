import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, children, correctionRequests, localAuthorities, matchReviews, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { viewRequest } from '@/lib/casework/view-request';
import { loadCsv, loadText, makeSource } from '@/testing/load-fixtures';
import { viewMatchReview } from '@/lib/loads/view-match-review';
import { listChildrenAtAddress } from './list-children-at-address';
import { viewChildRecord } from './view-child-record';

type Staff = typeof staffUsers.$inferSelect;
let database: TestDatabase;
let shielded: ChildFixture;
let sibling: ChildFixture;
let councilA: string;
let councilB: string;
const staff = {} as Record<'caseworkerA' | 'caseworkerB', Staff>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 30, seed: 41, asOf: '2026-11-25', reset: false, demoAccounts: true });
  shielded = await createChildFixture(database.db, { shielded: true });
  sibling = await createChildFixture(database.db, { addressId: shielded.addressId });
  councilA = shielded.localAuthorityCode;
  const [other] = await database.db.select({ code: localAuthorities.code }).from(localAuthorities).where(sql`${localAuthorities.code} <> ${councilA}`).limit(1);
  councilB = other!.code;
  staff.caseworkerA = await createStaffFixture(database.db, councilA);
  staff.caseworkerB = await createStaffFixture(database.db, councilB);
});
afterAll(async () => {
  await database?.drop();
});

const searched = (viewer: Staff, childIds: string[]) =>
  recordAuditEvent({ db: database.db, event: { actorKind: 'staff', actorId: viewer.id, organisationId: viewer.organisationId, action: 'child.search', reason: 'working_with_child', childIds } });

async function viewOf(viewer: Staff, childId: string) {
  const result = await viewChildRecord({ db: database.db, viewer, childId, purposeEventId: await searched(viewer, [childId]) });
  if (result.outcome !== 'viewed') throw new Error(`expected a view, got ${result.outcome}`);
  return result;
}

const expectNoSecretOf = (child: ChildFixture, seen: unknown) => {
  const text = JSON.stringify(seen);
  for (const secret of Object.values(child.secrets)) expect(text).not.toContain(secret);
};

describe('a shielded record seen by the index team', () => {
  it('is shown whole to the council holding the shield, and as a practitioner sees it to any other council’s caseworker', async () => {
    const ours = await viewOf(staff.caseworkerA, shielded.childId);
    expect(ours.view.kind).toBe('full');
    expect(JSON.stringify(ours.view)).toContain(shielded.secrets.addressLine);

    const theirs = await viewOf(staff.caseworkerB, shielded.childId);
    expect(theirs.view.kind).toBe('shielded');
    expectNoSecretOf(shielded, theirs.view);
    if (theirs.view.kind === 'shielded') expect(theirs.view.mayOverride).toBe(false);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, theirs.viewEventId));
    expect(event).toMatchObject({ actorId: staff.caseworkerB.id, action: 'child.view', childIds: [shielded.childId] });
    expect(event!.query).toMatchObject({ shown: 'shielded' });
  });

  it('is shown whole to no viewer but the shield council’s caseworkers, whatever their role, council or child-protection flag', async () => {
    const made = new Map<string, Staff>();
    const viewerOf = async (role: 'practitioner' | 'caseworker', council: 'A' | 'B', childProtection: boolean) => {
      const key = `${role}-${council}-${childProtection}`;
      if (!made.has(key)) {
        const user = await createStaffFixture(database.db, council === 'A' ? councilA : councilB, { role });
        const [updated] = await database.db.update(staffUsers).set({ hasChildProtectionRole: childProtection }).where(eq(staffUsers.id, user.id)).returning();
        made.set(key, updated!);
      }
      return made.get(key)!;
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('practitioner' as const, 'caseworker' as const), fc.constantFrom('A' as const, 'B' as const), fc.boolean(), async (role, council, childProtection) => {
        const { view } = await viewOf(await viewerOf(role, council, childProtection), shielded.childId);
        expect(view.kind).toBe(role === 'caseworker' && council === 'A' ? 'full' : 'shielded');
        if (view.kind === 'shielded') expectNoSecretOf(shielded, view);
      }),
      { numRuns: 16 },
    );
  });
});

describe('the other children at an address', () => {
  it('never lists a shielded child to another council’s caseworker, who may not list a shielded child’s household at all', async () => {
    const list = async (viewer: Staff, child: ChildFixture) => {
      const { viewEventId } = await viewOf(viewer, child.childId);
      return listChildrenAtAddress({ db: database.db, viewer, childId: child.childId, viewEventId });
    };
    const ours = await list(staff.caseworkerA, sibling);
    expect(ours.outcome === 'listed' && ours.children.map((c) => c.id)).toEqual([shielded.childId]);
    const theirs = await list(staff.caseworkerB, sibling);
    expect(theirs.outcome === 'listed' && theirs.children.map((c) => c.id)).toEqual([]);

    expect((await list(staff.caseworkerA, shielded)).outcome).toBe('listed');
    expect((await list(staff.caseworkerB, shielded)).outcome).toBe('not_available');
    const refusals = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, staff.caseworkerB.id), eq(auditEvents.action, 'child.household.view'), eq(auditEvents.outcome, 'refused')));
    expect(refusals.map((e) => e.childIds)).toEqual([[shielded.childId]]);
  });
});

describe('a source load’s candidate match', () => {
  it('shows a shielded candidate’s address only to the index team holding the shield', async () => {
    const source = await makeSource(database.db);
    const [held] = await database.db.select().from(children).where(eq(children.id, shielded.childId));
    await loadText(
      database.db,
      source,
      loadCsv([{ source_system: source.code, source_person_id: `S-${Date.now()}`, given_names: 'Fixture', family_name: held!.familyName, gender: 'F', date_of_birth: held!.dateOfBirth, address_line1: '9 Elsewhere Road', town: 'Testbury', postcode: 'LS2 9ZZ' }]),
    );
    const [review] = await database.db.select().from(matchReviews).where(eq(matchReviews.candidateChildId, shielded.childId));
    const ours = await viewMatchReview({ db: database.db, caseworker: staff.caseworkerA, reviewId: review!.id });
    expect(JSON.stringify(ours.candidate)).toContain(shielded.secrets.addressLine);
    const theirs = await viewMatchReview({ db: database.db, caseworker: staff.caseworkerB, reviewId: review!.id });
    expect(theirs.candidate).toMatchObject({ isShielded: true, address: null, postcode: null, carers: null, formerNames: null });
    expectNoSecretOf(shielded, theirs);
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, staff.caseworkerB.id), eq(auditEvents.action, 'load.review.view')));
    expect(event!.query).toMatchObject({ reviewId: review!.id, shown: 'shielded' });
  });
});

describe('a correction request about a shielded child', () => {
  it('is refused, and the refusal audited, to a caseworker of a council not holding the shield', async () => {
    const [request] = await database.db
      .insert(correctionRequests)
      .values({ reference: `R-${Date.now()}`, childId: shielded.childId, localAuthorityCode: null, itemKind: 'address', field: 'address', valueAsHeld: shielded.secrets.addressLine, requestedValue: '2 New Street', dueOn: '2026-12-25' })
      .returning();
    await expect(viewRequest({ db: database.db, caseworker: staff.caseworkerB, requestId: request!.id })).rejects.toMatchObject({ code: 'forbidden' });
    const [refused] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, staff.caseworkerB.id), eq(auditEvents.action, 'correction.view')));
    expect(refused).toMatchObject({ outcome: 'refused', childIds: [shielded.childId] });
    const ours = await viewRequest({ db: database.db, caseworker: staff.caseworkerA, requestId: request!.id });
    expect(ours?.child.id).toBe(shielded.childId);
  });
});
