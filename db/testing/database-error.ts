import type postgres from 'postgres';

/** The PostgreSQL error under drizzle's "Failed query" wrapper, for tests that assert which rule refused a write. */
export async function databaseError(write: Promise<unknown>): Promise<postgres.PostgresError> {
  try {
    await write;
  } catch (error) {
    let current: unknown = error;
    while (current instanceof Error) {
      if ('severity' in current) return current as postgres.PostgresError;
      current = current.cause;
    }
    throw error;
  }
  throw new Error('Expected the database to refuse the write, but it succeeded');
}
