import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx, Transaction } from '@/db';
import { inRolledBackTransaction } from '@/testing/rolled-back';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { anchorAuditHeads } from './anchor-audit-heads';
import { type AnchorKey, readAnchorKey } from './anchor-key.js';
import { anchorLineHash } from './anchor-line';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { verifyAuditAnchors } from './verify-audit-anchors';
import { verifyAuditTrail } from './verify-audit-trail';

// Issue 22, item 11: a superuser who edits an event and re-hashes its chain (head and all) passed `audit verify`.

let database: TestDatabase;
let dir: string;
let key: AnchorKey;
let logPath: string;

const makeKey = (name: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return readAnchorKey(file);
};

const search = (db: DbOrTx, n: number) =>
  recordAuditEvent({ db, event: { actorKind: 'staff', actorId: randomUUID(), action: 'child.search', reason: `working_with_child ${n}`, query: { n }, childIds: [randomUUID()] } });

/** What a superuser can do: change an event with the triggers off, then recompute every later hash of its chain and its head. */
async function editAndRehash(tx: Transaction, eventId: number) {
  await tx.execute(sql`set local session_replication_role = replica`);
  const [target] = await tx.execute<{ chain: number; seq: string }>(sql`select chain, seq from audit_events where id = ${eventId}`);
  await tx.execute(sql`update audit_events set reason = 'nothing to see', details_digest = audit_details_digest('nothing to see', query) where id = ${eventId}`);
  const later = await tx.execute<{ id: string; seq: string }>(sql`select id, seq from audit_events where chain = ${target!.chain} and seq >= ${target!.seq} order by seq`);
  for (const event of later) {
    await tx.execute(sql`
      update audit_events e set
        prev_hash = coalesce((select p.hash from audit_events p where p.chain = e.chain and p.seq = e.seq - 1), decode(repeat('00', 32), 'hex')),
        hash = audit_event_hash(coalesce((select p.hash from audit_events p where p.chain = e.chain and p.seq = e.seq - 1), decode(repeat('00', 32), 'hex')),
          e.id, e.occurred_at, e.actor_kind, e.actor_id, e.organisation_id, e.action, e.child_ids, e.outcome, e.client_address, e.details_digest, e.chain, e.seq)
      where e.id = ${event.id}`);
  }
  await tx.execute(sql`
    update audit_chain_heads h set hash = e.hash, prev_hash = e.prev_hash
    from audit_events e where e.chain = h.chain and e.seq = h.seq and h.chain = ${target!.chain}`);
  await tx.execute(sql`set local session_replication_role = origin`);
  return { chain: target!.chain, seq: Number(target!.seq) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'audit-anchors-'));
  key = makeKey('anchor.pem');
  logPath = path.join(dir, 'audit-anchors.jsonl');
  for (let i = 0; i < 200; i += 1) await search(database.db, i);
  await anchorAuditHeads({ db: database.db, key, logPath });
  for (let i = 200; i < 260; i += 1) await search(database.db, i);
  await anchorAuditHeads({ db: database.db, key, logPath });
});
afterAll(async () => {
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const lines = () => readFileSync(logPath, 'utf8').trimEnd().split('\n');

describe('anchoring the audit trail outside the database', () => {
  it('appends one signed line per anchoring, with the 64 heads, each line naming the hash of the one before', async () => {
    const [first, second] = lines().map((l) => JSON.parse(l) as { previous: string | null; heads: unknown[]; keyId: string });
    expect(first!.previous).toBeNull();
    expect(second!.previous).toMatch(/^[0-9a-f]{64}$/);
    expect(first!.heads).toHaveLength(64);
    expect(second!.keyId).toBe(key.keyId);
    expect(await verifyAuditAnchors({ db: database.db, publicKey: key.publicKey, logPath })).toEqual({ lines: 2, breaks: [] });
    const recorded = await database.sql<{ line_hash: string }[]>`select query->>'lineHash' as line_hash from audit_events where action = 'audit.anchored'`;
    expect(recorded.map((r) => r.line_hash)).toEqual(expect.arrayContaining(lines().map(anchorLineHash)));
  });

  it('finds a chain edited and re-hashed by a superuser, which the hash chains alone cannot', async () => {
    const [early] = await database.sql<{ id: string }[]>`
      select id from audit_events where action = 'child.search' and (query->>'n')::int = 10`;
    const result = await inRolledBackTransaction(database.db, async (tx) => {
      const edited = await editAndRehash(tx, Number(early!.id));
      return { edited, trail: await verifyAuditTrail({ db: tx }), anchors: await verifyAuditAnchors({ db: tx, publicKey: key.publicKey, logPath }) };
    });
    expect(result.trail.breaks).toEqual([]);
    expect(result.anchors.breaks.length).toBeGreaterThan(0);
    expect(result.anchors.breaks.every((b) => b.kind === 'anchor_mismatch' && b.chain === result.edited.chain && b.seq >= result.edited.seq)).toBe(true);
  });

  it('finds the newest events of a chain removed with its head wound back', async () => {
    // A chain whose newest event is the one the last anchoring named (the anchoring's own event moved another).
    const anchoredHeads = (JSON.parse(lines()[1]!) as { heads: [number, number, string][] }).heads;
    const current = await database.sql<{ chain: number; seq: string }[]>`select chain, seq from audit_chain_heads`;
    const [chain, seq] = anchoredHeads.find(([c, s]) => s > 2 && current.some((h) => h.chain === c && Number(h.seq) === s))!;
    const result = await inRolledBackTransaction(database.db, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      const head = { chain, seq };
      await tx.execute(sql`delete from audit_events where chain = ${head!.chain} and seq = ${head!.seq}`);
      await tx.execute(sql`
        update audit_chain_heads h set seq = e.seq, hash = e.hash, prev_hash = e.prev_hash
        from audit_events e where e.chain = h.chain and e.seq = h.seq - 1 and h.chain = ${head!.chain}`);
      await tx.execute(sql`set local session_replication_role = origin`);
      return { chain: head!.chain, trail: await verifyAuditTrail({ db: tx }), anchors: await verifyAuditAnchors({ db: tx, publicKey: key.publicKey, logPath }) };
    });
    expect(result.trail.breaks).toEqual([]);
    expect(result.anchors.breaks).toEqual([expect.objectContaining({ kind: 'anchor_mismatch', chain: result.chain, seq })]);
  });

  it('refuses an anchor log that was edited, cut or signed with another key', async () => {
    const original = readFileSync(logPath, 'utf8');
    const check = async (text: string, publicKey = key.publicKey) => {
      const copy = path.join(dir, `copy-${randomUUID()}.jsonl`);
      writeFileSync(copy, text);
      return (await verifyAuditAnchors({ db: database.db, publicKey, logPath: copy })).breaks;
    };
    const [first, second] = original.trimEnd().split('\n');
    const edited = JSON.parse(first!) as { heads: [number, number, string][] };
    edited.heads[0]![2] = 'ab'.repeat(32);
    expect(await check(`${JSON.stringify(edited)}\n${second}\n`)).toContainEqual({ kind: 'anchor_line_broken', line: 1, problem: 'unsigned' });
    expect(await check(`${second}\n`)).toEqual([{ kind: 'anchor_line_broken', line: 1, problem: 'out_of_sequence' }]);
    expect(await check(original, makeKey('other.pem').publicKey)).toEqual([
      { kind: 'anchor_line_broken', line: 1, problem: 'unsigned' },
      { kind: 'anchor_line_broken', line: 2, problem: 'unsigned' },
    ]);
    expect(await check('')).toEqual([{ kind: 'anchor_log_missing', logPath: expect.any(String) }]);
  });

  it('stops the service outside demo mode when the anchor key is not set, naming the setting', async () => {
    const run = promisify(execFile);
    // What `next start` does first: load next.config.js for the server phase.
    const start = "import('./next.config.js').then((m) => m.default('phase-production-server'))";
    const script = "import('./lib/audit/anchor-key.js').then((m) => m.anchorKey())";
    const { DATABASE_URL: _, ...inherited } = process.env;
    const failure = await run(process.execPath, ['-e', start], { cwd: process.cwd(), env: { ...inherited, DEMO_MODE: 'false', AUDIT_ANCHOR_KEY_FILE: '' } }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toMatch(/AUDIT_ANCHOR_KEY_FILE is not set/);
    const missingFile = await run(process.execPath, ['-e', script], { cwd: process.cwd(), env: { ...inherited, AUDIT_ANCHOR_KEY_FILE: path.join(dir, 'absent.pem') } }).then(
      () => null,
      (error: { stderr: string }) => error,
    );
    expect(missingFile?.stderr).toMatch(/AUDIT_ANCHOR_KEY_FILE \(.*absent\.pem\) must be a readable Ed25519 private key/);
  });
});
