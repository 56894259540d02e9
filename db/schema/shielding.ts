import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { localAuthorities } from './local-authorities';
import { staffUsers } from './staff-users';

/**
 * Shield history. A child is shielded while a row has no `liftedAt`; `children.isShielded` mirrors it for
 * searching. Only the index team sets and lifts a shield, always with a reason.
 */
export const shields = pgTable(
  'shields',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    /** The index team that brokers contact: "contact the index team at <authority> on <number>". */
    responsibleLocalAuthorityCode: text()
      .notNull()
      .references(() => localAuthorities.code),
    reason: text().notNull(),
    shieldedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    shieldedByStaffId: uuid().references(() => staffUsers.id),
    liftedAt: timestamp({ withTimezone: true }),
    liftedByStaffId: uuid().references(() => staffUsers.id),
    liftReason: text(),
  },
  (t) => [
    uniqueIndex('shields_one_active_per_child').on(t.childId).where(sql`${t.liftedAt} is null`),
    index('shields_child_idx').on(t.childId),
  ],
);
