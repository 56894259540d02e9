import 'server-only';
import { getDb } from '@/db';
import { env } from '@/lib/env.js';
import { startWorker, type Worker } from './start-worker';

const globalForWorker = globalThis as unknown as { appWorker?: Promise<Worker> };

/**
 * The job worker inside the web server (instrumentation.ts), unless JOBS_IN_APP=false says a separate
 * `npm run worker` does the work. The embedded database can be opened by one process only, so there it must be here.
 */
export function startAppWorker(): Promise<Worker> | undefined {
  if (!env.JOBS_IN_APP) return undefined;
  globalForWorker.appWorker ??= getDb().then((db) => startWorker({ db }));
  globalForWorker.appWorker.catch((error: unknown) => {
    console.error('The job worker did not start:', error instanceof Error ? error.message : 'unknown error');
    globalForWorker.appWorker = undefined;
  });
  return globalForWorker.appWorker;
}
