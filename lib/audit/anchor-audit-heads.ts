import 'server-only';
import { appendFile, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import type { AnchorKey } from './anchor-key.js';
import { type AnchoredHead, anchorLineHash, signAnchorLine } from './anchor-line';
import { readLastLine } from './read-last-line';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';

export type AnchorAuditHeadsOptions = { db: Database; key: AnchorKey; logPath: string; now?: Date };

// One anchoring at a time across every process of the service, so that two lines never name the same previous one.
const ANCHOR_LOCK = sql`select pg_advisory_xact_lock(hashtext('childrens_index.audit_anchor'))`;

/**
 * Writes the 64 chain heads, signed with a key the database does not hold, as one line appended to the anchor log,
 * naming the hash of the line before. A chain re-hashed in the database after this no longer ends in, or passes
 * through, the anchored hash (verifyAuditAnchors).
 */
export async function anchorAuditHeads({ db, key, logPath, now = new Date() }: AnchorAuditHeadsOptions): Promise<{ line: string; heads: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(ANCHOR_LOCK);
    const rows = await tx.execute<{ chain: number; seq: string; hash: Buffer }>(sql`select chain, seq, hash from audit_chain_heads order by chain`);
    const heads: AnchoredHead[] = rows.map((r) => [r.chain, Number(r.seq), r.hash.toString('hex')]);
    const last = await readLastLine(logPath);
    const line = signAnchorLine({ v: 1, anchoredAt: now.toISOString(), keyId: key.keyId, previous: last === null ? null : anchorLineHash(last), heads }, key.privateKey);
    await mkdir(path.dirname(logPath), { recursive: true });
    await appendFile(logPath, `${line}\n`, { flag: 'a', mode: 0o600 });
    const handle = await open(logPath, 'r');
    await handle.sync().finally(() => handle.close());
    await recordAuditEvent({ db: tx, event: { actorKind: 'system', action: 'audit.anchored', query: { keyId: key.keyId, lineHash: anchorLineHash(line) } } });
    return { line, heads: heads.length };
  });
}
