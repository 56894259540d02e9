import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisationKind } from './enums';
import { localAuthorities } from './local-authorities';

/** Schools, nurseries, colleges, GP practices, services and local authority teams. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: organisationKind().notNull(),
    name: text().notNull(),
    /** The organisation's national code: a school URN, a GP practice ODS code. */
    code: text(),
    localAuthorityCode: text()
      .notNull()
      .references(() => localAuthorities.code),
    addressLine1: text(),
    addressLine2: text(),
    town: text(),
    postcode: text(),
    phone: text(),
    email: text(),
    /** Only staff of an organisation accredited until a date in the future may use the index. */
    accreditedUntil: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_kind_code_key').on(t.kind, t.code), index('organisations_la_idx').on(t.localAuthorityCode)],
);
