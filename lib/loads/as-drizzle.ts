import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Transaction } from '@/db';
import * as schema from '@/db/schema';

/**
 * A drizzle handle on a postgres.js transaction the loader opened (for COPY), so that drizzle-based helpers such as
 * recordAuditEvent run in it. drizzle adjusts a client's type parsers when wrapping it; the connection's own were
 * adjusted already when db/index.ts wrapped the pool, so it is given options of its own to adjust.
 */
export function asDrizzle(tx: postgres.TransactionSql): Transaction {
  const client = Object.assign((...args: Parameters<typeof tx>) => tx(...args), { unsafe: tx.unsafe.bind(tx), options: { parsers: {}, serializers: {} } });
  return drizzle(client as unknown as postgres.Sql, { schema, casing: 'snake_case' }) as unknown as Transaction;
}
