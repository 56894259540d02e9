import 'server-only';
import type { Database } from '@/db';
import { enqueueJob, JOB_QUEUES } from '@/lib/kernel/enqueue-job';
import type { CheckUploadJob } from './check-upload';

export type SweepUploadsOptions = { db: Database };

/** An upload that has received nothing for this long lost its request (a server stopped mid-upload). */
const STALLED_AFTER_MINUTES = 15;

/**
 * The uploads' sweep: refuses an upload whose request stopped arriving (so its source may send again) and queues the
 * check of any upload still waiting for one (a worker stopped mid-check, or its job ran out of retries).
 */
export async function sweepUploads({ db }: SweepUploadsOptions): Promise<{ stalled: number; queued: number }> {
  const sql = db.$client;
  const stalled = await sql<{ id: string }[]>`
    update load_uploads set status = 'refused', refusal = 'The upload stopped before the whole file arrived: send it again.', updated_at = now()
    where status = 'receiving' and updated_at < now() - make_interval(mins => ${STALLED_AFTER_MINUTES})
    returning id`;
  if (stalled.length) await sql`delete from load_upload_chunks where upload_id in ${sql(stalled.map((u) => u.id))}`;
  const waiting = await sql<{ id: string }[]>`
    select id from load_uploads where status = 'checking' and updated_at < now() - make_interval(mins => ${STALLED_AFTER_MINUTES})`;
  for (const { id } of waiting) await enqueueJob({ db, queue: JOB_QUEUES.checkUpload.name, data: { uploadId: id } satisfies CheckUploadJob, singletonKey: id });
  return { stalled: stalled.length, queued: waiting.length };
}
