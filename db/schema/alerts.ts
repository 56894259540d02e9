import { sql } from 'drizzle-orm';
import { check, index, uniqueIndex, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    /** What the reviewer decided (see ALERT_OUTCOMES in lib/validation/alert-review.ts), with their note. */
    outcome: text(),
    reviewNote: text(),
    /** For an alert found in the audit trail: the hour looked at, so that looking again raises it once only. */
    windowStart: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('alerts_open_idx').on(t.localAuthorityCode, t.raisedAt).where(sql`${t.reviewedAt} is null`),
    uniqueIndex('alerts_once_per_window')
      .on(t.kind, t.staffUserId, t.windowStart, sql`coalesce(${t.childId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.windowStart} is not null`),
    // A review is all or nothing: who, when and what they decided.
    check('alerts_review_complete', sql`(${t.reviewedAt} is null) = (${t.outcome} is null) and (${t.reviewedAt} is null) = (${t.reviewedByStaffId} is null)`),
    check('alerts_outcome_known', sql`${t.outcome} in ('no_concern', 'account_suspended', 'referred_for_investigation')`),
  ],
);
