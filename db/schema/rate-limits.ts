import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per limited thing ("search:staff:<id>", "search:api_client:<id>"): the generic cell rate algorithm's
 * theoretical arrival time. Kept in the database, so every app process draws on the same allowance.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  /** When the allowance is whole again: each request allowed pushes it one interval later. */
  theoreticalArrivalAt: timestamp({ withTimezone: true }).notNull(),
});
