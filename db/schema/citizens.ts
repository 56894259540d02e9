import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { carers } from './carers';
import { children } from './children';
import { citizenRelationship, verificationLevel } from './enums';

/** A young person or parent who signs in to the portal by email link. */
export const citizenAccounts = pgTable(
  'citizen_accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('citizen_accounts_email_key').on(sql`lower(${t.email})`)],
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
