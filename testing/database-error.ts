import type { DatabaseError } from '@/db/database-error';

/** What the database refused a write with (SQLSTATE, constraint), for tests that assert which rule refused it. */
export async function databaseError(write: Promise<unknown>): Promise<DatabaseError> {
  try {
    await write;
  } catch (error) {
    let current: unknown = error;
    while (current instanceof Error) {
      if ('severity' in current && current.severity) return current as DatabaseError;
      current = current.cause;
    }
    throw error;
  }
  throw new Error('Expected the database to refuse the write, but it succeeded');
}
