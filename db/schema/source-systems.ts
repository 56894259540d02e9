import { date, pgTable, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { children } from './children';
import { sourceSystemKind } from './enums';
import { localAuthorities } from './local-authorities';
import { organisations } from './organisations';

/** A system that sends regular loads: children's services, the school census, GP registrations… */
export const sourceSystems = pgTable('source_systems', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique('source_systems_code_key'),
  name: text().notNull(),
  kind: sourceSystemKind().notNull(),
  organisationId: uuid().references(() => organisations.id),
  localAuthorityCode: text().references(() => localAuthorities.code),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Which child a source's own person id has been linked to, so a re-sent person finds the same record. */
export const sourceIdentities = pgTable(
  'source_identities',
  {
    sourceSystemId: uuid()
      .notNull()
      .references(() => sourceSystems.id),
    sourcePersonId: text().notNull(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    firstSeenOn: date().notNull(),
    lastSeenOn: date().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceSystemId, t.sourcePersonId] }), index('source_identities_child_idx').on(t.childId)],
);
