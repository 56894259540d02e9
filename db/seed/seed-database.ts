import { count } from 'drizzle-orm';
import { env } from '@/lib/env.js';
import { connect, type Connection } from '../index';
import { applyMigrations } from '../migrate';
import { children } from '../schema';
import { createDemoAccounts } from './demo-accounts';
import { dayFromIso } from './population/dates';
import { seedPopulation, type SeedReport } from './seed-population';

export type SeedDatabaseOptions = {
  connection: Connection;
  children: number;
  seed: number;
  /** The day the population is generated as of (ages, dates of last confirmation…), YYYY-MM-DD. */
  asOf: string;
  /** Replace whatever the database holds but the audit trail. Without it, a database that already has children is left alone. */
  reset: boolean;
  /**
   * Add the demo staff accounts and API client, whose password, PIN and keys are published in README.md: only for
   * demo mode and for tests, never a real deployment's database.
   */
  demoAccounts: boolean;
  onProgress?: (message: string) => void;
};

export class DatabaseNotEmptyError extends Error {}

export async function countChildren({ db }: Connection): Promise<number> {
  const [row] = await db.select({ value: count() }).from(children);
  return row?.value ?? 0;
}

// The audit trail is left as it is: it cannot be emptied (docs/decisions/007-tamper-evident-audit.md), only dropped
// with the database.
async function emptyAllTables({ sql }: Connection) {
  const tables = await sql<{ name: string }[]>`
    select tablename as name from pg_tables t
    where schemaname = 'public' and tablename <> 'audit_chain_heads'
      and not exists (select 1 from pg_partition_tree('audit_events') p where p.relid = format('%I', t.tablename)::regclass)`;
  if (tables.length) await sql`truncate ${sql(tables.map((t) => t.name))} restart identity cascade`;
}

/** Fills the database with a synthetic population, and the demo staff accounts if asked. */
export async function seedDatabase(options: SeedDatabaseOptions): Promise<SeedReport> {
  const { connection } = options;
  const existing = await countChildren(connection);
  if (existing > 0 && !options.reset) {
    throw new DatabaseNotEmptyError(
      `The database already holds ${existing.toLocaleString('en-GB')} children. Run again with --reset to replace everything in it.`,
    );
  }
  if (options.reset) await emptyAllTables(connection);
  const report = await seedPopulation({
    connection,
    children: options.children,
    seed: options.seed,
    asOf: dayFromIso(options.asOf),
    onProgress: options.onProgress,
  });
  if (options.demoAccounts) await createDemoAccounts(connection.db, options.asOf);
  return report;
}

/** A migrated connection tuned for loading: many connections for parallel COPY, memory for index builds. */
export async function connectForSeeding(): Promise<Connection> {
  const connection = await connect({
    url: env.DATABASE_URL,
    max: 16,
    settings: { maintenance_work_mem: '1GB', max_parallel_maintenance_workers: '2', synchronous_commit: 'off' },
  });
  await applyMigrations(connection);
  return connection;
}
