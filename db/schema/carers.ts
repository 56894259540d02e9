import { boolean, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { addresses } from './addresses';
import { children } from './children';
import { carerRelationship } from './enums';
import { provenanceColumns } from './provenance';
import { provenanceForeignKeys } from './provenance-keys';

/** A parent or carer. One carer may be linked to several children (siblings). */
export const carers = pgTable(
  'carers',
  {
    id: uuid().primaryKey().defaultRandom(),
    givenNames: text().notNull(),
    familyName: text().notNull(),
    addressId: uuid().references(() => addresses.id),
    phone: text(),
    email: text(),
    ...provenanceColumns(),
  },
  (t) => [index('carers_address_idx').on(t.addressId), ...provenanceForeignKeys(t)],
);

export const childCarers = pgTable(
  'child_carers',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    carerId: uuid()
      .notNull()
      .references(() => carers.id),
    relationship: carerRelationship().notNull(),
    hasParentalResponsibility: boolean().notNull(),
    ...provenanceColumns(),
  },
  (t) => [
    unique('child_carers_child_carer_key').on(t.childId, t.carerId),
    index('child_carers_carer_idx').on(t.carerId),
    ...provenanceForeignKeys(t),
  ],
);
