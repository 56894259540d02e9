// npm run worker: works the job queue in a process of its own (run the app with JOBS_IN_APP=false beside it).
import { appConnection } from '@/db';
import { anchorKey } from '@/lib/audit/anchor-key.js';
import { startWorker } from './start-worker';

// Outside demo mode, no anchor key: the worker does not start (the message names the setting).
const key = anchorKey();
const connection = await appConnection();
const worker = await startWorker({ db: connection.db, auditAnchorKey: () => key });
console.log(`Job worker started on ${connection.embedded ? 'the embedded database' : 'PostgreSQL'}. Stop it with Ctrl+C.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void worker
      .stop()
      .then(() => connection.close())
      .finally(() => process.exit(0));
  });
}
