// npm run db:seed -- --children N [--seed S] [--as-of YYYY-MM-DD] [--reset]
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { env } from '@/lib/env.js';
import { connectForSeeding, DatabaseNotEmptyError, seedDatabase } from './seed-database';

const Options = z.object({
  children: z.coerce.number().int('--children must be a whole number').min(1, '--children must be at least 1').max(20_000_000),
  seed: z.coerce.number().int('--seed must be a whole number').min(0),
  asOf: z.iso.date('--as-of must be a date written YYYY-MM-DD'),
  reset: z.boolean(),
});

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string', default: new Date().toISOString().slice(0, 10) },
    reset: { type: 'boolean', default: false },
  },
});
const parsed = Options.safeParse({ ...values, asOf: values['as-of'] });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(issue.message);
  process.exit(2);
}
const options = parsed.data;

const connection = await connectForSeeding();
try {
  const report = await seedDatabase({ connection, ...options, demoAccounts: env.DEMO_MODE, onProgress: (m) => console.log(m) });
  if (!env.DEMO_MODE) console.log('No demo accounts: they are made only in demo mode (DEMO_MODE=true).');
  console.log(
    `Seeded ${report.children.toLocaleString('en-GB')} children (seed ${options.seed}, as of ${options.asOf}) in ` +
      `${report.totalSeconds.toFixed(1)} s: load ${report.loadSeconds.toFixed(1)} s, indexes ${report.indexSeconds.toFixed(1)} s.`,
  );
  const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
  console.log(`Rows: ${total.toLocaleString('en-GB')} (${Math.round(total / report.loadSeconds).toLocaleString('en-GB')} rows/s while loading)`);
  for (const [table, rows] of Object.entries(report.rows)) console.log(`  ${table}: ${rows.toLocaleString('en-GB')}`);
} catch (error) {
  if (error instanceof DatabaseNotEmptyError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await connection.close();
}
