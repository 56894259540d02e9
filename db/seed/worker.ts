// Generates the population off the main thread, so that writing to the database and generating overlap.
import { parentPort, workerData } from 'node:worker_threads';
import { toCopyText, type Row } from './bulk-writer';
import { generatePopulation, type GenerateOptions } from './population/generate';

export type WorkerInput = GenerateOptions & { encoding: 'copy' | 'rows'; batchesAhead: number };
export type WorkerMessage =
  | { type: 'batch'; phase: 'reference' | 'population'; children: number; tables: Record<string, string | Row[]> }
  | { type: 'done' };

const input = workerData as WorkerInput;
const port = parentPort!;
let credits = input.batchesAhead;
let waiting: (() => void) | undefined;
port.on('message', () => {
  credits += 1;
  waiting?.();
});

for (const batch of generatePopulation(input)) {
  while (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
  credits -= 1;
  const tables = Object.fromEntries(
    Object.entries(batch.rows)
      .filter(([, rows]) => rows.length > 0)
      .map(([table, rows]) => [table, input.encoding === 'copy' ? toCopyText(rows) : rows]),
  );
  port.postMessage({ type: 'batch', phase: batch.phase, children: batch.children, tables } satisfies WorkerMessage);
}
port.postMessage({ type: 'done' } satisfies WorkerMessage);
port.close();
