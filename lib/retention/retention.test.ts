import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addresses, auditEvents, carers, childCarers, children, recordVersions } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { JOB_QUEUES } from '@/db/job-queue';
import { verifyAuditTrail } from '@/lib/audit/verify-audit-trail';
import { startWorker } from '@/lib/jobs/start-worker';
import { viewChildRecord } from '@/lib/records/view-child-record';
import { findChildren } from '@/lib/search/find-children';
import { ZChildSearch } from '@/lib/validation/child-search';
import { runRetention } from './run-retention';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 41, asOf: '2026-01-01', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

const child = (dateOfBirth: string, extra: Partial<typeof children.$inferInsert> = {}) =>
  createChildFixture(database.db, { dateOfBirth }).then(async (made) => {
    if (Object.keys(extra).length) await database.db.update(children).set(extra).where(eq(children.id, made.childId));
    return made;
  });
const statusOf = async (c: ChildFixture) => (await database.db.select({ status: children.status }).from(children).where(eq(children.id, c.childId)))[0]?.status;
const leftIds = (report: Awaited<ReturnType<typeof runRetention>>) => [...report.left.at18, ...report.left.at25, ...report.left.afterDeath];

describe('records leaving the live index', () => {
  it('keeps a child the day before their 18th birthday and takes them out on the day', async () => {
    const turning = await child('2008-12-02');
    expect(leftIds(await runRetention({ db: database.db, today: '2026-12-01' }))).not.toContain(turning.childId);
    expect(await statusOf(turning)).toBe('live');

    const report = await runRetention({ db: database.db, today: '2026-12-02' });
    expect(report.left.at18).toContain(turning.childId);
    expect(await statusOf(turning)).toBe('archived');
    const [row] = await database.db.select().from(children).where(eq(children.id, turning.childId));
    expect(row).toMatchObject({ purgeOn: '2032-12-02' });
    const [version] = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, turning.childId));
    expect(version).toMatchObject({ reason: 'Left the live index at 18' });
  });

  it('takes out a child born on 29 February on 1 March in a year without one, not on 28 February', async () => {
    const leapling = await child('2008-02-29');
    expect(leftIds(await runRetention({ db: database.db, today: '2026-02-28' }))).not.toContain(leapling.childId);
    expect((await runRetention({ db: database.db, today: '2026-03-01' })).left.at18).toContain(leapling.childId);
  });

  it('keeps a young person who chose to stay until 25, and takes them out then; a withdrawn choice returns the rule', async () => {
    const stayer = await child('2001-06-10', { stayOnUntil: '2026-06-10', stayOnBasis: 'care_leaver' });
    const withdrawn = await child('2001-06-11');
    const before = await runRetention({ db: database.db, today: '2026-06-09' });
    expect(leftIds(before)).not.toContain(stayer.childId);
    // Without an approved request to stay, a young person over 18 leaves at the next run.
    expect(before.left.at18).toContain(withdrawn.childId);
    expect((await runRetention({ db: database.db, today: '2026-06-10' })).left.at25).toContain(stayer.childId);
  });

  it('keeps a record a year after a death, and takes it out on the anniversary', async () => {
    const died = await child('2015-04-01', { dateOfDeath: '2025-12-01' });
    expect(leftIds(await runRetention({ db: database.db, today: '2026-11-30' }))).not.toContain(died.childId);
    expect((await runRetention({ db: database.db, today: '2026-12-01' })).left.afterDeath).toContain(died.childId);
  });

  it('changes nothing on a dry run or a second run, and reports each run in the audit trail', async () => {
    const due = await child('2008-05-05');
    const dry = await runRetention({ db: database.db, today: '2026-05-05', dryRun: true });
    expect(dry.left.at18).toContain(due.childId);
    expect(await statusOf(due)).toBe('live');

    const first = await runRetention({ db: database.db, today: '2026-05-05' });
    expect(first.left.at18).toContain(due.childId);
    const second = await runRetention({ db: database.db, today: '2026-05-05' });
    expect(second.counts).toEqual({ leftAt18: 0, leftAt25: 0, leftAfterDeath: 0, purged: 0 });

    const runs = await database.db.select().from(auditEvents).where(inArray(auditEvents.action, ['retention.run', 'retention.dry_run']));
    const report = runs.find((r) => r.action === 'retention.run' && (r.query as { left: { at18: string[] } }).left.at18.includes(due.childId));
    expect(report).toMatchObject({ actorKind: 'system', childIds: expect.arrayContaining([due.childId]) });
    expect(runs.some((r) => r.action === 'retention.dry_run')).toBe(true);
  });

  it('puts an archived record out of practitioners’ reach', async () => {
    const archived = await child('2008-07-07');
    await runRetention({ db: database.db, today: '2026-07-07' });
    const teacher = await createStaffFixture(database.db, archived.localAuthorityCode, { role: 'practitioner' });
    const viewer = { ...teacher, hasChildProtectionRole: false, sensitiveServiceCodes: [] as string[] };
    const result = await viewChildRecord({ db: database.db, viewer: viewer as never, childId: archived.childId, purposeEventId: null });
    expect(result.outcome).toBe('not_found');
  });
});

