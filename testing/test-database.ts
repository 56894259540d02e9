import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connect, type Connection } from '@/db';
import { applyMigrations } from '@/db/migrate';

export type TestDatabase = Connection & { drop: () => Promise<void> };

/**
 * A migrated database of the test file's own: a copy of DATABASE_URL's database (migrated by the global setup)
 * on a real PostgreSQL server, or else a fresh in-memory PGlite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = process.env.DATABASE_URL;
  if (!templateUrl) {
    const connection = await connect({ embedded: 'memory' });
    await applyMigrations(connection);
    return { ...connection, drop: connection.close };
  }
  const template = new URL(templateUrl);
  const templateName = template.pathname.slice(1);
  const name = `${templateName}_t${randomBytes(4).toString('hex')}`;
  // Administer from the maintenance database: a copy cannot be taken while anyone is connected to the template.
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = '/postgres';
  const admin = () => postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  const creator = admin();
  try {
    await creator.unsafe(`create database "${name}" template "${templateName}"`);
  } finally {
    await creator.end();
  }
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const connection = await connect({ url: url.toString(), max: 4 });
  return {
    ...connection,
    drop: async () => {
      await connection.close();
      const cleaner = admin();
      try {
        await cleaner.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleaner.end();
      }
    },
  };
}
