import 'server-only';
import type { Database } from '@/db';
import type { AuditEvent } from '@/lib/kernel/record-audit-event';
import { applyLoadRows } from './apply-load-rows';
import { analyzeStagedRows } from './analyze-staged-rows';

export type ApplyLoadOptions = {
  db: Database;
  loadId: string;
  /** Rows per transaction. */
  batchSize?: number;
  /** Called after each committed batch (progress for the CLI; the kill-and-resume test stops a load here). */
  onBatch?: (progress: { applied: number; rows: number }) => void | Promise<void>;
};

/**
 * Applies a matched load in batches of rows, each batch one transaction that also records the load's progress, then
 * marks it done. Rerun after a kill it goes on from the first batch not committed; on a finished load it does nothing.
 */
export async function applyLoad({ db, loadId, batchSize = 20_000, onBatch }: ApplyLoadOptions): Promise<void> {
  const sql = db.$client;
  const [load] = await sql<{ status: string; maxRow: number; rows: number; actor: Pick<AuditEvent, 'actorKind' | 'actorId' | 'organisationId'> }[]>`
    select l.status, (select coalesce(max(row_number), 0) from source_load_rows where load_id = l.id)::int as "maxRow",
           (l.counts ->> 'rows')::int as rows,
           json_build_object('actorKind', l.submitted_by_kind, 'actorId', l.submitted_by_id, 'organisationId', s.organisation_id) as actor
    from source_loads l join source_systems s on s.id = l.source_system_id where l.id = ${loadId}`;
  if (!load || (load.status !== 'matched' && load.status !== 'applying')) return;
  // The staged rows' statistics may still say the table is empty (a first load): the planner then reads all of the
  // load's rows once for every row a batch applies (two minutes a batch of 25,000) instead of using its indexes.
  await analyzeStagedRows(sql);
  for (let from = 2; from <= load.maxRow; from += batchSize) {
    const applied = await sql.begin(async (tx) => {
      const [current] = await tx<{ status: string }[]>`select status from source_loads where id = ${loadId} for update`;
      if (current!.status === 'done') return null;
      // A batch touches some thousands of children: look each up by id. Left to itself the planner prices a read of
      // every child (a merge join along the whole primary key, or a scan as in matchLoad) as cheaper, and takes seconds.
      await tx`set local random_page_cost = 1.1`;
      await tx`set local enable_mergejoin = off`;
      const { changed } = await applyLoadRows({ tx, loadId, rows: { from, to: from + batchSize - 1 }, actor: load.actor });
      const [progress] = await tx<{ applied: number }[]>`
        update source_loads set status = 'applying', updated_at = now(),
          counts = counts || jsonb_build_object('updated', coalesce((counts ->> 'updated')::int, 0) + ${changed}::int,
            'applied', (select count(*) from source_load_rows where load_id = ${loadId} and applied_at is not null))
        where id = ${loadId} returning (counts ->> 'applied')::int as applied`;
      return progress!.applied;
    });
    if (applied === null) return;
    await onBatch?.({ applied, rows: load.rows });
  }
  await sql`update source_loads set status = 'done', finished_at = now(), updated_at = now() where id = ${loadId} and status <> 'done'`;
}
