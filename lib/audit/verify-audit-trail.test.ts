import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DbOrTx, type Transaction } from '@/db';
import { inRolledBackTransaction } from '@/testing/rolled-back';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { verifyAuditTrail, type AuditVerification } from './verify-audit-trail';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const search = (db: DbOrTx, n: number) =>
  recordAuditEvent({
    db,
    event: { actorKind: 'staff', actorId: randomUUID(), action: 'child.search', reason: `working_with_child ${n}`, query: { familyName: 'Smith', n }, childIds: [randomUUID()] },
  });

type Located = { id: number; chain: number; seq: number };
const events = async (where = sql`true`): Promise<Located[]> =>
  [...(await database.db.execute<{ id: string; chain: number; seq: string }>(sql`select id, chain, seq from audit_events where ${where} order by chain, seq`))].map(
    (r) => ({ id: Number(r.id), chain: r.chain, seq: Number(r.seq) }),
  );

/** Tampers as a superuser would (triggers off for the session), verifies, and undoes it all. */
const verifyAfterTampering = (tamper: (tx: Transaction) => Promise<unknown>): Promise<AuditVerification> =>
  inRolledBackTransaction(database.db, async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tamper(tx);
    await tx.execute(sql`set local session_replication_role = origin`);
    return verifyAuditTrail({ db: tx, pageSize: 7 });
  });

/** An event in the middle of a chain (neither its first nor its last). */
async function middleEvent(): Promise<Located> {
  const all = await events();
  const lastOf = (chain: number) => Math.max(...all.filter((e) => e.chain === chain).map((e) => e.seq));
  return all.find((e) => e.seq > 1 && e.seq < lastOf(e.chain))!;
}

