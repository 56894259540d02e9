import { pgTable, text } from 'drizzle-orm/pg-core';

/** English local authorities; each has an index team that brokers contact for shielded records. */
export const localAuthorities = pgTable('local_authorities', {
  code: text().primaryKey(), // ONS code, e.g. E08000025
  name: text().notNull(),
  indexTeamPhone: text().notNull(),
  indexTeamEmail: text().notNull(),
});
