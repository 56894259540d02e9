// The one database client. Everything else receives a `Database` (or a transaction) as an argument.
import path from 'node:path';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { openPostgres } from './client';
import { makeDrizzleErrorsSafe } from './drizzle-errors';
import { env } from '@/lib/env.js';
import { startEmbeddedServer, type EmbeddedLocation } from './embedded';
import { applyMigrations } from './migrate';
import * as schema from './schema';

/**
 * `$client` is the postgres.js client underneath: for named prepared statements (lib/search/prepared-query.ts), the
 * source loads' set-based SQL (lib/loads) and the job queue (job-queue-sql.ts).
 */
export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A handle that domain functions accept: the database itself or an open transaction. */
export type DbOrTx = Database | Transaction;

export type Connection = {
  url: string;
  db: Database;
  sql: postgres.Sql;
  embedded: boolean;
  close: () => Promise<void>;
};

export type ConnectOptions = {
  /** A PostgreSQL URL; without one the embedded database is used. */
  url?: string;
  embedded?: EmbeddedLocation;
  /** Pool size for a real server; the embedded database always gets one connection. */
  max?: number;
  /** Server settings for every session of this connection, e.g. { maintenance_work_mem: '2GB' }. */
  settings?: Record<string, string>;
};

makeDrizzleErrorsSafe();

// On the client itself, under a symbol of the global registry: Next.js may load this module more than once (a route's
// bundle, the job worker's), and each copy must know the one shared connection (appConnection) for what it is.
const EMBEDDED = Symbol.for('childrens-index.embedded-database');

/** Whether `db` talks to the embedded database, whose socket server does not take COPY FROM STDIN. */
export function isEmbedded(db: Database): boolean {
  return (db.$client as unknown as Record<symbol, boolean>)[EMBEDDED] === true;
}

export async function connect(options: ConnectOptions = {}): Promise<Connection> {
  const embeddedServer = options.url ? undefined : await startEmbeddedServer(options.embedded ?? { dataDir: env.DATA_DIR });
  const url = options.url ?? embeddedServer!.url;
  const sql = openPostgres(url, {
    max: embeddedServer ? 1 : (options.max ?? 10),
    onnotice: () => {},
    connection: { application_name: 'childrens-index', ...options.settings },
  });
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  if (embeddedServer) Object.defineProperty(sql, EMBEDDED, { value: true });
  return {
    url,
    db,
    sql,
    embedded: Boolean(embeddedServer),
    close: async () => {
      await sql.end({ timeout: 5 });
      await embeddedServer?.stop();
    },
  };
}

const globalForDb = globalThis as unknown as { appConnection?: Promise<Connection> };

async function openAppConnection(): Promise<Connection> {
  const connection = await connect({ url: env.DATABASE_URL, embedded: { dataDir: path.resolve(env.DATA_DIR) } });
  if (env.MIGRATE_ON_START) await applyMigrations(connection);
  if (connection.embedded) {
    // PGlite keeps its files consistent only if it is closed: close it when the server is told to stop.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void connection.close().finally(() => process.exit(0));
      });
    }
  }
  return connection;
}

/**
 * The application's shared connection, opened (and migrated) on first use: the embedded database when
 * DATABASE_URL is unset. A failed attempt is forgotten, so the next request tries again.
 */
export function appConnection(): Promise<Connection> {
  globalForDb.appConnection ??= openAppConnection().catch((error: unknown) => {
    globalForDb.appConnection = undefined;
    throw error;
  });
  return globalForDb.appConnection;
}

export async function getDb(): Promise<Database> {
  return (await appConnection()).db;
}

export { schema };
