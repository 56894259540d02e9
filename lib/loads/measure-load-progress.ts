import 'server-only';
import type { LoadCounts } from '@/db/schema';
import { isMatchStep, MATCH_STEPS } from './match-steps';

export type MeasureLoadProgressOptions = { status: string; counts: LoadCounts; matchStep?: string | null };

/** Where each step starts on the bar: checking is quick, matching goes by its steps, applying by batch. */
const STEP_START: Record<string, number> = { receiving: 0, checking: 5, staged: 10, matched: 40, applying: 40 };
const MATCHING_SHARE = 30;
const APPLYING_SHARE = 60;
const MATCH_STEP_NAMES = Object.keys(MATCH_STEPS);

/**
 * How far a load has got, as a whole percentage, and whether it has finished (done, or refused at its check).
 * Matching moves with the step it has reached (written beside its one transaction, lib/loads/match-load.ts);
 * applying with the rows each committed batch records in the load's counts. An unfinished load never reads 100.
 */
export function measureLoadProgress({ status, counts, matchStep = null }: MeasureLoadProgressOptions): { percent: number; finished: boolean } {
  if (status === 'done' || status === 'refused') return { percent: 100, finished: true };
  let percent = STEP_START[status] ?? 0;
  if (status === 'staged' && isMatchStep(matchStep)) {
    percent += Math.floor((MATCHING_SHARE * (MATCH_STEP_NAMES.indexOf(matchStep) + 1)) / (MATCH_STEP_NAMES.length + 1));
  }
  if (status === 'applying') {
    // Rows waiting for a caseworker's decision are applied only when decided, after the load is done.
    const toApply = Math.max(1, counts.rows - counts.rejected - counts.review);
    percent += Math.floor(APPLYING_SHARE * Math.min(1, counts.applied / toApply));
  }
  return { percent: Math.min(percent, 99), finished: false };
}
