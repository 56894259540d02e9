import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Connection } from './index';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Any fixed number will do: it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 720_001;

/** Applies the committed migrations; several processes starting at once take turns. */
export async function applyMigrations({ db, sql, embedded }: Connection): Promise<void> {
  if (embedded) {
    await migrate(db, { migrationsFolder });
    return;
  }
  const lockHolder = await sql.reserve();
  try {
    await lockHolder`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db, { migrationsFolder });
  } finally {
    await lockHolder`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    lockHolder.release();
  }
}
