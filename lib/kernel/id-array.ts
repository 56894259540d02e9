import { type SQL, sql } from 'drizzle-orm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Record ids as one uuid[] parameter (drizzle would otherwise send a list of parameters, one per id), for the
 * set-based retention statements that may touch thousands of records at once.
 */
export function idArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error('Not a record id');
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
