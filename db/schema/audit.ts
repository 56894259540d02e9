import { sql } from 'drizzle-orm';
import { bigint, check, index, inet, jsonb, pgSequence, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';
import { actorKind } from './enums';

/** How many hash chains the audit trail is spread over, so that concurrent writers do not queue for one head. */
export const AUDIT_CHAINS = 64;

export const auditEventIds = pgSequence('audit_events_id_seq');

/**
 * Every search, every view and every change of a child's record. Append-only and tamper-evident: the application's
 * role may only select and insert, a trigger refuses any update or delete (redaction aside), and a trigger chains
 * every event to the previous one of its chain. The query holds the criteria as typed; the ids are the records
 * returned or touched.
 *
 * The migration (0020) differs from what drizzle-kit would make of this declaration: the table is partitioned by
 * month on occurred_at (hence the key includes it), and chain, seq, prev_hash, hash and details_digest are NOT NULL
 * there but declared optional here, because the trigger fills them and inserts must not name them.
 * See docs/decisions/007-tamper-evident-audit.md.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).notNull().default(sql`nextval('audit_events_id_seq')`),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorKind: actorKind().notNull(),
    actorId: uuid(),
    organisationId: uuid(),
    action: text().notNull(),
    reason: text(),
    query: jsonb(),
    childIds: uuid().array().notNull().default([]),
    outcome: text().notNull().default('ok'),
    clientAddress: inet(),
    chain: smallint(),
    seq: bigint({ mode: 'number' }),
    prevHash: bytea(),
    hash: bytea(),
    /** SHA-256 of reason and query: the chain covers this, so the two can be redacted without breaking it. */
    detailsDigest: bytea(),
    /** Set when reason and query were removed because a child they concern was purged. */
    redactedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.occurredAt] }),
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_actor_idx').on(t.actorId, t.occurredAt),
    index('audit_events_child_ids_idx').using('gin', t.childIds),
    index('audit_events_chain_seq_idx').on(t.chain, t.seq),
    check('audit_events_chain_in_range', sql`${t.chain} >= 0 and ${t.chain} < ${sql.raw(String(AUDIT_CHAINS))}`),
  ],
);

/** The newest event of each chain: the next event of the chain follows it, and verification ends on it. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: smallint().primaryKey(),
  seq: bigint({ mode: 'number' }).notNull(),
  hash: bytea().notNull(),
  /** The hash before: what the newest event's prev_hash must be. */
  prevHash: bytea().notNull(),
});
