import 'server-only';
import type { Database } from '@/db';
import type { LoadCounts } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import { loadIsBeingWorkedSql } from './load-lock-key';
import { loadViewerCondition, type LoadViewer } from './load-viewer';

export type ViewLoadOptions = { db: Database; viewer: LoadViewer; loadId: string };

export type LoadView = {
  id: string;
  source: { code: string; name: string };
  fileName: string;
  asOf: string;
  status: string;
  /** A process is matching or applying it now; an unfinished load that is not is waiting in the queue. */
  beingWorked: boolean;
  /** The step matching has reached while it runs (load_match_progress), else null. */
  matchStep: string | null;
  counts: LoadCounts;
  weightsOrigin: string | null;
  pendingReviews: number;
  receivedAt: string;
  finishedAt: string | null;
  rejects: { rowNumber: number; field: string; reason: string }[];
  rejectsLeftOut: number;
  /** Why the check refused the file (status "refused"): nothing of it was staged. */
  refusal: string | null;
};

/** A load not yet staged: its upload, being received or checked, or refused. */
const NOT_STAGED_COUNTS: LoadCounts = { rows: 0, rejected: 0, bySourceId: 0, linked: 0, review: 0, created: 0, updated: 0, applied: 0 };

const MAX_REJECTS = 500;

/** One load's progress and outcome with its reject report (row, field, reason: no personal data), for its viewer. */
export async function viewLoad({ db, viewer, loadId }: ViewLoadOptions): Promise<LoadView> {
  const { condition, params } = loadViewerCondition(viewer);
  const [load] = await db.$client.unsafe<Omit<LoadView, 'rejects' | 'rejectsLeftOut' | 'refusal'>[]>(
    `select l.id, json_build_object('code', s.code, 'name', s.name) as source, l.file_name as "fileName", l.as_of::text as "asOf", l.status, ${loadIsBeingWorkedSql('l.id')} as "beingWorked", l.counts,
            (select p.step from load_match_progress p where p.load_id = l.id) as "matchStep",
            l.weights ->> 'origin' as "weightsOrigin",
            (select count(distinct m.row_number) from match_reviews m where m.load_id = l.id and m.status = 'pending')::int as "pendingReviews",
            to_json(l.received_at) #>> '{}' as "receivedAt", to_json(l.finished_at) #>> '{}' as "finishedAt"
     from source_loads l join source_systems s on s.id = l.source_system_id
     where l.id = $1 and ${condition}`,
    [loadId, ...params],
  );
  if (!load) return viewUpload({ db, viewer, loadId });
  const rejects = await db.$client<{ rowNumber: number; field: string; reason: string }[]>`
    select row_number as "rowNumber", field, reason from source_load_rejects where load_id = ${loadId} order by row_number, field limit ${MAX_REJECTS}`;
  const [all] = await db.$client<{ n: number }[]>`select count(*)::int as n from source_load_rejects where load_id = ${loadId}`;
  return { ...load, rejects: [...rejects], rejectsLeftOut: Math.max(0, all!.n - rejects.length), refusal: null };
}

/** An upload not staged (yet): the same address answers, with no rows until the check has staged it. */
async function viewUpload({ db, viewer, loadId }: ViewLoadOptions): Promise<LoadView> {
  const { condition, params } = loadViewerCondition(viewer);
  const [upload] = await db.$client.unsafe<Pick<LoadView, 'id' | 'source' | 'fileName' | 'asOf' | 'status' | 'receivedAt' | 'refusal'>[]>(
    `select u.id, json_build_object('code', s.code, 'name', s.name) as source, u.file_name as "fileName", u.as_of::text as "asOf", u.status::text as status,
            to_json(u.received_at) #>> '{}' as "receivedAt", u.refusal
     from load_uploads u join source_systems s on s.id = u.source_system_id
     where u.id = $1 and ${condition}`,
    [loadId, ...params],
  );
  if (!upload) throw new AppError('not_found', 'There is no such load.');
  // Staged since the load was looked for: the load is there now.
  if (upload.status === 'staged') return viewLoad({ db, viewer, loadId });
  return { ...upload, beingWorked: false, matchStep: null, counts: NOT_STAGED_COUNTS, weightsOrigin: null, pendingReviews: 0, finishedAt: null, rejects: [], rejectsLeftOut: 0 };
}
