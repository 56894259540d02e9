import { PgPreparedQuery } from 'drizzle-orm/pg-core';
import { toDatabaseError } from './database-error';

type QueryWithCache = (queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;

const patched = Symbol.for('childrens-index.drizzle-errors');

/**
 * Every drizzle statement runs through `queryWithCache`, which wraps a failure in a DrizzleQueryError whose message
 * and fields carry the SQL and its parameters. From here on it rejects with a `DatabaseError` instead
 * (db/database-error.ts), so that nothing a page, action or job logs of a failed query quotes what was typed.
 */
export function makeDrizzleErrorsSafe(): void {
  const prototype = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache; [patched]?: true };
  if (prototype[patched]) return;
  const queryWithCache = prototype.queryWithCache;
  prototype.queryWithCache = async function (this: unknown, ...args: Parameters<QueryWithCache>) {
    try {
      return await queryWithCache.apply(this, args);
    } catch (error) {
      throw toDatabaseError(error);
    }
  };
  prototype[patched] = true;
}
