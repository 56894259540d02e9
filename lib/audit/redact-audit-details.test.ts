import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from '@/db';
import { databaseError } from '@/testing/database-error';
import { inRolledBackTransaction } from '@/testing/rolled-back';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { redactAuditDetails } from './redact-audit-details';
import { verifyAuditTrail } from './verify-audit-trail';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const purged = randomUUID();
const other = randomUUID();
const searchFor = (childIds: string[], familyName: string) =>
  recordAuditEvent({ db: database.db, event: { actorKind: 'staff', actorId: randomUUID(), action: 'child.search', reason: 'working_with_child', query: { familyName }, childIds } });

type Details = { reason: string | null; query: unknown; redacted: boolean };
const details = async (id: number): Promise<Details> => {
  const [row] = await database.db.execute<Details>(sql`select reason, query, redacted_at is not null as redacted from audit_events where id = ${id}`);
  return row!;
};

describe('redacting the audit details of a purged child', () => {
  it("removes the reason and query of the child's events only, records it, and the trail still verifies", async () => {
    const alone = await searchFor([purged], 'Purgedchild');
    const together = await searchFor([other, purged], 'Purgedchild');
    const unrelated = await searchFor([other], 'Otherchild');

    expect(await redactAuditDetails({ db: database.db, childId: purged })).toBe(2);

    expect(await details(alone)).toEqual({ reason: null, query: null, redacted: true });
    expect(await details(together)).toEqual({ reason: null, query: null, redacted: true });
    expect(await details(unrelated)).toEqual({ reason: 'working_with_child', query: { familyName: 'Otherchild' }, redacted: false });
    const [recorded] = await database.db.execute<{ query: unknown }>(sql`select query from audit_events where action = 'audit.redact' and child_ids = array[${purged}::uuid]`);
    expect(recorded!.query).toEqual({ events: 2 });

    const result = await verifyAuditTrail({ db: database.db });
    expect(result).toMatchObject({ breaks: [], redacted: 2, events: 4 });
  });

  it('runs as the retention role, which can do nothing else to the audit trail', async () => {
    const childId = randomUUID();
    const id = await searchFor([childId], 'Another');
    const asRetention = (run: (tx: Transaction) => Promise<unknown>) =>
      inRolledBackTransaction(database.db, async (tx) => {
        await tx.execute(sql`set local role childrens_index_retention`);
        return run(tx);
      });
    expect(await asRetention((tx) => redactAuditDetails({ db: tx, childId }))).toBe(1);
    const direct = await asRetention((tx) => databaseError(tx.execute(sql`update audit_events set reason = null, query = null, redacted_at = now() where id = ${id}`)));
    expect(direct).toMatchObject({ code: '42501' });
  });

  it('is told apart from details removed by other means', async () => {
    const id = await searchFor([randomUUID()], 'Hidden');
    const result = await inRolledBackTransaction(database.db, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_events set reason = null, query = null, redacted_at = now() where id = ${id}`);
      return verifyAuditTrail({ db: tx });
    });
    const [located] = await database.db.execute<{ chain: number; seq: string }>(sql`select chain, seq from audit_events where id = ${id}`);
    expect(result.breaks).toEqual([{ kind: 'unrecorded_redaction', chain: located!.chain, seq: Number(located!.seq), eventId: id }]);
  });

  it('is refused to anyone else, even the superuser, by the trigger', async () => {
    const id = await searchFor([randomUUID()], 'Kept');
    const error = await inRolledBackTransaction(database.db, (tx) =>
      databaseError(tx.execute(sql`update audit_events set reason = null, query = null, redacted_at = now() where id = ${id}`)),
    );
    expect(error.message).toMatch(/append-only/);
  });
});
