import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { correctionRequests } from './corrections';
import { sourceSystems } from './source-systems';
import { staffUsers } from './staff-users';

export type RecordChange = {
  item: string;
  itemId?: string;
  field: string;
  before: unknown;
  after: unknown;
};

/** Every change to a record: who, when, why, and from which request or source. */
export const recordVersions = pgTable(
  'record_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    changedByStaffId: uuid().references(() => staffUsers.id),
    sourceSystemId: uuid().references(() => sourceSystems.id),
    correctionRequestId: uuid().references(() => correctionRequests.id),
    reason: text().notNull(),
    changes: jsonb().$type<RecordChange[]>().notNull(),
  },
  (t) => [unique('record_versions_child_version_key').on(t.childId, t.version), index('record_versions_child_idx').on(t.childId)],
);
