import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staffRole, staffStatus } from './enums';
import { serviceTypes } from './involvements';
import { localAuthorities } from './local-authorities';
import { organisations } from './organisations';

/**
 * Practitioners, caseworkers (the index team) and administrators. An account works only while every vetting
 * item is in date: accredited organisation, training, user agreement and enhanced police check.
 */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    displayName: text().notNull(),
    email: text().notNull(),
    role: staffRole().notNull(),
    /** A national administrator manages every local authority's users. */
    isNationalAdministrator: boolean().notNull().default(false),
    /** Child-protection practitioners may override a shield, with a reason and an immediate investigation. */
    hasChildProtectionRole: boolean().notNull().default(false),
    /** Practitioners of a sensitive service see that service's involvements. */
    sensitiveServiceCode: text().references(() => serviceTypes.code),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    localAuthorityCode: text()
      .notNull()
      .references(() => localAuthorities.code),
    status: staffStatus().notNull().default('pending_activation'),
    passwordHash: text(),
    pinHash: text(),
    totpSecret: text(),
    trainingCompletedOn: date(),
    userAgreementSignedOn: date(),
    policeCheckExpiresOn: date(),
    lastActiveAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_users_username_key').on(sql`lower(${t.username})`),
    index('staff_users_organisation_idx').on(t.organisationId),
    index('staff_users_la_idx').on(t.localAuthorityCode),
  ],
);
