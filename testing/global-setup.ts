// Vitest global setup: with DATABASE_URL, migrate that database once; test files then copy it as a template.
import { connect } from '@/db';
import { applyMigrations } from '@/db/migrate';

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const connection = await connect({ url, max: 1 });
  try {
    await applyMigrations(connection);
  } finally {
    await connection.close();
  }
}
