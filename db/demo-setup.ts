// Part of `npm run demo`: migrate, and seed a few thousand children and the demo accounts the first time.
import { env } from '@/lib/env.js';
import { connect } from './index';
import { applyMigrations } from './migrate';
import { countChildren, seedDatabase } from './seed/seed-database';
import { DEMO_PEOPLE } from './seed/demo-people';
import { formatDate } from '@/lib/kernel/dates';

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
  await printDemoPeople();
} finally {
  await connection.close();
}

/** README's people to try in the portal, with their dates of birth as this demo's population has them. */
async function printDemoPeople() {
  const held = await connection.sql<{ given: string; family: string; born: string; postcode: string | null }[]>`
    select given_names as given, family_name as family, date_of_birth::text as born, postcode from children
    where family_name = any(${DEMO_PEOPLE.map((p) => p.familyName)})`;
  if (held.length === 0) return;
  console.log('\nPeople to try in the portal (README, "People to try in the portal"):');
  for (const person of DEMO_PEOPLE) {
    const child = held.find((h) => h.given === person.givenNames && h.family === person.familyName);
    if (!child) continue;
    const who = person.parent ? `${person.parent.givenNames} ${person.parent.familyName} (${person.parent.email}), parent of ` : '';
    console.log(`  ${who}${child.given} ${child.family}, born ${formatDate(child.born)}, postcode ${child.postcode}`);
  }
}
