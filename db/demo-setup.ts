// Part of `npm run demo`: migrate, and seed a few thousand children and the demo accounts the first time.
import { env } from '@/lib/env.js';
import { connect } from './index';
import { applyMigrations } from './migrate';
import { countChildren, seedDatabase } from './seed/seed-database';

const DEMO_CHILDREN = 3_000;

if (!env.DEMO_MODE) {
  console.error('db/demo-setup.ts creates the demo accounts, which exist only in demo mode: run it through `npm run demo`.');
  process.exit(2);
}

const connection = await connect({ url: env.DATABASE_URL });
try {
  await applyMigrations(connection);
  const existing = await countChildren(connection);
  if (existing > 0) {
    console.log(`The database already holds ${existing.toLocaleString('en-GB')} children: keeping them.`);
  } else {
    console.log(`Creating a synthetic population of ${DEMO_CHILDREN.toLocaleString('en-GB')} children and the demo accounts…`);
    const report = await seedDatabase({
      connection,
      children: DEMO_CHILDREN,
      seed: 1,
      asOf: new Date().toISOString().slice(0, 10),
      reset: false,
      demoAccounts: true,
    });
    console.log(`Done in ${report.totalSeconds.toFixed(1)} s.`);
  }
} finally {
  await connection.close();
}
