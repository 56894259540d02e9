import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { printedLetters } from './citizens';

/**
 * Email waiting to go, written in the same transaction as the change it reports, so that a mail server that is
 * down loses nothing: delivery is retried until it succeeds.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    /** A letter for the print room goes with its PDF, read from printed_letters when the message is sent. */
    attachmentLetterId: uuid().references(() => printedLetters.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
  },
  (t) => [index('email_outbox_pending_idx').on(t.createdAt).where(sql`${t.sentAt} is null`)],
);
