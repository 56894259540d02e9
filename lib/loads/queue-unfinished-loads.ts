import 'server-only';
import type { Database } from '@/db';
import { JOB_QUEUES, JOB_SCHEMA } from '@/db/job-queue';
import { loadIsBeingWorkedSql } from './load-lock-key';
import { queueFinishLoad } from './queue-finish-load';

export type QueueUnfinishedLoadsOptions = { db: Database };

/**
 * The sweep: queues again every load sent through the API (or by staff) that is not done, that no process is working
 * (its lock is free) and that has no job waiting; e.g. one whose server was killed mid-load, or whose job ran out of
 * retries. Loads run by the CLI are left to it: running the same file again resumes them. Returns the loads queued.
 */
export async function queueUnfinishedLoads({ db }: QueueUnfinishedLoadsOptions): Promise<string[]> {
  const loads = await db.$client.unsafe<{ id: string }[]>(
    `select l.id from source_loads l
     where l.status in ('staged', 'matched', 'applying') and l.submitted_by_kind <> 'system'
       and not ${loadIsBeingWorkedSql('l.id')}
       and not exists (select 1 from ${JOB_SCHEMA}.job j where j.name = $1 and j.singleton_key = l.id::text and j.state in ('created', 'retry'))
     order by l.received_at`,
    [JOB_QUEUES.finishLoad.name],
  );
  const queued: string[] = [];
  for (const { id } of loads) if (await queueFinishLoad({ db, loadId: id })) queued.push(id);
  return queued;
}
