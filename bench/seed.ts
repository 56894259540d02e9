// npm run bench:seed -- --children N — times a full synthetic load into DATABASE_URL (which it empties first)
// and prints a Markdown row for docs/benchmarks.md.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { env } from '@/lib/env.js';
import { connectForSeeding, seedDatabase } from '@/db/seed/seed-database';

const { values } = parseArgs({ options: { children: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' } } });
const children = Number(values.children);
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL database that may be emptied: the benchmark replaces its contents.');
  process.exit(2);
}
if (!Number.isInteger(children) || children < 1) {
  console.error('--children must be a whole number of at least 1');
  process.exit(2);
}

const connection = await connectForSeeding();
try {
  const version = (await connection.sql<{ version: string }[]>`select current_setting('server_version') as version`)[0]!.version;
  const report = await seedDatabase({
    connection,
    children,
    seed: Number(values.seed),
    asOf: '2026-11-25',
    reset: true,
    // The HTTP benchmarks sign in as the demo practitioners.
    demoAccounts: true,
    onProgress: (m) => console.log(m),
  });
  const rows = Object.values(report.rows).reduce((a, b) => a + b, 0);
  const size = (await connection.sql<{ size: string }[]>`select pg_size_pretty(pg_database_size(current_database())) as size`)[0]!.size;
  console.log('\n| date | machine | PostgreSQL | children | rows | load | rows/s (load) | indexes + constraints | total | database size |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| ${new Date().toISOString().slice(0, 10)} | ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB | ${version} | ` +
      `${children.toLocaleString('en-GB')} | ${rows.toLocaleString('en-GB')} | ${report.loadSeconds.toFixed(0)} s | ` +
      `${Math.round(rows / report.loadSeconds).toLocaleString('en-GB')} | ${report.indexSeconds.toFixed(0)} s | ` +
      `${report.totalSeconds.toFixed(0)} s (${(report.totalSeconds / 60).toFixed(1)} min) | ${size} |`,
  );
  console.log('\nRows by table:');
  for (const [table, count] of Object.entries(report.rows)) console.log(`  ${table}: ${count.toLocaleString('en-GB')}`);
} finally {
  await connection.close();
}
