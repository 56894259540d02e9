// npm run db:migrate — applies the committed migrations to DATABASE_URL, or to the embedded database.
import { connect } from './index';
import { applyMigrations } from './migrate';
import { env } from '@/lib/env.js';

const connection = await connect({ url: env.DATABASE_URL });
try {
  await applyMigrations(connection);
  console.log(`Migrations applied to ${connection.embedded ? `the embedded database in ${env.DATA_DIR}` : 'DATABASE_URL'}.`);
} finally {
  await connection.close();
}
