// npm run cli -- load --source <code> [--as-of YYYY-MM-DD] <file.csv>: runs (or resumes) a load and prints its outcome.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '@/db';
import { applyMigrations } from '@/db/migrate';
import { todayInLondon } from '@/lib/kernel/dates';
import { env } from '@/lib/env.js';
import { AppError } from '@/lib/kernel/errors';
import { isRealIsoDay } from '@/lib/validation/iso-day';
import { runLoad } from './run-load';

export async function loadCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { source: { type: 'string' }, 'as-of': { type: 'string' } }, allowPositionals: true });
  const file = positionals[0];
  const asOf = values['as-of'] ?? todayInLondon();
  if (!values.source || !file || !isRealIsoDay(asOf)) {
    console.error('Usage: npm run cli -- load --source <source system code> [--as-of YYYY-MM-DD] <file.csv>');
    process.exit(2);
  }
  const connection = await connect({ url: env.DATABASE_URL, max: 2 });
  try {
    if (env.MIGRATE_ON_START) await applyMigrations(connection);
    const started = performance.now();
    const { loadId } = await runLoad({
      db: connection.db,
      sourceCode: values.source,
      fileName: path.basename(file),
      open: () => createReadStream(file),
      asOf,
      submittedBy: { kind: 'system', id: null },
      organisationId: null,
      onProgress: (m) => console.log(m),
    });
    const seconds = (performance.now() - started) / 1000;
    const [load] = await connection.sql<{ counts: Record<string, number>; origin: string }[]>`
      select counts, weights ->> 'origin' as origin from source_loads where id = ${loadId}`;
    const c = load!.counts;
    console.log(`Load ${loadId} done in ${seconds.toFixed(1)} s (weights: ${load!.origin}).`);
    console.log(`  rows ${c.rows}, rejected ${c.rejected}; by source id ${c.bySourceId}, linked ${c.linked}, for review ${c.review}, new ${c.created}; records changed ${c.updated}`);
    const rejects = await connection.sql<{ rowNumber: number; field: string; reason: string }[]>`
      select row_number as "rowNumber", field, reason from source_load_rejects where load_id = ${loadId} order by row_number, field limit 50`;
    for (const r of rejects) console.log(`  reject: row ${r.rowNumber}, ${r.field}: ${r.reason}`);
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.userMessage);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await connection.close();
  }
}
