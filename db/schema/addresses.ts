import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { localAuthorities } from './local-authorities';
import { provenanceColumns } from './provenance';
import { provenanceForeignKeys } from './provenance-keys';

/** A postal address, shared by the children and carers of one household. */
export const addresses = pgTable(
  'addresses',
  {
    id: uuid().primaryKey().defaultRandom(),
    line1: text().notNull(),
    line2: text(),
    town: text().notNull(),
    postcode: text().notNull(),
    postcodeDistrict: text().generatedAlwaysAs(sql`split_part(postcode, ' ', 1)`),
    /** The council the address lies in (from the postcode directory): its index team answers for the children there. */
    localAuthorityCode: text().references(() => localAuthorities.code),
  },
  // The first line with the postcode: a load finds a row's address among the dozen or so sharing its postcode by
  // both, in the index (they were read from the table one by one, 0.1 ms a row at 12 M children).
  (t) => [index('addresses_postcode_line1_idx').on(t.postcode, sql`lower(${t.line1})`)],
);

/** Where a child has lived. The row with no end date is the current (or last known) address. */
export const childAddresses = pgTable(
  'child_addresses',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    addressId: uuid()
      .notNull()
      .references(() => addresses.id),
    livedFrom: date(),
    livedUntil: date(),
    ...provenanceColumns(),
  },
  (t) => [
    index('child_addresses_child_idx').on(t.childId),
    // "Other children at the same address" starts here.
    index('child_addresses_address_idx').on(t.addressId).where(sql`${t.livedUntil} is null`),
    ...provenanceForeignKeys(t),
  ],
);
