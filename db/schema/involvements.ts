import { boolean, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { consentBasis } from './enums';
import { organisations } from './organisations';
import { provenanceColumns } from './provenance';
import { provenanceForeignKeys } from './provenance-keys';
import { staffUsers } from './staff-users';

/** The kinds of service the index knows. The index team marks which are sensitive. */
export const serviceTypes = pgTable('service_types', {
  code: text().primaryKey(),
  name: text().notNull(),
  /** Sexual health, mental health, substance misuse…: only that service's practitioners see who provides it. */
  isSensitive: boolean().notNull().default(false),
});

/** A service working with a child, and the named practitioner where known. */
export const involvements = pgTable(
  'involvements',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    serviceTypeCode: text()
      .notNull()
      .references(() => serviceTypes.code),
    organisationId: uuid().references(() => organisations.id),
    practitionerStaffId: uuid().references(() => staffUsers.id),
    practitionerName: text(),
    /** The practitioner's role with the child, e.g. "Class teacher", "Lead social worker". */
    practitionerRole: text(),
    phone: text(),
    email: text(),
    startedOn: date().notNull(),
    endedOn: date(),
    /** Required for a sensitive service: recorded only with consent or where significant harm is suspected. */
    consentBasis: consentBasis(),
    ...provenanceColumns(),
  },
  (t) => [
    index('involvements_child_idx').on(t.childId),
    index('involvements_practitioner_idx').on(t.practitionerStaffId),
    ...provenanceForeignKeys(t),
  ],
);
