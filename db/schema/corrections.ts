import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { citizenAccounts } from './citizens';
import { correctionStatus, recordItemKind } from './enums';
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
    itemKind: recordItemKind().notNull(),
    itemId: uuid(),
    field: text().notNull(),
    valueAsHeld: text(),
    requestedValue: text().notNull(),
    explanation: text(),
    status: correctionStatus().notNull().default('received'),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** One calendar month from receipt (UK GDPR), moved on by any time spent waiting for information. */
    dueOn: date().notNull(),
    pausedAt: timestamp({ withTimezone: true }),
    daysPaused: integer().notNull().default(0),
    assignedToStaffId: uuid().references(() => staffUsers.id),
    decidedByStaffId: uuid().references(() => staffUsers.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionReason: text(),
    /** The record version the approved change produced. */
    appliedVersion: integer(),
  },
  (t) => [
    index('correction_requests_child_idx').on(t.childId),
    index('correction_requests_queue_idx').on(t.status, t.dueOn),
  ],
);
