import type postgres from 'postgres';
import type { DbOrTx } from './index';

/** What pg-boss needs of a database: one function that runs a statement with positional parameters. */
export type JobQueueSql = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * pg-boss run through our own postgres.js client, so that the queue uses the same connections (on the embedded
 * database there is only one) and a job can be added inside the transaction of the change it follows from.
 */
export function jobQueueSql(db: DbOrTx): JobQueueSql {
  if ('$client' in db) return adapt(db.$client, true);
  // drizzle keeps a transaction's postgres.js handle on its session.
  return adapt((db as unknown as { session: { client: postgres.Sql } }).session.client, false);
}

function adapt(client: postgres.Sql, isPool: boolean): JobQueueSql {
  return {
    async executeSql(text, values) {
      if (values?.length) return { rows: Array.from(await client.unsafe(text, values.map(asParameter))) };
      // pg-boss's migrations are one string of statements wrapped in BEGIN … COMMIT, without parameters: only the
      // simple protocol runs several statements, and postgres.js lets a pool run BEGIN only on a reserved connection.
      const connection = isPool ? await client.reserve() : null;
      try {
        const result = await (connection ?? client).unsafe(text).simple();
        // Several statements give one result each; pg-boss reads the last.
        const last = result.length && Array.isArray(result[0]) ? result[result.length - 1] : result;
        return { rows: Array.from(last as ArrayLike<unknown>) };
      } finally {
        connection?.release();
      }
    },
  };
}

/** As node-postgres sends them, which pg-boss expects: an object goes as JSON text (postgres.js would refuse it). */
function asParameter(value: unknown): postgres.ParameterOrJSON<never> {
  const isPlainObject = value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value) && !Buffer.isBuffer(value);
  if (value === undefined) return null; // node-postgres sends undefined as NULL
  return (isPlainObject ? JSON.stringify(value) : value) as postgres.ParameterOrJSON<never>;
}