describe('verifying the audit trail', () => {
  beforeAll(async () => {
    // Several events per transaction (one chain each) and single ones, so chains run over several pages of 7.
    for (let t = 0; t < 30; t += 1) await database.db.transaction(async (tx) => {
      for (let i = 0; i < 1 + (t % 4); i += 1) await search(tx, t * 10 + i);
    });
    for (let i = 0; i < 20; i += 1) await search(database.db, 1000 + i);
  });

  it('finds a normal history whole, with every event counted', async () => {
    const result = await verifyAuditTrail({ db: database.db, pageSize: 7 });
    expect(result.breaks).toEqual([]);
    expect(result.events).toBe((await events()).length);
    expect(result.events).toBe(93);
  });

  it('chains the events of one transaction one after another in a single chain', async () => {
    const ids: number[] = [];
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i += 1) ids.push(await search(tx, 2000 + i));
    });
    const written = await events(sql`id in ${ids}`);
    expect(new Set(written.map((e) => e.chain)).size).toBe(1);
    expect(written.map((e) => e.seq - written[0]!.seq)).toEqual([0, 1, 2]);
  });

  it('names an event whose reason was edited with the triggers off', async () => {
    const target = await middleEvent();
    const result = await verifyAfterTampering((tx) => tx.execute(sql`update audit_events set reason = 'nothing to see' where id = ${target.id}`));
    expect(result.breaks).toEqual([{ kind: 'details_altered', chain: target.chain, seq: target.seq, eventId: target.id }]);
  });

  it('names an event whose reason was edited with the trigger disabled by ALTER TABLE', async () => {
    const target = await middleEvent();
    const result = await inRolledBackTransaction(database.db, async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_refuse_change`);
      await tx.execute(sql`update audit_events set reason = 'nothing to see' where id = ${target.id}`);
      return verifyAuditTrail({ db: tx });
    });
    expect(result.breaks).toEqual([{ kind: 'details_altered', chain: target.chain, seq: target.seq, eventId: target.id }]);
  });

  it('names an event whose other columns were edited, even with a matching digest recomputed', async () => {
    const target = await middleEvent();
    const result = await verifyAfterTampering((tx) =>
      tx.execute(sql`update audit_events set action = 'child.view', reason = 'other', details_digest = audit_details_digest('other', query) where id = ${target.id}`),
    );
    expect(result.breaks).toEqual([{ kind: 'altered', chain: target.chain, seq: target.seq, eventId: target.id }]);
  });

  it('finds a deleted event as a gap in its chain', async () => {
    const target = await middleEvent();
    const result = await verifyAfterTampering((tx) => tx.execute(sql`delete from audit_events where id = ${target.id}`));
    expect(result.breaks).toEqual([{ kind: 'missing', chain: target.chain, fromSeq: target.seq, toSeq: target.seq }]);
  });

  it('finds the newest event of a chain deleted, by its head', async () => {
    const all = await events();
    const last = all.filter((e) => e.chain === all[0]!.chain).at(-1)!;
    const result = await verifyAfterTampering((tx) => tx.execute(sql`delete from audit_events where id = ${last.id}`));
    expect(result.breaks).toEqual([{ kind: 'head_mismatch', chain: last.chain, headSeq: last.seq, lastSeq: last.seq - 1 }]);
  });

  it('finds the newest event deleted with its head wound back, by the hash of the head', async () => {
    const all = await events();
    const last = all.filter((e) => e.chain === all[0]!.chain).at(-1)!;
    const result = await verifyAfterTampering(async (tx) => {
      await tx.execute(sql`delete from audit_events where id = ${last.id}`);
      await tx.execute(sql`update audit_chain_heads set seq = seq - 1 where chain = ${last.chain}`);
    });
    expect(result.breaks).toEqual([{ kind: 'head_mismatch', chain: last.chain, headSeq: last.seq - 1, lastSeq: last.seq - 1 }]);
  });

  it('finds two events whose places in the chain were swapped', async () => {
    const target = await middleEvent();
    const [next] = await events(sql`chain = ${target.chain} and seq = ${target.seq + 1}`);
    const result = await verifyAfterTampering(async (tx) => {
      await tx.execute(sql`update audit_events set seq = -1 where id = ${target.id}`);
      await tx.execute(sql`update audit_events set seq = ${target.seq} where id = ${next!.id}`);
      await tx.execute(sql`update audit_events set seq = ${target.seq + 1} where id = ${target.id}`);
    });
    expect(result.breaks).toEqual(
      expect.arrayContaining([
        { kind: 'out_of_order', chain: target.chain, seq: target.seq, eventId: next!.id },
        { kind: 'altered', chain: target.chain, seq: target.seq, eventId: next!.id },
        { kind: 'altered', chain: target.chain, seq: target.seq + 1, eventId: target.id },
      ]),
    );
  });

  it('finds an event inserted into a chain with a forged hash', async () => {
    const target = await middleEvent();
    const result = await verifyAfterTampering((tx) =>
      tx.execute(sql`
        insert into audit_events (id, occurred_at, actor_kind, action, chain, seq, prev_hash, hash, details_digest)
        select 999999, occurred_at, 'system', 'forged', chain, seq, prev_hash, hash, details_digest from audit_events where id = ${target.id}`),
    );
    expect(result.breaks).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'out_of_order', chain: target.chain, seq: target.seq })]));
  });
  it('lists breaks chain by chain in each chain’s order, no more than asked, and says how many it left out', async () => {
    const all = await events();
    const lastOf = (chain: number) => Math.max(...all.filter((e) => e.chain === chain).map((e) => e.seq));
    const middle = all.filter((e) => e.seq > 1 && e.seq < lastOf(e.chain));
    // Three events far apart in (chain, seq) order, tampered with in the reverse order.
    const targets = [middle[1]!, middle[Math.floor(middle.length / 2)]!, middle[middle.length - 2]!];
    const broken = (t: Located) => ({ kind: 'details_altered', chain: t.chain, seq: t.seq, eventId: t.id });
    const verify = (maxBreaks?: number) =>
      inRolledBackTransaction(database.db, async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        for (const t of [...targets].reverse()) await tx.execute(sql`update audit_events set reason = 'changed' where id = ${t.id}`);
        await tx.execute(sql`set local session_replication_role = origin`);
        return verifyAuditTrail({ db: tx, pageSize: 7, ...(maxBreaks === undefined ? {} : { maxBreaks }) });
      });
    expect(await verify()).toMatchObject({ breaks: targets.map(broken), breaksLeftOut: 0 });
    expect(await verify(2)).toMatchObject({ breaks: targets.slice(0, 2).map(broken), breaksLeftOut: 1 });
    expect(await verify(0)).toMatchObject({ breaks: [], breaksLeftOut: 3 });
  });
});

describe('concurrent writers', () => {
  it('take a free chain rather than wait for a busy one', async ({ skip }) => {
    if (database.embedded) skip(); // one session only
    const holder = await connect({ url: database.url, max: 1 });
    const writer = await connect({ url: database.url, max: 1, settings: { lock_timeout: '2s' } });
    try {
      const id = await holder.sql.begin(async (held) => {
        await held`select chain from audit_chain_heads where chain <> 5 for update`;
        return recordAuditEvent({ db: writer.db, event: { actorKind: 'system', action: 'test.free_chain' } });
      });
      const [event] = await events(sql`id = ${id}`);
      expect(event!.chain).toBe(5);
    } finally {
      await holder.close();
      await writer.close();
    }
  });

  it('leave valid chains when eight connections append at once', async () => {
    const before = (await events()).length;
    const writers = database.embedded ? null : await connect({ url: database.url, max: 8 });
    const db = writers?.db ?? database.db;
    try {
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          for (let i = 0; i < 25; i += 1) {
            if (i % 5 === 0) await db.transaction(async (tx) => {
              await search(tx, w * 100 + i);
              await search(tx, w * 100 + i + 0.5);
            });
            else await search(db, w * 100 + i);
          }
        }),
      );
    } finally {
      await writers?.close();
    }
    const result = await verifyAuditTrail({ db: database.db });
    expect(result.breaks).toEqual([]);
    expect(result.events).toBe(before + 8 * 30);
    const [used] = await database.db.execute<{ chains: number }>(sql`select count(*)::int as chains from audit_chain_heads where seq > 0`);
    expect(used!.chains).toBeGreaterThan(8);
  });
});
