import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { AUDIT_CHAINS } from '@/db/schema';

/** Where a chain no longer proves what happened. `seq` is the position in the chain where the break shows. */
export type AuditBreak =
  /** The event's stored hash is not the hash of its contents: a column was changed. */
  | { kind: 'altered'; chain: number; seq: number; eventId: number }
  /** Reason or query no longer match the digest the chain covers (and the event was not redacted). */
  | { kind: 'details_altered'; chain: number; seq: number; eventId: number }
  /** Events `fromSeq`..`toSeq` are missing from the chain. */
  | { kind: 'missing'; chain: number; fromSeq: number; toSeq: number }
  /** The event does not follow the one before it (its previous hash, or a repeated seq): moved, swapped or inserted. */
  | { kind: 'out_of_order'; chain: number; seq: number; eventId: number }
  /** The chain's head names a different last event: the newest events were removed, or added behind the head's back. */
  | { kind: 'head_mismatch'; chain: number; headSeq: number | null; lastSeq: number }
  /** Details removed without the `audit.redact` event that redact_audit_details records. */
  | { kind: 'unrecorded_redaction'; chain: number; seq: number; eventId: number };

const positionInChain = (b: AuditBreak) => (b.kind === 'missing' ? b.fromSeq : b.kind === 'head_mismatch' ? b.lastSeq + 1 : b.seq);

export type AuditVerification = { events: number; chains: number; redacted: number; breaks: AuditBreak[]; breaksLeftOut: number };

export type VerifyAuditTrailOptions = {
  db: DbOrTx;
  /** Events read per query (per chain). */
  pageSize?: number;
  /** Chains walked at once: one per core the database has to spare. */
  concurrency?: number;
  /** Breaks kept for the report; the rest are only counted. */
  maxBreaks?: number;
};

const GENESIS: Buffer = Buffer.alloc(32);

type CheckedRow = {
  id: string;
  seq: string;
  prev_hash: Buffer;
  hash: Buffer;
  hash_ok: boolean;
  details_ok: boolean;
  redacted: boolean;
  child_ids: string[];
  lag_seq: string | null;
  follows: boolean | null;
  is_last: boolean;
  n: string;
};

// One page of a chain, checked inside the database with the same functions the trigger uses. Only what Node needs
// comes back: the page's first and last events (to join pages up), redacted events and anything wrong.
const checkPage = (chain: number, afterSeq: number, pageSize: number) => sql`
  select id, seq, prev_hash, hash, hash_ok, details_ok, redacted, child_ids, lag_seq, follows, is_last, n
  from (
    select e.id, e.seq, e.prev_hash, e.hash, e.child_ids,
      e.hash = audit_event_hash(e.prev_hash, e.id, e.occurred_at, e.actor_kind, e.actor_id, e.organisation_id, e.action,
        e.child_ids, e.outcome, e.client_address, e.details_digest, e.chain, e.seq) as hash_ok,
      case when e.redacted_at is null then e.details_digest = audit_details_digest(e.reason, e.query)
           else e.reason is null and e.query is null end as details_ok,
      e.redacted_at is not null as redacted,
      lag(e.seq) over w as lag_seq,
      lag(e.hash) over w = e.prev_hash as follows,
      lead(e.seq) over w is null as is_last,
      row_number() over w as n
    from (select * from audit_events where chain = ${chain} and seq > ${afterSeq} order by seq limit ${pageSize}) e
    window w as (order by e.seq)
  ) checked
  where n = 1 or is_last or not hash_ok or not details_ok or redacted or not follows or lag_seq <> seq - 1
  order by seq`;

type ChainResult = { events: number; breaks: AuditBreak[]; redacted: { chain: number; seq: number; eventId: number; childIds: string[] }[] };

