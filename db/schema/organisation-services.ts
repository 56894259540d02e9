import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { serviceTypes } from './involvements';
import { organisations } from './organisations';
import { staffUsers } from './staff-users';

/**
 * The services an organisation provides, kept by its access managers: its practitioners record involvement only as
 * one of these. A sensitive service counts only once a second access manager has approved it.
 */
export const organisationServices = pgTable(
  'organisation_services',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    serviceTypeCode: text()
      .notNull()
      .references(() => serviceTypes.code),
    /** Null for the services given with the seed or the migration. */
    addedByStaffId: uuid().references(() => staffUsers.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reason: text(),
    /** The second access manager, for a sensitive service; null where none was needed. */
    approvedByStaffId: uuid().references(() => staffUsers.id),
    /** Null while a sensitive service waits for its second access manager. */
    approvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.serviceTypeCode] }),
    index('organisation_services_service_idx').on(t.serviceTypeCode),
    check(
      'organisation_services_second_person',
      sql`${t.approvedByStaffId} is null or ${t.addedByStaffId} is null or ${t.approvedByStaffId} <> ${t.addedByStaffId}`,
    ),
  ],
);
