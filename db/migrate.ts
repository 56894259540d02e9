import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { openPostgres } from './client';
import type { Connection } from './index';
import { installJobQueue } from './job-queue';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Any fixed number will do: it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 720_001;

/** Applies the committed migrations and installs the job queue; several processes starting at once take turns. */
export async function applyMigrations({ db, url, embedded }: Connection): Promise<void> {
  if (embedded) {
    await migrate(db, { migrationsFolder });
    await installJobQueue(db);
    return;
  }
  // The lock is held on a session of its own, so that the migrations can use every connection of the pool.
  const lockHolder = openPostgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockHolder`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db, { migrationsFolder });
    await installJobQueue(db);
  } finally {
    await lockHolder.end();
  }
}
