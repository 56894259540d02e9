// npm run bench:audit -- [--children 10000] [--events 40000] [--connections 8] [--views 2000]
// Times the hash-chained audit trail against DATABASE_URL: events appended per second by several connections at once
// (beside the same inserts into a table without the chain), the walk of `audit verify`, and what the audit insert
// adds to a record view. Prints Markdown for docs/benchmarks.md. Seeds the children first if the database holds a
// different number. It leaves its events in the audit trail, which cannot be emptied: use a database of its own.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { connect, type Database, type DbOrTx } from '@/db';
import { children, staffUsers } from '@/db/schema';
import { connectForSeeding, countChildren, seedDatabase } from '@/db/seed/seed-database';
import { env } from '@/lib/env.js';
import { findViewingPurpose } from '@/lib/records/find-viewing-purpose';
import { loadChildRecord } from '@/lib/records/load-child-record';
import { resolveMergedRecord } from '@/lib/records/resolve-merged-record';
import { viewChildRecord } from '@/lib/records/view-child-record';
import { recordAuditEvent, type AuditEvent } from '@/lib/kernel/record-audit-event';
import { verifyAuditTrail } from '@/lib/audit/verify-audit-trail';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '10000' },
    events: { type: 'string', default: '40000' },
    connections: { type: 'string', default: '8' },
    views: { type: 'string', default: '2000' },
  },
});
const wanted = Number(values.children);
const eventCount = Number(values.events);
const connections = Number(values.connections);
const views = Number(values.views);
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL database the benchmark may fill.');
  process.exit(2);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
const ms = (n: number) => n.toFixed(3);
const perSecond = (n: number, started: number) => Math.round(n / ((performance.now() - started) / 1000));

/** A search event much like the real ones: a reason, the criteria typed, a few children returned. */
const searchEvent = (): AuditEvent => ({
  actorKind: 'staff',
  actorId: randomUUID(),
  organisationId: randomUUID(),
  action: 'child.search',
  reason: 'working_with_child',
  query: { familyName: 'Smith', givenName: 'Katie', dateOfBirth: '2015-03-04' },
  childIds: [randomUUID(), randomUUID(), randomUUID()],
  clientAddress: '10.0.0.1',
});

/** The same row into a table shaped like the audit trail before it was chained: no trigger, no partitions. */
const insertUnchained = (db: DbOrTx, e: AuditEvent) =>
  db.execute(sql`insert into bench_audit_unchained (actor_kind, actor_id, organisation_id, action, reason, query, child_ids, client_address)
    values (${e.actorKind}, ${e.actorId}, ${e.organisationId}, ${e.action}, ${e.reason}, ${JSON.stringify(e.query)}::jsonb, ${`{${e.childIds!.join(',')}}`}::uuid[], ${e.clientAddress}::inet)
    returning id`);

async function appendConcurrently(db: Database, append: (db: Database) => Promise<unknown>): Promise<number> {
  let left = eventCount;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (left-- > 0) await append(db);
    }),
  );
  return perSecond(eventCount, started);
}

const seeding = await connectForSeeding();
try {
  if ((await countChildren(seeding)) !== wanted) {
    console.log(`Seeding ${wanted.toLocaleString('en-GB')} children first…`);
    await seedDatabase({ connection: seeding, children: wanted, seed: 1, asOf: '2026-11-25', reset: true, demoAccounts: true, onProgress: console.log });
  }
} finally {
  await seeding.close();
}

