import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { citizenAccounts } from './citizens';
import { correctionMessageAuthor, correctionStatus, recordItemKind, stayOnBasis, stayOnRequestStatus } from './enums';
import { localAuthorities } from './local-authorities';
import { sourceSystems } from './source-systems';
import { staffUsers } from './staff-users';

/** A citizen's request to correct one item of a record, and what the index team decided. */
export const correctionRequests = pgTable(
  'correction_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** A short reference the requester can quote. */
    reference: text().notNull().unique('correction_requests_reference_key'),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    requestedByCitizenId: uuid().references(() => citizenAccounts.id, { onDelete: 'set null' }),
    /** A caseworker who took the request down for someone (by phone or letter): they may not also approve it. */
    raisedByStaffId: uuid().references(() => staffUsers.id),
    /**
     * A source load that linked the child but holds its name, date of birth or gender otherwise: a link never changes
     * who a child is by itself, so the difference waits here for a caseworker.
     */
    raisedBySourceSystemId: uuid().references(() => sourceSystems.id),
    /** The index team whose queue it is in: the council of the child's address when it arrived. */
    localAuthorityCode: text().references(() => localAuthorities.code),
    itemKind: recordItemKind().notNull(),
    itemId: uuid(),
    field: text().notNull(),
    valueAsHeld: text(),
    requestedValue: text().notNull(),
    /** What was asked for in the fields a caseworker applies (an address), when the requester gave them so. */
    requestedChange: jsonb().$type<Record<string, string | null>>(),
    explanation: text(),
    status: correctionStatus().notNull().default('received'),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** One calendar month from receipt (UK GDPR), moved on by any time spent waiting for information. */
    dueOn: date().notNull(),
    pausedAt: timestamp({ withTimezone: true }),
    daysPaused: integer().notNull().default(0),
    assignedToStaffId: uuid().references(() => staffUsers.id),
    /** A change edited by one caseworker waits for a second to approve it (four eyes). */
    proposedChange: jsonb().$type<Record<string, string | null>>(),
    proposedByStaffId: uuid().references(() => staffUsers.id),
    proposedAt: timestamp({ withTimezone: true }),
    decidedByStaffId: uuid().references(() => staffUsers.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionReason: text(),
    /** The record version the approved change produced. */
    appliedVersion: integer(),
  },
  (t) => [
    index('correction_requests_child_idx').on(t.childId),
    index('correction_requests_queue_idx').on(t.localAuthorityCode, t.status, t.dueOn),
  ],
);

/** The conversation on a request: the index team asking for more information, the requester replying. */
export const correctionMessages = pgTable(
  'correction_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => correctionRequests.id, { onDelete: 'cascade' }),
    author: correctionMessageAuthor().notNull(),
    staffUserId: uuid().references(() => staffUsers.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('correction_messages_request_idx').on(t.requestId, t.createdAt)],
);

/** A young person aged 16–17 asking to stay on the index until 25 (care leavers, learning difficulties). */
export const stayOnRequests = pgTable(
  'stay_on_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique('stay_on_requests_reference_key'),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    requestedByCitizenId: uuid().references(() => citizenAccounts.id, { onDelete: 'set null' }),
    requestedByStaffId: uuid().references(() => staffUsers.id),
    basis: stayOnBasis().notNull(),
    /** The young person's own consent, in their words or as recorded by a caseworker. */
    consentStatement: text().notNull(),
    status: stayOnRequestStatus().notNull().default('requested'),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedByStaffId: uuid().references(() => staffUsers.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionReason: text(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('stay_on_requests_child_idx').on(t.childId)],
);

/**
 * A correction the index team made to an item that came from a source system, for that source to fetch (and fix at
 * its end), so that its next load does not put the old value back.
 */
export const correctionNotices = pgTable(
  'correction_notices',
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceSystemId: uuid()
      .notNull()
      .references(() => sourceSystems.id),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    requestId: uuid().references(() => correctionRequests.id, { onDelete: 'set null' }),
    itemKind: recordItemKind().notNull(),
    field: text().notNull(),
    previousValue: text(),
    correctedValue: text().notNull(),
    recordVersion: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the source said it had taken the correction in; until then the notice is offered on every fetch. */
    acknowledgedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('correction_notices_source_idx').on(t.sourceSystemId, t.createdAt),
    index('correction_notices_pending_idx').on(t.sourceSystemId, t.createdAt, t.id).where(sql`${t.acknowledgedAt} is null`),
  ],
);
