import 'server-only';
import type { Database } from '@/db';
import type { LoadCounts } from '@/db/schema';
import { applyLoad } from './apply-load';
import { matchLoad } from './match-load';
import { withLoadLock } from './with-load-lock';

export type FinishLoadOptions = {
  db: Database;
  loadId: string;
  /** Wait while another process works the load (the CLI), rather than leave it to that process (a job). */
  wait?: boolean;
  batchSize?: number;
  onProgress?: (message: string) => void;
};

/**
 * Busy: another process holds the load and will finish it; nothing was done here. Gone: there is no such load (deleted
 * after its job was queued), so there is nothing to finish. Else the load's counts once done.
 */
export type FinishLoadOutcome = { busy: true } | { busy: false; gone: true } | { busy: false; gone: false; counts: LoadCounts };

/**
 * Matches and applies a staged load, or goes on from the step it reached (both steps are resumable and do nothing
 * to a load past them), under the load's lock so that no two processes work one load at once.
 */
export async function finishLoad({ db, loadId, wait = false, batchSize, onProgress }: FinishLoadOptions): Promise<FinishLoadOutcome> {
  const outcome = await withLoadLock({
    db,
    loadId,
    wait,
    work: async () => {
      const [held] = await db.$client<{ id: string }[]>`select id from source_loads where id = ${loadId}`;
      if (!held) return null;
      await matchLoad({ db, loadId });
      onProgress?.('Matched.');
      await applyLoad({ db, loadId, batchSize, onBatch: ({ applied, rows }) => onProgress?.(`Applied ${applied.toLocaleString('en-GB')} of ${rows.toLocaleString('en-GB')} rows.`) });
      const [load] = await db.$client<{ counts: LoadCounts }[]>`select counts from source_loads where id = ${loadId}`;
      return load!.counts;
    },
  });
  if (outcome.busy) return outcome;
  return outcome.result ? { busy: false, gone: false, counts: outcome.result } : { busy: false, gone: true };
}