async function verifyChain(db: DbOrTx, chain: number, pageSize: number): Promise<ChainResult> {
  const result: ChainResult = { events: 0, breaks: [], redacted: [] };
  let lastSeq = 0;
  let lastHash = GENESIS;
  for (;;) {
    const rows = await db.execute<CheckedRow>(checkPage(chain, lastSeq, pageSize));
    if (rows.length === 0) {
      // Read the head only once the walk has caught up, so that events appended meanwhile are walked too.
      const [head] = await db.execute<{ seq: string; hash: Buffer }>(sql`select seq, hash from audit_chain_heads where chain = ${chain}`);
      if (head && Number(head.seq) > lastSeq) {
        const [newer] = await db.execute(sql`select 1 from audit_events where chain = ${chain} and seq > ${lastSeq} limit 1`);
        if (newer) continue;
      }
      if (!head || Number(head.seq) !== lastSeq || !head.hash.equals(lastHash)) {
        result.breaks.push({ kind: 'head_mismatch', chain, headSeq: head ? Number(head.seq) : null, lastSeq });
      }
      return result;
    }
    for (const row of rows) {
      const seq = Number(row.seq);
      const eventId = Number(row.id);
      // The page's first event joins on to the last one of the page before (or to the chain's start).
      const previousSeq = row.lag_seq === null ? lastSeq : Number(row.lag_seq);
      const follows = row.lag_seq === null ? row.prev_hash.equals(lastHash) : row.follows;
      if (seq > previousSeq + 1) result.breaks.push({ kind: 'missing', chain, fromSeq: previousSeq + 1, toSeq: seq - 1 });
      else if (seq !== previousSeq + 1 || !follows) result.breaks.push({ kind: 'out_of_order', chain, seq, eventId });
      if (!row.hash_ok) result.breaks.push({ kind: 'altered', chain, seq, eventId });
      if (!row.details_ok) result.breaks.push({ kind: 'details_altered', chain, seq, eventId });
      if (row.redacted) result.redacted.push({ chain, seq, eventId, childIds: row.child_ids });
      if (row.is_last) {
        result.events += Number(row.n);
        lastSeq = seq;
        lastHash = row.hash;
      }
    }
  }
}

/** The children named in an `audit.redact` event, out of those given. */
async function childrenWithRecordedRedaction(db: DbOrTx, childIds: string[]): Promise<Set<string>> {
  if (childIds.length === 0) return new Set();
  const rows = await db.execute<{ child_id: string }>(sql`
    select distinct c.child_id::text as child_id
    from audit_events e, unnest(e.child_ids) as c(child_id)
    where e.action = 'audit.redact' and e.child_ids && ${`{${childIds.join(',')}}`}::uuid[]`);
  return new Set(rows.map((r) => r.child_id));
}

/**
 * Walks every hash chain of the audit trail, a page at a time, recomputing each event's hash and checking that it
 * follows the event before it and that the chain ends at its head. Reports where any chain breaks; an empty
 * `breaks` means the trail is as it was written (redactions by redact_audit_details aside).
 */
export async function verifyAuditTrail({ db, pageSize = 20_000, concurrency = 2, maxBreaks = 1_000 }: VerifyAuditTrailOptions): Promise<AuditVerification> {
  const chains = Array.from({ length: AUDIT_CHAINS }, (_, chain) => chain);
  const results: ChainResult[] = [];
  const walk = async () => {
    for (let chain = chains.shift(); chain !== undefined; chain = chains.shift()) results.push(await verifyChain(db, chain, pageSize));
  };
  await Promise.all(Array.from({ length: concurrency }, walk));

  const redacted = results.flatMap((r) => r.redacted);
  const recorded = await childrenWithRecordedRedaction(db, [...new Set(redacted.flatMap((r) => r.childIds))]);
  const unrecorded: AuditBreak[] = redacted
    .filter((r) => !r.childIds.some((id) => recorded.has(id)))
    .map(({ chain, seq, eventId }) => ({ kind: 'unrecorded_redaction', chain, seq, eventId }));

  const breaks = [...results.flatMap((r) => r.breaks), ...unrecorded].sort((a, b) => a.chain - b.chain || positionInChain(a) - positionInChain(b));
  return {
    events: results.reduce((sum, r) => sum + r.events, 0),
    chains: AUDIT_CHAINS,
    redacted: redacted.length,
    breaks: breaks.slice(0, maxBreaks),
    breaksLeftOut: Math.max(0, breaks.length - maxBreaks),
  };
}
