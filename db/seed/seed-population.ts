import { Worker } from 'node:worker_threads';
import type { Connection } from '../index';
import { copyText, insertRows } from '@/db/bulk-writer';
import { dropIndexesAndConstraints, restoreIndexesAndConstraints } from './bulk-load';
import type { TableData } from './population/collector';
import type { Day } from './population/dates';
import { POPULATION_TABLES, REFERENCE_TABLES, TABLE_COLUMNS, type TableName } from './population/tables';
import type { WorkerInput, WorkerMessage } from './worker';

export type SeedPopulationOptions = {
  connection: Connection;
  children: number;
  seed: number;
  asOf: Day;
  /** Load into bare tables and rebuild indexes afterwards; by default, for large loads on a PostgreSQL server. */
  bulk?: boolean;
  onProgress?: (message: string) => void;
};

export type SeedReport = {
  children: number;
  rows: Record<string, number>;
  loadSeconds: number;
  indexSeconds: number;
  totalSeconds: number;
};

// Below this, dropping and rebuilding indexes costs more than it saves.
const BULK_LOAD_FROM = 100_000;

/**
 * Generates a synthetic England of `children` children and writes it. Large loads go into bare tables and the
 * indexes and constraints are rebuilt afterwards; small ones are written table by table with everything live.
 */
export async function seedPopulation(options: SeedPopulationOptions): Promise<SeedReport> {
  const { connection, children, seed, asOf, onProgress = () => {} } = options;
  const started = performance.now();
  const bulk = !connection.embedded && (options.bulk ?? children >= BULK_LOAD_FROM);
  const saved = bulk
    ? await dropIndexesAndConstraints(connection.sql, [...REFERENCE_TABLES, ...POPULATION_TABLES])
    : undefined;
  const rows: Record<string, number> = {};

  const writeTable = async (table: TableName, data: TableData) => {
    const columns = TABLE_COLUMNS[table];
    if (data.copy) await copyText(connection, table, columns, data.copy);
    else await insertRows(connection, table, columns, data.values ?? []);
    rows[table] = (rows[table] ?? 0) + data.rows;
  };
  const writeBatch = async (phase: string, tables: Partial<Record<TableName, TableData>>) => {
    const order = phase === 'reference' ? REFERENCE_TABLES : POPULATION_TABLES;
    const present = order.filter((t) => tables[t] !== undefined);
    // Without constraints the tables can be filled side by side; with them, parents before children.
    if (bulk && phase === 'population') await Promise.all(present.map((t) => writeTable(t, tables[t]!)));
    else for (const t of present) await writeTable(t, tables[t]!);
  };

  const input: WorkerInput = {
    children,
    seed,
    asOf,
    batchChildren: connection.embedded ? 2_000 : 25_000,
    encoding: connection.embedded ? 'rows' : 'copy',
    batchesAhead: 2,
  };
  const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: input });
  let written = 0;
  let lastReport = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let chain = Promise.resolve();
      worker.on('error', reject);
      worker.on('message', (message: WorkerMessage) => {
        chain = chain
          .then(async () => {
            if (message.type === 'done') return resolve();
            await writeBatch(message.phase, message.tables);
            written += message.children;
            worker.postMessage('more');
            if (written - lastReport >= 500_000 || written === children) {
              lastReport = written;
              onProgress(`${written.toLocaleString('en-GB')} children written (${seconds(started)} s)`);
            }
          })
          .catch(reject);
      });
    });
  } finally {
    await worker.terminate();
  }
  const loaded = performance.now();
  if (saved) {
    onProgress('Building indexes and constraints…');
    await restoreIndexesAndConstraints(connection.sql, saved, (step, ms) => {
      if (ms > 5_000) onProgress(`  ${step}: ${(ms / 1000).toFixed(1)} s`);
    });
  }
  // After a bulk load the visibility map is empty: VACUUM sets it, so that searches can be answered from the
  // covering indexes alone (index-only scans) instead of visiting the table.
  if (bulk) await connection.sql`vacuum (analyze) children`;
  await connection.sql`analyze`;
  const finished = performance.now();
  return {
    children: written,
    rows,
    loadSeconds: (loaded - started) / 1000,
    indexSeconds: (finished - loaded) / 1000,
    totalSeconds: (finished - started) / 1000,
  };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(0);
