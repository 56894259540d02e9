import postgres from 'postgres';
import { toDatabaseError } from './database-error';

/**
 * libpq's way of naming a Unix socket in a URL, `?host=/var/run/postgresql`, which postgres.js does not read itself:
 * so that an app on the database's own machine can be configured to skip TCP.
 */
function splitSocketDirectory(url: string): { address: string; socketDirectory: string | null } {
  const parsed = new URL(url);
  const host = parsed.searchParams.get('host');
  if (!host?.startsWith('/')) return { address: url, socketDirectory: null };
  parsed.searchParams.delete('host');
  return { address: parsed.toString(), socketDirectory: host };
}

/** The one place a postgres.js client is made (db/index.ts wraps it in drizzle; db/migrate.ts holds a lock with it). */
export function openPostgres(url: string, options: postgres.Options<Record<string, postgres.PostgresType>> = {}) {
  const { address, socketDirectory } = splitSocketDirectory(url);
  return withSafeErrors(postgres(address, { ...options, ...(socketDirectory ? { host: socketDirectory } : {}) }));
}

type Client = postgres.Sql | postgres.TransactionSql;

/**
 * Every failure of `unsafe` (how drizzle, pg-boss and the prepared search queries send their statements) and of a
 * transaction comes out as a `DatabaseError`, which quotes neither the statement nor its values (db/database-error.ts).
 * Tagged-template queries on the client itself are left alone: only the tests and the seeding scripts use them.
 */
function withSafeErrors<Sql extends Client>(sql: Sql): Sql {
  const unsafe = sql.unsafe.bind(sql);
  sql.unsafe = ((...args: Parameters<typeof unsafe>) => rejectingSafely(unsafe(...args))) as typeof sql.unsafe;
  if ('begin' in sql) {
    const begin = sql.begin.bind(sql) as (...args: unknown[]) => Promise<unknown>;
    sql.begin = ((...args: unknown[]) => {
      const work = args.pop() as (tx: postgres.TransactionSql) => unknown;
      return begin(...args, (tx: postgres.TransactionSql) => work(withSafeErrors(tx))).catch(rethrowSafely);
    }) as typeof sql.begin;
  }
  if ('savepoint' in sql) {
    const savepoint = sql.savepoint.bind(sql) as (...args: unknown[]) => Promise<unknown>;
    sql.savepoint = ((...args: unknown[]) => {
      const work = args.pop() as (tx: postgres.TransactionSql) => unknown;
      return savepoint(...args, (tx: postgres.TransactionSql) => work(withSafeErrors(tx))).catch(rethrowSafely);
    }) as typeof sql.savepoint;
  }
  return sql;
}

function rethrowSafely(error: unknown): never {
  throw toDatabaseError(error);
}

/**
 * The same query (postgres.js's `.values()`, `.simple()` and the like return it), rejecting with a `DatabaseError`.
 * A postgres.js query starts when first awaited, through `then`, which `catch` and `finally` call too.
 */
function rejectingSafely<Query extends PromiseLike<unknown>>(query: Query): Query {
  const then = query.then;
  Object.defineProperty(query, 'then', {
    configurable: true,
    writable: true,
    value(this: Query, onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) {
      return then.call(this, onFulfilled, (error: unknown) => {
        const safe = toDatabaseError(error);
        if (onRejected) return onRejected(safe);
        throw safe;
      });
    },
  });
  return query;
}