const connection = await connect({ url: env.DATABASE_URL, max: connections });
const db = connection.db;
try {
  await db.execute(sql`drop table if exists bench_audit_unchained`);
  await db.execute(sql`create table bench_audit_unchained (
    id bigint generated always as identity primary key, occurred_at timestamptz not null default now(), actor_kind actor_kind not null,
    actor_id uuid, organisation_id uuid, action text not null, reason text, query jsonb, child_ids uuid[] not null default '{}',
    outcome text not null default 'ok', client_address inet)`);
  await db.execute(sql`create index on bench_audit_unchained (occurred_at)`);
  await db.execute(sql`create index on bench_audit_unchained (actor_id, occurred_at)`);
  await db.execute(sql`create index on bench_audit_unchained using gin (child_ids)`);

  // Warm up both paths, then alternate them so that other work on the machine weighs on both alike.
  await appendConcurrently(db, (d) => recordAuditEvent({ db: d, event: searchEvent() }));
  await appendConcurrently(db, (d) => insertUnchained(d, searchEvent()));
  const chained: number[] = [];
  const unchained: number[] = [];
  for (let round = 0; round < 2; round += 1) {
    chained.push(await appendConcurrently(db, (d) => recordAuditEvent({ db: d, event: searchEvent() })));
    unchained.push(await appendConcurrently(db, (d) => insertUnchained(d, searchEvent())));
  }

  const [{ total } = { total: 0 }] = await db.execute<{ total: number }>(sql`select count(*)::int as total from audit_events`);
  const verifyStarted = performance.now();
  const verified = await verifyAuditTrail({ db });
  const verifyRate = perSecond(verified.events, verifyStarted);

  // A record view's database work with and without its audit event, as a request would have it: first the parts
  // on one connection, then the view the record page makes (viewChildRecord) beside the same reads without the event.
  const sample = await db.select({ id: children.id }).from(children).where(sql`${children.id} in (select id from children tablesample system (10) limit ${views})`);
  const [teacher] = await db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
  if (!teacher) throw new Error('The seeded demo.teacher is missing');
  const viewer = { id: teacher.id, organisationId: teacher.organisationId, role: 'practitioner' as const, hasChildProtectionRole: false, sensitiveServiceCode: null, localAuthorityCode: null };
  const timings = {
    'primary-key lookup': [] as number[],
    '+ chained audit event': [] as number[],
    '+ unchained insert': [] as number[],
    'child record (loadChildRecord)': [] as number[],
    'child record + chained audit event, one after the other': [] as number[],
    'record view: its reads alone': [] as number[],
    'record view with its audit event (viewChildRecord)': [] as number[],
  };
  const time = async (list: number[], run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    list.push(performance.now() - started);
  };
  for (const { id } of sample) {
    const lookup = (tx: DbOrTx) => tx.select().from(children).where(eq(children.id, id));
    await time(timings['primary-key lookup'], () => db.transaction(lookup));
    await time(timings['+ chained audit event'], () => db.transaction(async (tx) => {
      await lookup(tx);
      await recordAuditEvent({ db: tx, event: { ...searchEvent(), action: 'child.view', childIds: [id] } });
    }));
    await time(timings['+ unchained insert'], () => db.transaction(async (tx) => {
      await lookup(tx);
      await insertUnchained(tx, { ...searchEvent(), action: 'child.view', childIds: [id] });
    }));
    await time(timings['child record (loadChildRecord)'], () => db.transaction((tx) => loadChildRecord({ db: tx, childId: id })));
    await time(timings['child record + chained audit event, one after the other'], () => db.transaction(async (tx) => {
      await loadChildRecord({ db: tx, childId: id });
      await recordAuditEvent({ db: tx, event: { ...searchEvent(), action: 'child.view', childIds: [id] } });
    }));
    const purposeEventId = await recordAuditEvent({ db, event: { ...searchEvent(), actorId: teacher.id, organisationId: teacher.organisationId, childIds: [id] } });
    await time(timings['record view: its reads alone'], async () => {
      const resolvedId = await resolveMergedRecord({ db, childId: id });
      await findViewingPurpose({ db, viewerId: teacher.id, childId: id, purposeEventId, now: new Date() });
      await db.select({ isShielded: children.isShielded }).from(children).where(eq(children.id, resolvedId!));
      await db.transaction((tx) => loadChildRecord({ db: tx, childId: resolvedId! }), { isolationLevel: 'repeatable read', accessMode: 'read only' });
    });
    await time(timings['record view with its audit event (viewChildRecord)'], async () => {
      const result = await viewChildRecord({ db, viewer, childId: id, purposeEventId });
      if (result.outcome !== 'viewed') throw new Error(`Expected a view, got ${result.outcome}`);
    });
  }

  const date = new Date().toISOString().slice(0, 10);
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  console.log(`\nAudit trail benchmark, ${date}, ${os.cpus().length} cores, ${memory}, ${total.toLocaleString('en-GB')} events in the trail\n`);
  console.log(`| appending (${connections} connections, one event per transaction) | events/s, each round |`);
  console.log('| --- | --- |');
  console.log(`| chained (trigger, ${verified.chains} chains, partitioned) | ${chained.map((n) => n.toLocaleString('en-GB')).join(', ')} |`);
  console.log(`| unchained (same row, plain table) | ${unchained.map((n) => n.toLocaleString('en-GB')).join(', ')} |`);
  console.log(`\naudit verify: ${verified.events.toLocaleString('en-GB')} events in ${verified.chains} chains, ${verified.breaks.length} breaks, ${verifyRate.toLocaleString('en-GB')} events/s\n`);
  console.log(`| ${sample.length} children, one at a time | mean ms | p50 ms | p95 ms | added to the reads alone (mean) |`);
  console.log('| --- | --- | --- | --- | --- |');
  // Each row with an audit event is compared with the reads it adds the event to.
  const readsOf: Partial<Record<keyof typeof timings, keyof typeof timings>> = {
    '+ chained audit event': 'primary-key lookup',
    '+ unchained insert': 'primary-key lookup',
    'child record + chained audit event, one after the other': 'child record (loadChildRecord)',
    'record view with its audit event (viewChildRecord)': 'record view: its reads alone',
  };
  for (const [name, list] of Object.entries(timings) as [keyof typeof timings, number[]][]) {
    const sorted = [...list].sort((a, b) => a - b);
    const reads = readsOf[name];
    const added = reads ? `+${Math.round((100 * (mean(list) - mean(timings[reads]))) / mean(timings[reads]))}%` : '—';
    console.log(`| ${name} | ${ms(mean(list))} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${added} |`);
  }
} finally {
  await db.execute(sql`drop table if exists bench_audit_unchained`);
  await connection.close();
}
