import 'server-only';
import type { Database } from '@/db';
import { enqueueJob, JOB_QUEUES } from '@/lib/kernel/enqueue-job';

export type FinishLoadJob = { loadId: string };

export type QueueFinishLoadOptions = { db: Database; loadId: string };

/**
 * Asks the job worker to match and apply a load that is not done. One job of a load waits at most (its id is the
 * singletonKey); false if the load is done (or gone) and nothing was asked.
 */
export async function queueFinishLoad({ db, loadId }: QueueFinishLoadOptions): Promise<boolean> {
  const [load] = await db.$client<{ status: string }[]>`select status from source_loads where id = ${loadId}`;
  if (!load || load.status === 'done') return false;
  await enqueueJob({ db, queue: JOB_QUEUES.finishLoad.name, data: { loadId } satisfies FinishLoadJob, singletonKey: loadId });
  return true;
}
