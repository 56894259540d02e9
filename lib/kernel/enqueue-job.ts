import 'server-only';
import PgBoss from 'pg-boss';
import type { DbOrTx } from '@/db';
import { JOB_QUEUES, JOB_SCHEMA, type JobQueueName } from '@/db/job-queue';
import { jobQueueSql } from '@/db/job-queue-sql';

// Only ever called with a `db` option (the caller's own handle), so this instance's own connection is never used.
const sender = new PgBoss({
  schema: JOB_SCHEMA,
  db: { executeSql: () => Promise.reject(new Error('enqueueJob always passes the caller’s database handle')) },
});

export type EnqueueJobOptions = {
  db: DbOrTx;
  queue: JobQueueName;
  data: object;
  /** One job per key waiting at most, in a queue whose policy says so (see JOB_QUEUES). */
  singletonKey?: string;
};

/**
 * Adds a job through the caller's handle: inside a transaction, the job exists if and only if the change it follows
 * from was committed. Null when a job of the same singletonKey was already waiting.
 */
export async function enqueueJob({ db, queue, data, singletonKey }: EnqueueJobOptions): Promise<string | null> {
  return sender.send(queue, data, { db: jobQueueSql(db), ...(singletonKey ? { singletonKey } : {}) });
}

export { JOB_QUEUES };
