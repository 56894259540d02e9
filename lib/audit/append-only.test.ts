import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from '@/db';
import { databaseError } from '@/testing/database-error';
import { inRolledBackTransaction } from '@/testing/rolled-back';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { findViewingPurpose } from '@/lib/records/find-viewing-purpose';
import { ensureAuditPartitions } from './ensure-audit-partitions';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';

let database: TestDatabase;
let eventId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  eventId = await recordAuditEvent({ db: database.db, event: { actorKind: 'system', action: 'test.event', reason: 'a reason' } });
});
afterAll(async () => {
  await database?.drop();
});

/** Runs in a transaction as `role` (or as the superuser the tests connect as), then undoes it. */
const as = <T>(role: string | null, run: (tx: Transaction) => Promise<T>): Promise<T> =>
  inRolledBackTransaction(database.db, async (tx) => {
    if (role) await tx.execute(sql`select set_config('role', ${role}, true)`);
    return run(tx);
  });
const refusal = (role: string | null, statement: SQL) => as(role, (tx) => databaseError(tx.execute(statement)));

describe('as the application role', () => {
  const app = 'childrens_index_app';

  it('records events and reads them back, chained by the trigger', async () => {
    const chained = await as(app, async (tx) => {
      const childId = randomUUID();
      const viewerId = randomUUID();
      const id = await recordAuditEvent({ db: tx, event: { actorKind: 'staff', actorId: viewerId, action: 'child.search', reason: 'working_with_child', childIds: [childId] } });
      const purpose = await findViewingPurpose({ db: tx, viewerId, childId, purposeEventId: id, now: new Date() });
      const [row] = await tx.execute<{ seq: string; hash: Buffer }>(sql`select seq, hash from audit_events where id = ${id}`);
      return { purpose, row };
    });
    expect(chained.purpose?.reason).toBe('working_with_child');
    expect(chained.row!.hash).toHaveLength(32);
  });

  it('records an event given only who and what as a plain success, with nothing else filled in', async () => {
    const [row] = await as(app, async (tx) => {
      const id = await recordAuditEvent({ db: tx, event: { actorKind: 'system', action: 'test.minimal' } });
      return tx.execute<Record<string, unknown>>(sql`select outcome, reason, query, child_ids, actor_id, organisation_id, client_address from audit_events where id = ${id}`);
    });
    expect(row).toEqual({ outcome: 'ok', reason: null, query: null, child_ids: [], actor_id: null, organisation_id: null, client_address: null });
  });

  it.each([
    ['update', sql`update audit_events set reason = 'changed' where id = ${1}`],
    ['delete', sql`delete from audit_events where true`],
    ['truncate', sql`truncate audit_events`],
    ['delete from a partition', sql`delete from audit_events_default where true`],
    ['update a chain head', sql`update audit_chain_heads set seq = 0 where true`],
    ['redact directly', sql`update audit_events set reason = null, query = null, redacted_at = now() where true`],
  ])('may not %s', async (_, statement) => {
    expect((await refusal(app, statement)).code).toBe('42501');
  });

  it('may not call the redaction function (only the retention role may)', async () => {
    expect((await refusal(app, sql`select redact_audit_details(${randomUUID()}::uuid)`)).code).toBe('42501');
  });
});

describe('as the superuser', () => {
  it.each([
    ['update', sql`update audit_events set reason = 'changed' where id = ${1}`, /append-only: update of event/],
    ['delete', sql`delete from audit_events where true`, /append-only: delete of event/],
    ['truncate', sql`truncate audit_events`, /cannot be truncated/],
    ['truncate a partition', sql`truncate audit_events_default`, /cannot be truncated/],
    ['truncate the chain heads', sql`truncate audit_chain_heads`, /cannot be truncated/],
    ['move a chain head', sql`update audit_chain_heads set seq = seq + 1 where true`, /heads move only as events are appended/],
    ['delete a chain head', sql`delete from audit_chain_heads where true`, /heads move only as events are appended/],
  ])('is refused by a trigger: %s', async (_, statement, message) => {
    expect((await refusal(null, statement)).message).toMatch(message);
  });

  it('cannot set the chain columns itself: the trigger overwrites them', async () => {
    const row = await as(null, async (tx) => {
      await tx.execute(sql`insert into audit_events (actor_kind, action, chain, seq, prev_hash, hash, details_digest)
        values ('system', 'test.forged', 0, 1, '\\x00', '\\x00', '\\x00')`);
      const [forged] = await tx.execute<{ seq: string; hash: Buffer; prev_hash: Buffer }>(sql`select seq, hash, prev_hash from audit_events where action = 'test.forged'`);
      return forged!;
    });
    expect(row.hash).toHaveLength(32);
    expect(row.prev_hash).toHaveLength(32);
  });
});

describe('monthly partitions', () => {
  it('puts an event in the partition of its month, and one far ahead in the default partition', async () => {
    const rows = await as(null, async (tx) => {
      await tx.execute(sql`insert into audit_events (occurred_at, actor_kind, action) values ('2040-01-01T00:00:00Z', 'system', 'test.future')`);
      return tx.execute<{ action: string; partition: string }>(sql`
        select action, tableoid::regclass::text as partition from audit_events where id = ${eventId} or action = 'test.future' order by id`);
    });
    const month = new Date().toISOString().slice(0, 7).replace('-', '_');
    expect([...rows]).toEqual([
      { action: 'test.event', partition: `audit_events_${month}` },
      { action: 'test.future', partition: 'audit_events_default' },
    ]);
  });

  it('are created ahead on demand, once', async () => {
    const created = await as(null, async (tx) => [await ensureAuditPartitions({ db: tx, monthsAhead: 6 }), await ensureAuditPartitions({ db: tx, monthsAhead: 6 })]);
    expect(created).toEqual([3, 0]);
  });

  it('look an event up by id in the index of recent partitions only', async () => {
    const plan = await as(null, async (tx) => {
      await tx.execute(sql`select ensure_audit_partitions(now() - interval '12 months', 3)`);
      return tx.execute<{ 'QUERY PLAN': string }>(sql`
        explain select id from audit_events where id = ${eventId} and occurred_at > now() - interval '8 hours'`);
    });
    const text = [...plan].map((r) => r['QUERY PLAN']).join('\n');
    const lastYear = `audit_events_${new Date().getUTCFullYear() - 1}_`;
    expect(text).toMatch(/Index Only Scan using audit_events_\d{4}_\d{2}_pkey/);
    expect(text).not.toMatch(/Seq Scan/);
    expect(text).not.toContain(lastYear);
  });
});
