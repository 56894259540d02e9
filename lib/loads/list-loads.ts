import 'server-only';
import type { Database } from '@/db';
import type { LoadCounts } from '@/db/schema';
import { loadIsBeingWorkedSql } from './load-lock-key';
import { loadViewerCondition, type LoadViewer } from './load-viewer';

export type ListLoadsOptions = { db: Database; viewer: LoadViewer; limit?: number };
export type LoadSummary = { id: string; sourceName: string; fileName: string; status: string; beingWorked: boolean; counts: LoadCounts; pendingReviews: number; receivedAt: Date; finishedAt: Date | null };

/** The viewer's loads, newest first, with their progress and pending reviews; files still being received or checked, or refused, among them. */
export async function listLoads({ db, viewer, limit = 50 }: ListLoadsOptions): Promise<LoadSummary[]> {
  const { condition, params } = loadViewerCondition(viewer);
  const rows = await db.$client.unsafe<(Omit<LoadSummary, 'receivedAt' | 'finishedAt'> & { receivedAt: string; finishedAt: string | null })[]>(
    `select l.id, s.name as "sourceName", l.file_name as "fileName", l.status::text as status, ${loadIsBeingWorkedSql('l.id')} as "beingWorked", l.counts,
            to_json(l.received_at) #>> '{}' as "receivedAt", to_json(l.finished_at) #>> '{}' as "finishedAt",
            (select count(distinct m.row_number) from match_reviews m where m.load_id = l.id and m.status = 'pending')::int as "pendingReviews"
     from source_loads l join source_systems s on s.id = l.source_system_id
     where $1::int > 0 and ${condition}
     union all
     select u.id, s.name, u.file_name, u.status::text, false, '{"rows":0,"rejected":0,"bySourceId":0,"linked":0,"review":0,"created":0,"updated":0,"applied":0}'::jsonb,
            to_json(u.received_at) #>> '{}', null, 0
     from load_uploads u join source_systems s on s.id = u.source_system_id
     where u.status <> 'staged' and ${condition}
     order by "receivedAt" desc limit $1`,
    [limit, ...params],
  );
  // Timestamps come back as text (drizzle's parsers on the shared client): ISO 8601 here, so that Date reads them.
  return rows.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt), finishedAt: r.finishedAt ? new Date(r.finishedAt) : null }));
}
