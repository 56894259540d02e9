import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditEvents, children } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { detectMisuse } from './detect-misuse';
import type { MisuseThresholds } from './misuse-thresholds';

let database: TestDatabase;
let council: string;
let child: ChildFixture;

const thresholds: MisuseThresholds = { viewsPerHourFloor: 40, peerMultiple: 4, outOfHoursBurst: 10, outOfHoursStart: 20, outOfHoursEnd: 7, searchesWithoutViewing: 20, refusalsPerHour: 5 };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 43, asOf: '2026-11-01', reset: false, demoAccounts: true });
  child = await createChildFixture(database.db);
  council = child.localAuthorityCode;
});
afterAll(async () => {
  await database?.drop();
});

type Activity = { views?: number; searches?: number; childId?: string; spreadMinutes?: number };

/** A practitioner and what they did in the hour from `start` (spread evenly over `spreadMinutes`). */
async function practitionerWho(start: string, activity: Activity, options: { displayName?: string; line1?: string; postcode?: string } = {}) {
  const staff = await createStaffFixture(database.db, council, { role: 'practitioner', ...options });
  const { views = 0, searches = 0, spreadMinutes = 50 } = activity;
  const total = views + searches;
  const events = Array.from({ length: total }, (_, i) => ({
    actorKind: 'staff' as const,
    actorId: staff.id,
    organisationId: staff.organisationId,
    action: i < views ? 'child.view' : 'child.search',
    reason: 'working_with_child',
    childIds: [activity.childId ?? child.childId],
    occurredAt: new Date(new Date(start).getTime() + Math.floor((i * spreadMinutes * 60_000) / Math.max(total, 1))),
  }));
  if (events.length) await database.db.insert(auditEvents).values(events);
  return staff;
}

const run = (start: string) => detectMisuse({ db: database.db, windowStart: new Date(start), thresholds });
const kindsFor = (raised: Awaited<ReturnType<typeof run>>, staffId: string) => raised.filter((a) => a.staffUserId === staffId).map((a) => a.kind);

