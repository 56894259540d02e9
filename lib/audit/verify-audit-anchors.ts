import 'server-only';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { KeyObject } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { type AnchorLine, anchorLineHash, anchorLineSigned } from './anchor-line';

/** Where the trail and its anchors disagree, or the anchor log itself was changed. Lines count from 1. */
export type AnchorBreak =
  /** There is no anchor log to check the trail against. */
  | { kind: 'anchor_log_missing'; logPath: string }
  /** A line that is not JSON, not signed by the anchor key, does not follow the line before, or moves a head back. */
  | { kind: 'anchor_line_broken'; line: number; problem: 'unreadable' | 'unsigned' | 'out_of_sequence' | 'head_moved_back' }
  /** The event the anchor names (by chain and seq) is missing, or its hash is not the anchored one: re-hashed or removed. */
  | { kind: 'anchor_mismatch'; chain: number; seq: number; line: number; anchoredAt: string };

export type VerifyAuditAnchorsOptions = { db: DbOrTx; publicKey: KeyObject; logPath: string };

type Anchored = { chain: number; seq: number; hash: string; line: number; anchoredAt: string };

const BATCH = 5_000;

async function readAnchors(logPath: string, publicKey: KeyObject) {
  const breaks: AnchorBreak[] = [];
  const anchored = new Map<string, Anchored>();
  const newestSeq = new Map<number, number>();
  let previous: string | null = null;
  let number = 0;
  for await (const text of createInterface({ input: createReadStream(logPath), crlfDelay: Infinity })) {
    number += 1;
    let line: AnchorLine;
    try {
      line = JSON.parse(text) as AnchorLine;
      if (!Array.isArray(line.heads)) throw new TypeError('no heads');
    } catch {
      breaks.push({ kind: 'anchor_line_broken', line: number, problem: 'unreadable' });
      previous = anchorLineHash(text);
      continue;
    }
    if (!anchorLineSigned(line, publicKey)) breaks.push({ kind: 'anchor_line_broken', line: number, problem: 'unsigned' });
    else if (line.previous !== previous) breaks.push({ kind: 'anchor_line_broken', line: number, problem: 'out_of_sequence' });
    previous = anchorLineHash(text);
    let movedBack = false;
    for (const [chain, seq, hash] of line.heads) {
      if (seq < (newestSeq.get(chain) ?? 0)) movedBack = true;
      newestSeq.set(chain, Math.max(seq, newestSeq.get(chain) ?? 0));
      // A chain with no events yet anchors nothing; a head that has not moved since the last line is checked once.
      if (seq > 0 && !anchored.has(`${chain}:${seq}`)) anchored.set(`${chain}:${seq}`, { chain, seq, hash, line: number, anchoredAt: line.anchoredAt });
    }
    if (movedBack) breaks.push({ kind: 'anchor_line_broken', line: number, problem: 'head_moved_back' });
  }
  return { breaks, anchored: [...anchored.values()], lines: number };
}

/**
 * Checks the anchor log (every line signed by the anchor key, each naming the hash of the one before, no head moving
 * back) and the trail against it: every anchored head must still be in its chain with the anchored hash. A chain
 * altered and re-hashed inside the database, even with its head set to match, fails here.
 */
export async function verifyAuditAnchors({ db, publicKey, logPath }: VerifyAuditAnchorsOptions): Promise<{ lines: number; breaks: AnchorBreak[] }> {
  const exists = await access(logPath).then(() => true, () => false);
  if (!exists) return { lines: 0, breaks: [{ kind: 'anchor_log_missing', logPath }] };
  const { breaks, anchored, lines } = await readAnchors(logPath, publicKey);
  if (lines === 0) return { lines, breaks: [{ kind: 'anchor_log_missing', logPath }] };
  for (let start = 0; start < anchored.length; start += BATCH) {
    const batch = anchored.slice(start, start + BATCH);
    const rows = await db.execute<{ n: number }>(sql`
      select a.n from unnest(${`{${batch.map((a) => a.chain).join(',')}}`}::smallint[], ${`{${batch.map((a) => a.seq).join(',')}}`}::bigint[],
                             ${`{${batch.map((a) => `"\\\\x${a.hash}"`).join(',')}}`}::bytea[]) with ordinality as a(chain, seq, hash, n)
      where not exists (select 1 from audit_events e where e.chain = a.chain and e.seq = a.seq and e.hash = a.hash)`);
    for (const { n } of rows) {
      const { chain, seq, line, anchoredAt } = batch[Number(n) - 1]!;
      breaks.push({ kind: 'anchor_mismatch', chain, seq, line, anchoredAt });
    }
  }
  return { lines, breaks };
}
