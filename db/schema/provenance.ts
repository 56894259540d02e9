import { timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every item on a record says where it came from — a source system or a named member of staff — and when it
 * was last confirmed. (Kept free of imports: every aggregate uses it. The foreign keys are in
 * provenance-keys.ts.)
 */
export const provenanceColumns = () => ({
  sourceSystemId: uuid(),
  recordedByStaffId: uuid(),
  lastConfirmedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