describe('alerts on unusual use, from the audit trail', () => {
  it('raises nothing for an ordinary hour of searches and views', async () => {
    const hour = '2026-11-09T10:00:00Z';
    for (let i = 0; i < 6; i++) await practitionerWho(hour, { views: 5 + i, searches: 4 });
    expect(await run(hour)).toEqual([]);
  });

  it('flags a user viewing far more records than their peers in the hour, and only them', async () => {
    const hour = '2026-11-10T14:00:00Z';
    const peers = [];
    for (let i = 0; i < 6; i++) peers.push(await practitionerWho(hour, { views: 6, searches: 3 }));
    const busy = await practitionerWho(hour, { views: 30, searches: 2 }); // busy, but under the floor
    const unusual = await practitionerWho(hour, { views: 75, searches: 5 });
    const raised = await run(hour);
    expect(kindsFor(raised, unusual.id)).toEqual(['unusual_volume']);
    expect(kindsFor(raised, busy.id)).toEqual([]);
    for (const peer of peers) expect(kindsFor(raised, peer.id)).toEqual([]);
    const [alert] = await database.db.select().from(alerts).where(eq(alerts.staffUserId, unusual.id));
    expect(alert).toMatchObject({ localAuthorityCode: council, childId: null });
    expect(alert!.reason).toContain('75 record views');
  });

  it('flags a burst of views at night, not the same burst by day nor a few views at night', async () => {
    const night = '2026-11-11T23:00:00Z'; // 11 pm in London in November
    const burst = await practitionerWho(night, { views: 12, spreadMinutes: 10 });
    const few = await practitionerWho(night, { views: 6, spreadMinutes: 10 });
    const spread = await practitionerWho(night, { views: 12, spreadMinutes: 59 }); // 12 views, but never 10 in 15 minutes
    const raised = await run(night);
    expect(kindsFor(raised, burst.id)).toEqual(['out_of_hours']);
    expect(kindsFor(raised, few.id)).toEqual([]);
    expect(kindsFor(raised, spread.id)).toEqual([]);

    const day = '2026-11-12T11:00:00Z';
    const daytime = await practitionerWho(day, { views: 12, spreadMinutes: 10 });
    expect(kindsFor(await run(day), daytime.id)).toEqual([]);
  });

  it('counts the night in London time: 6:30 am in summer is 5:30 UTC', async () => {
    const summerDawn = '2026-06-15T05:30:00Z'; // 6:30 am British Summer Time: still night by the default until 7
    const early = await practitionerWho(summerDawn, { views: 11, spreadMinutes: 10 });
    expect(kindsFor(await run(summerDawn), early.id)).toEqual(['out_of_hours']);
  });

  it('flags searching without ever opening a record, not searches that lead to a view', async () => {
    const hour = '2026-11-13T15:00:00Z';
    const fishing = await practitionerWho(hour, { searches: 25 });
    const working = await practitionerWho(hour, { searches: 25, views: 1 });
    const raised = await run(hour);
    expect(kindsFor(raised, fishing.id)).toEqual(['searching_without_viewing']);
    expect(kindsFor(raised, working.id)).toEqual([]);
  });

  it('flags a view of a child who shares the user’s family name (either part) or home address, naming the child', async () => {
    const hour = '2026-11-14T09:00:00Z';
    const relative = await createChildFixture(database.db, { familyName: 'Okafor-Vantongeren' });
    const neighbour = await createChildFixture(database.db);
    const sameName = await practitionerWho(hour, { views: 1, childId: relative.childId }, { displayName: 'Alex Vantongeren' });
    const sameHome = await practitionerWho(hour, { views: 1, childId: neighbour.childId }, { displayName: 'Sam Unrelated', line1: neighbour.secrets.addressLine.toUpperCase(), postcode: neighbour.secrets.postcode.replace(' ', '') });
    const stranger = await practitionerWho(hour, { views: 1, childId: relative.childId }, { displayName: 'Jo Stranger (school nurse)' });
    const raised = await run(hour);
    expect(raised.filter((a) => a.staffUserId === sameName.id)).toEqual([{ kind: 'possible_relative', staffUserId: sameName.id, childId: relative.childId }]);
    expect(raised.filter((a) => a.staffUserId === sameHome.id)).toEqual([{ kind: 'possible_relative', staffUserId: sameHome.id, childId: neighbour.childId }]);
    expect(kindsFor(raised, stranger.id)).toEqual([]);
    const [named] = await database.db.select().from(alerts).where(eq(alerts.staffUserId, sameName.id));
    expect(named!.reason).toBe('Viewed the record of a child who shares their family name');
  });

  it('flags a user refused again and again in the hour (probing pages, actions and another council’s work), not one refused once', async () => {
    const hour = '2026-11-16T10:00:00Z';
    const refused = async (times: number) => {
      const staff = await createStaffFixture(database.db, council, { role: 'practitioner' });
      const routes = ['/staff/admin', '/staff/audit', '/staff/casework/00000000-0000-4000-8000-000000000000'];
      await database.db.insert(auditEvents).values(
        Array.from({ length: times }, (_, i) => ({
          actorKind: 'staff' as const,
          actorId: staff.id,
          organisationId: staff.organisationId,
          action: 'access.refused',
          reason: 'Needs the role administrator; they are practitioner',
          query: { route: routes[i % routes.length], status: 403 },
          outcome: 'refused',
          occurredAt: new Date(new Date(hour).getTime() + i * 60_000),
        })),
      );
      return staff;
    };
    const prober = await refused(6);
    const mistaken = await refused(1);
    const raised = await run(hour);
    expect(kindsFor(raised, prober.id)).toEqual(['repeated_refusals']);
    expect(kindsFor(raised, mistaken.id)).toEqual([]);
    const [alert] = await database.db.select().from(alerts).where(eq(alerts.staffUserId, prober.id));
    expect(alert!.reason).toMatch(/^6 refused requests in the hour from .*, the last for \/staff\/casework\/0{8}-/);
  });

  it('raises each alert once, however often the hour is looked at', async () => {
    const hour = '2026-11-15T16:00:00Z';
    const fishing = await practitionerWho(hour, { searches: 30 });
    expect(kindsFor(await run(hour), fishing.id)).toEqual(['searching_without_viewing']);
    expect(await run(hour)).toEqual([]);
    expect(await database.db.select().from(alerts).where(eq(alerts.staffUserId, fishing.id))).toHaveLength(1);
    // The child's record is untouched by any of this.
    expect((await database.db.select({ version: children.version }).from(children).where(eq(children.id, child.childId)))[0]!.version).toBe(1);
  });
});
