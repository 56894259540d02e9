import { date, index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { organisations } from './organisations';
import { provenanceColumns } from './provenance';
import { provenanceForeignKeys } from './provenance-keys';

/** The school, nursery or college a child attends (the row with no end date is current). */
export const educationPlacements = pgTable(
  'education_placements',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    startedOn: date(),
    endedOn: date(),
    ...provenanceColumns(),
  },
  (t) => [
    index('education_placements_child_idx').on(t.childId),
    index('education_placements_organisation_idx').on(t.organisationId),
    ...provenanceForeignKeys(t),
  ],
);

/** The GP practice a child is registered with. */
export const gpRegistrations = pgTable(
  'gp_registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    registeredOn: date(),
    endedOn: date(),
    ...provenanceColumns(),
  },
  (t) => [
    index('gp_registrations_child_idx').on(t.childId),
    index('gp_registrations_organisation_idx').on(t.organisationId),
    ...provenanceForeignKeys(t),
  ],
);
