import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, inet, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** Base32 TOTP secret of the enrolled security token; null until enrolled (first sign-in) or after a reset. */
    totpSecret: text(),
    totpEnrolledAt: timestamp({ withTimezone: true }),
    /** The last TOTP time step accepted: a code from that step or earlier is a replay. */
    totpLastTimeStep: bigint({ mode: 'number' }),
    /** Failed sign-ins in a row, counted before each attempt is checked; reset by a success or an unlock. */
    failedSignIns: integer().notNull().default(0),
    suspendedAt: timestamp({ withTimezone: true }),
    suspendedReason: text(),
    trainingCompletedOn: date(),
    userAgreementSignedOn: date(),
    /** The day the enhanced police check was issued; it expires at most three years later (lib/staff-admin/record-vetting.ts). */
    policeCheckIssuedOn: date(),
    policeCheckExpiresOn: date(),
    /** Recorded at vetting, so that no one processes a request about their own household (conflict of interest). */
    homeAddressLine1: text(),
    homePostcode: text(),
    lastActiveAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_users_username_key').on(sql`lower(${t.username})`),
    index('staff_users_organisation_idx').on(t.organisationId),
    index('staff_users_la_idx').on(t.localAuthorityCode),
  ],
);

/**
 * A signed-in staff session. The browser holds only its id (inside next-auth's signed token); every request
 * re-reads this row and the user, so revoking a session or suspending a user takes effect at once.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    staffUserId: uuid()
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('staff_sessions_user_idx').on(t.staffUserId)],
);

/** Every staff sign-in attempt, for throttling by account and by address. Names are stored as typed, lower-cased. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    username: text().notNull(),
    clientAddress: inet(),
    succeeded: boolean().notNull(),
  },
  (t) => [
    index('sign_in_attempts_username_idx').on(t.username, t.attemptedAt),
    index('sign_in_attempts_address_idx').on(t.clientAddress, t.attemptedAt),
  ],
);

/**
 * A security token being enrolled: made once password and PIN are proven, finished when the user types a code from
 * the new token. Short-lived; the browser holds only its id.
 */
export const tokenEnrolments = pgTable('token_enrolments', {
  id: uuid().primaryKey().defaultRandom(),
  staffUserId: uuid()
    .notNull()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  totpSecret: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp({ withTimezone: true }),
});

/** A one-time activation link for a new account (only a hash of the token is kept). */
export const staffActivations = pgTable('staff_activations', {
  id: uuid().primaryKey().defaultRandom(),
  staffUserId: uuid()
    .notNull()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique('staff_activations_token_hash_key'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
});
