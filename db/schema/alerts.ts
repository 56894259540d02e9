import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { alertKind } from './enums';
import { localAuthorities } from './local-authorities';
import { staffUsers } from './staff-users';

/**
 * Something the index team must review: raised the moment it happens (the team is also emailed), closed by a
 * reviewer with an outcome.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: alertKind().notNull(),
    childId: uuid().references(() => children.id, { onDelete: 'set null' }),
    staffUserId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    /** The index team that reviews it: the one responsible for the child's shield. */
    localAuthorityCode: text()
      .notNull()
      .references(() => localAuthorities.code),
    reason: text().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedByStaffId: uuid().references(() => staffUsers.id),
    outcome: text(),
  },
  (t) => [index('alerts_open_idx').on(t.localAuthorityCode, t.raisedAt).where(sql`${t.reviewedAt} is null`)],
);
