// Generates the population off the main thread, so that writing to the database and generating overlap.
import { parentPort, workerData } from 'node:worker_threads';
import { copyCollector, rowCollector } from './population/collector';
import { generatePopulation, type GenerateOptions, type GeneratedBatch } from './population/generate';

export type WorkerInput = GenerateOptions & { encoding: 'copy' | 'rows'; batchesAhead: number };
export type WorkerMessage = ({ type: 'batch' } & GeneratedBatch) | { type: 'done' };

const input = workerData as WorkerInput;
const port = parentPort!;
let credits = input.batchesAhead;
let waiting: (() => void) | undefined;
port.on('message', () => {
  credits += 1;
  waiting?.();
});

const newCollector = input.encoding === 'copy' ? copyCollector : rowCollector;
for (const batch of generatePopulation(input, newCollector)) {
  while (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
  credits -= 1;
  // COPY text moves to the main thread without being copied.
  const transfer = Object.values(batch.tables).flatMap((t) => (t?.copy ? [t.copy.buffer as ArrayBuffer] : []));
  port.postMessage({ type: 'batch', ...batch } satisfies WorkerMessage, transfer);
}
port.postMessage({ type: 'done' } satisfies WorkerMessage);
port.close();
