import 'server-only';
import type { LoadCounts } from '@/db/schema';

export type MeasureLoadProgressOptions = { status: string; counts: LoadCounts };

/** Where each step starts on the bar: checking is quick, matching is one step (one transaction), applying goes by batch. */
const STEP_START: Record<string, number> = { receiving: 0, checking: 5, staged: 10, matched: 40, applying: 40 };
const APPLYING_SHARE = 60;

/**
 * How far a load has got, as a whole percentage, and whether it has finished (done, or refused at its check).
 * Applying moves with the rows each committed batch records in the load's counts; matching commits all at once, so
 * the share waits at its start until it is done. An unfinished load never reads 100.
 */
export function measureLoadProgress({ status, counts }: MeasureLoadProgressOptions): { percent: number; finished: boolean } {
  if (status === 'done' || status === 'refused') return { percent: 100, finished: true };
  let percent = STEP_START[status] ?? 0;
  if (status === 'applying') {
    // Rows waiting for a caseworker's decision are applied only when decided, after the load is done.
    const toApply = Math.max(1, counts.rows - counts.rejected - counts.review);
    percent += Math.floor(APPLYING_SHARE * Math.min(1, counts.applied / toApply));
  }
  return { percent: Math.min(percent, 99), finished: false };
}
