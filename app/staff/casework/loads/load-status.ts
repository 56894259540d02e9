import type { LoadCounts } from '@/db/schema';
import { isMatchStep, MATCH_STEPS } from '@/lib/loads/match-steps';
import { measureLoadProgress } from '@/lib/loads/measure-load-progress';

/**
 * How far a load has got, in words, with the GOV.UK tag colour. A load sent through the API waits in the job queue
 * between its steps: unfinished and not being worked is waiting its turn, not stuck (the queue's sweep sees to that).
 */
export function loadStatus(status: string, counts: LoadCounts, beingWorked: boolean, matchStep: string | null = null): { text: string; tag: string } {
  const applied = counts.applied.toLocaleString('en-GB');
  switch (status) {
    case 'receiving':
      return { text: 'Arriving', tag: 'govuk-tag--grey' };
    case 'checking':
      return { text: 'Received, being checked', tag: 'govuk-tag--grey' };
    case 'refused':
      return { text: 'Refused: nothing was loaded', tag: 'govuk-tag--red' };
    case 'staged':
      if (!beingWorked) return { text: 'Received, waiting to be matched', tag: 'govuk-tag--grey' };
      return { text: isMatchStep(matchStep) ? `Matching: ${MATCH_STEPS[matchStep]}` : 'Received, matching now', tag: 'govuk-tag--blue' };
    case 'matched':
      return beingWorked ? { text: 'Matched, applying now', tag: 'govuk-tag--blue' } : { text: 'Matched, waiting to be applied', tag: 'govuk-tag--grey' };
    case 'applying':
      return beingWorked
        ? { text: `Applying: ${applied} rows done`, tag: 'govuk-tag--blue' }
        : { text: `Applying: ${applied} rows done, waiting to go on`, tag: 'govuk-tag--grey' };
    default:
      return { text: 'Done', tag: 'govuk-tag--green' };
  }
}

export type LoadProgress = { status: string; text: string; tag: string; percent: number; finished: boolean };

/** The load's step in words and its share done, for the progress bar and its route. Counts only: no names. */
export function loadProgress({ status, counts, beingWorked, matchStep }: { status: string; counts: LoadCounts; beingWorked: boolean; matchStep: string | null }): LoadProgress {
  return { status, ...loadStatus(status, counts, beingWorked, matchStep), ...measureLoadProgress({ status, counts, matchStep }) };
}
