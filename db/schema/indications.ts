import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { indicationKind } from './enums';
import { organisations } from './organisations';
import { provenanceColumns } from './provenance';
import { provenanceForeignKeys } from './provenance-keys';
import { staffUsers } from './staff-users';

/**
 * "A Common Assessment Framework assessment has been done", "X is the lead professional": a flag and a contact,
 * never the content of the assessment.
 */
export const indications = pgTable(
  'indications',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    kind: indicationKind().notNull(),
    recordedOn: date().notNull(),
    endedOn: date(),
    organisationId: uuid().references(() => organisations.id),
    contactStaffId: uuid().references(() => staffUsers.id),
    contactName: text(),
    contactPhone: text(),
    contactEmail: text(),
    ...provenanceColumns(),
  },
  (t) => [index('indications_child_idx').on(t.childId), ...provenanceForeignKeys(t)],
);
