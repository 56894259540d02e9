import { bigint, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { actorKind } from './enums';

/**
 * Every search, every view and every change of a child's record. Append-only: nothing in the application
 * updates or deletes a row. The query holds the criteria as typed; the ids are the records returned or touched.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorKind: actorKind().notNull(),
    actorId: uuid(),
    organisationId: uuid(),
    action: text().notNull(),
    reason: text(),
    query: jsonb(),
    childIds: uuid().array().notNull().default([]),
    outcome: text().notNull().default('ok'),
    clientAddress: inet(),
  },
  (t) => [
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_actor_idx').on(t.actorId, t.occurredAt),
    index('audit_events_child_ids_idx').using('gin', t.childIds),
  ],
);
