import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';
import { actorKind } from './enums';
import { sourceSystems } from './source-systems';

/**
 * An upload is received (its bytes stored as they arrive), then checked by the job worker: staged as the source load
 * of the same id, or refused with the reason.
 */
export const loadUploadStatus = pgEnum('load_upload_status', ['receiving', 'checking', 'staged', 'refused']);

/**
 * A load file sent through the API or the staff upload page, kept in the database rather than on a disk so that
 * whichever app process or job worker checks it can read it.
 */
export const loadUploads = pgTable(
  'load_uploads',
  {
    /** The source load staged from the upload takes the same id, so a client follows one address throughout. */
    id: uuid().primaryKey().defaultRandom(),
    sourceSystemId: uuid()
      .notNull()
      .references(() => sourceSystems.id),
    fileName: text().notNull(),
    asOf: date().notNull(),
    submittedByKind: actorKind().notNull(),
    submittedById: uuid(),
    status: loadUploadStatus().notNull().default('receiving'),
    bytes: bigint({ mode: 'number' }).notNull().default(0),
    fileSha256: text(),
    /** Why the check refused the file, in words for the sender (no row's content). */
    refusal: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One file at a time per source system, from its first byte until it is staged or refused: a second upload
    // meanwhile fails on this index, whichever app process receives it.
    uniqueIndex('load_uploads_one_at_a_time').on(t.sourceSystemId).where(sql`${t.status} in ('receiving', 'checking')`),
    index('load_uploads_received_idx').on(t.receivedAt),
  ],
);

/** An upload's bytes, in the order they arrived, until the check has staged or refused it. */
export const loadUploadChunks = pgTable(
  'load_upload_chunks',
  {
    uploadId: uuid()
      .notNull()
      .references(() => loadUploads.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.seq] })],
);
