import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { serviceTypes } from './involvements';
import { staffUsers } from './staff-users';

/**
 * A child-protection role or a sensitive service asked for a member of staff when their account was made. It reaches
 * their account (staff_users) only once a second access manager approves it: neither the one who asked for it nor
 * the person it is for.
 */
export const staffPrivilegeGrants = pgTable(
  'staff_privilege_grants',
  {
    staffUserId: uuid()
      .primaryKey()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    hasChildProtectionRole: boolean().notNull(),
    sensitiveServiceCode: text().references(() => serviceTypes.code),
    requestedByStaffId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    approvedByStaffId: uuid().references(() => staffUsers.id),
    /** Null while the grant waits for its second access manager. */
    approvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('staff_privilege_grants_not_for_oneself', sql`${t.requestedByStaffId} <> ${t.staffUserId}`),
    check(
      'staff_privilege_grants_second_person',
      sql`${t.approvedByStaffId} is null or (${t.approvedByStaffId} <> ${t.requestedByStaffId} and ${t.approvedByStaffId} <> ${t.staffUserId})`,
    ),
  ],
);
