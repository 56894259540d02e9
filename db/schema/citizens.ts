import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { addresses } from './addresses';
import { bytea } from './bytea';
import { carers } from './carers';
import { children } from './children';
import { activationChannel, citizenRelationship, verificationLevel } from './enums';

/** A young person or parent who signs in to the portal by email link. */
export const citizenAccounts = pgTable(
  'citizen_accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    /** When the address was last proven by following a sign-in link. */
    emailVerifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('citizen_accounts_email_key').on(sql`lower(${t.email})`)],
);

/**
 * A citizen's signed-in session. The browser's cookie holds only its id (inside next-auth's signed token); every
 * request re-reads this row, so signing out ends the session on the server, not just in the browser.
 */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    citizenAccountId: uuid()
      .notNull()
      .references(() => citizenAccounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('citizen_sessions_account_idx').on(t.citizenAccountId)],
);

/** A proven link between a citizen account and a child's record, with how strongly it was proven. */
export const citizenRecordLinks = pgTable(
  'citizen_record_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    citizenId: uuid()
      .notNull()
      .references(() => citizenAccounts.id, { onDelete: 'cascade' }),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    relationship: citizenRelationship().notNull(),
    /** For a parent: which carer on the record this citizen is. */
    carerId: uuid().references(() => carers.id, { onDelete: 'cascade' }),
    verificationLevel: verificationLevel().notNull(),
    verificationMethod: text().notNull(),
    verifiedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('citizen_record_links_citizen_idx').on(t.citizenId),
    index('citizen_record_links_child_idx').on(t.childId),
  ],
);

/** A young person aged 12 or over agreeing, in their own account, that a parent may see their record. */
export const parentAccessAgreements = pgTable(
  'parent_access_agreements',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    carerId: uuid()
      .notNull()
      .references(() => carers.id, { onDelete: 'cascade' }),
    agreedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('parent_access_agreements_child_idx').on(t.childId)],
);

/**
 * A parent of a young person aged 12 or over asking, from their account, to see the record. The young person is told
 * in their account and by email, and answers by agreeing (parent_access_agreements) or not; one open ask per parent.
 */
export const parentAccessRequests = pgTable(
  'parent_access_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    carerId: uuid()
      .notNull()
      .references(() => carers.id, { onDelete: 'cascade' }),
    requestedByCitizenId: uuid()
      .notNull()
      .references(() => citizenAccounts.id, { onDelete: 'cascade' }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the young person agreed, or chose not to: the ask is then closed. */
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('parent_access_requests_open_key').on(t.childId, t.carerId).where(sql`${t.answeredAt} is null`)],
);

/** next-auth's one-time sign-in links: only a hash of each token is stored (next-auth hashes it with the secret). */
export const citizenSignInTokens = pgTable(
  'citizen_sign_in_tokens',
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * Proof of possession: a one-time code sent to the address held on the record (by post) or to a parent's email
 * held on the record. Only a hash of the code is kept; three wrong tries and it is spent.
 */
export const activationCodes = pgTable(
  'activation_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    citizenId: uuid()
      .notNull()
      .references(() => citizenAccounts.id, { onDelete: 'cascade' }),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    relationship: citizenRelationship().notNull(),
    carerId: uuid().references(() => carers.id, { onDelete: 'cascade' }),
    channel: activationChannel().notNull(),
    codeHash: text().notNull(),
    /** The date printed on the letter; a posted code runs 28 days from it. */
    letterDate: date(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    failedAttempts: integer().notNull().default(0),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activation_codes_citizen_idx').on(t.citizenId, t.createdAt)],
);

/** A letter waiting for the print room: the PDF, addressed to the address held on the record. */
export const printedLetters = pgTable(
  'printed_letters',
  {
    id: uuid().primaryKey().defaultRandom(),
    activationCodeId: uuid()
      .notNull()
      .references(() => activationCodes.id, { onDelete: 'cascade' }),
    addressId: uuid()
      .notNull()
      .references(() => addresses.id),
    pdf: bytea().notNull(),
    /** Printed on the letter, for the recipient to quote when they phone the index team (AL-XXXX-XXXX). */
    reference: text().unique('printed_letters_reference_key'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    printedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('printed_letters_unprinted_idx').on(t.createdAt).where(sql`${t.printedAt} is null`)],
);