describe('the nightly retention job', () => {
  it('runs on the job queue, and a second job for the same day changes nothing', async () => {
    const due = await child('2008-10-10');
    const worker = await startWorker({ db: database.db, send: async () => {}, pollingIntervalSeconds: 0.5 });
    try {
      await worker.boss.send(JOB_QUEUES.retention.name, { today: '2026-10-10' });
      const until = Date.now() + 20_000;
      while ((await statusOf(due)) !== 'archived' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(await statusOf(due)).toBe('archived');
      const [versionsBefore] = await database.sql`select count(*)::int as n from record_versions where child_id = ${due.childId}`;
      await worker.boss.send(JOB_QUEUES.retention.name, { today: '2026-10-10' });
      const runs = () => database.sql`select count(*)::int as n from pgboss.job where name = 'retention' and state = 'completed'`;
      while ((await runs())[0]!.n < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect((await runs())[0]!.n).toBe(2);
      expect((await database.sql`select count(*)::int as n from record_versions where child_id = ${due.childId}`)[0]).toEqual(versionsBefore);
    } finally {
      await worker.stop();
    }
  });
});

describe('purging archived records', () => {
  it('removes every trace of the child after six years in the archive, and keeps what a sibling still needs', async () => {
    const purged = await child('2008-09-09');
    const alone = await child('2008-09-01');
    const sibling = await createChildFixture(database.db, { dateOfBirth: '2012-01-15', addressId: purged.addressId });
    const [carer] = await database.db.select({ carerId: childCarers.carerId }).from(childCarers).where(eq(childCarers.childId, purged.childId));
    await database.db.insert(childCarers).values({ childId: sibling.childId, carerId: carer!.carerId, relationship: 'mother', hasParentalResponsibility: true });
    // Names no other record in the test database has.
    await database.db.update(children).set({ givenNames: 'Quillon Marisabel', familyName: 'Vantongeren' }).where(eq(children.id, purged.childId));

    // A practitioner found and opened the record while it was live: the trail holds what they typed.
    const teacher = await createStaffFixture(database.db, purged.localAuthorityCode, { role: 'practitioner' });
    const found = await findChildren({
      db: database.db,
      actor: { id: teacher.id, organisationId: teacher.organisationId, kind: 'staff' },
      search: ZChildSearch.parse({ reason: 'working_with_child', familyName: 'Vantongeren', givenName: 'Quillon', dateOfBirth: '2008-09-09' }),
    });
    expect(found.outcome === 'matches' && found.matches.map((m) => m.childId)).toContain(purged.childId);
    expect(await tablesMentioning('Vantongeren')).toContain('public.audit_events');

    await runRetention({ db: database.db, today: '2026-09-09' });
    expect(await statusOf(purged)).toBe('archived');
    expect((await runRetention({ db: database.db, today: '2032-09-08' })).purged).not.toContain(purged.childId);
    const report = await runRetention({ db: database.db, today: '2032-09-09' });
    expect(report.purged).toEqual(expect.arrayContaining([purged.childId, alone.childId]));

    for (const trace of ['Quillon', 'Vantongeren', purged.indexNumber, alone.indexNumber, alone.secrets.addressLine, alone.secrets.carerPhone]) {
      expect(await tablesMentioning(trace), trace).toEqual([]);
    }
    // The home the sibling still lives in stays, as the sibling's.
    expect(await database.db.select().from(addresses).where(eq(addresses.id, purged.addressId))).toHaveLength(1);
    // The parent is also the sibling's: kept, with the sibling's link.
    expect(await database.db.select().from(carers).where(eq(carers.id, carer!.carerId))).toHaveLength(1);
    // By 2032 the sibling has left the live index too (at 18, in 2030), but is years from being purged.
    expect(await statusOf(sibling)).toBe('archived');
    expect(await database.db.select().from(childCarers).where(eq(childCarers.childId, sibling.childId))).not.toEqual([]);
    // The redaction is one the trail allows: it still verifies, every link of every chain.
    const verified = await verifyAuditTrail({ db: database.db });
    expect(verified.breaks).toEqual([]);
    expect(verified.redacted).toBeGreaterThan(0);
    // The trail keeps the record id, and nothing else about the child.
    const [run] = await database.db.select().from(auditEvents).where(sql`${auditEvents.query}->'purged' ? ${purged.childId}`);
    expect(run?.action).toBe('retention.run');
  });
});

/** Every table of the application whose rows, read as text, contain `text`. */
async function tablesMentioning(text: string): Promise<string[]> {
  const tables = await database.sql<{ name: string }[]>`
    select format('%I.%I', table_schema, table_name) as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`;
  const found: string[] = [];
  for (const { name } of tables) {
    const [hit] = await database.sql.unsafe(`select 1 from ${name} t where t::text ilike '%' || $1 || '%' limit 1`, [text]);
    if (hit) found.push(name);
  }
  return found;
}
