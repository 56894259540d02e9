import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { openPostgres } from './client';
import type { Connection } from './index';
import { installJobQueue } from './job-queue';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Any fixed number will do: it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 720_001;

async function migrateAndGrant(db: Connection['db']): Promise<void> {
  await migrate(db, { migrationsFolder });
  await installJobQueue(db);
  // Both are idempotent: the application role's grants cover whatever the migrations and pg-boss just made, and the
  // audit trail has its partitions a few months ahead (see 0020_tamper_evident_audit.sql).
  await db.execute(sql`select grant_app_privileges(), ensure_audit_partitions()`);
}

/**
 * Applies the committed migrations, installs the job queue and grants the application role its privileges; several
 * processes starting at once take turns.
 */
export async function applyMigrations({ db, url, embedded }: Connection): Promise<void> {
  if (embedded) {
    await migrateAndGrant(db);
    return;
  }
  // The lock is held on a session of its own, so that the migrations can use every connection of the pool.
  const lockHolder = openPostgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockHolder`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrateAndGrant(db);
  } finally {
    await lockHolder.end();
  }
}
