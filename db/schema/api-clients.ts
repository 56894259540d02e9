import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

/**
 * A system client of the JSON API (a case management system, a load job). Its key is shown once when issued; only a
 * SHA-256 of the secret part is kept (the secret is 256 random bits, so a slow hash adds nothing).
 */
export const apiClients = pgTable('api_clients', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  organisationId: uuid()
    .notNull()
    .references(() => organisations.id),
  secretHash: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp({ withTimezone: true }),
});
