import 'server-only';
import type { Database } from '@/db';
import { AppError } from '@/lib/kernel/errors';
import type { ReviewingStaff } from './decide-match-review';

export type ListMatchReviewsOptions = { db: Database; caseworker: ReviewingStaff; loadId: string; limit?: number };
export type MatchReviewSummary = { id: string; rowNumber: number; because: string; matchWeight: number; candidateIndexNumber: string };

/**
 * A load's candidate matches waiting for a caseworker, best first within each row. Only index numbers: the names are
 * shown (and audited) when one is opened.
 */
export async function listMatchReviews({ db, caseworker, loadId, limit = 200 }: ListMatchReviewsOptions): Promise<MatchReviewSummary[]> {
  if (caseworker.role !== 'caseworker') throw new AppError('forbidden', 'Only the index team reviews matches.');
  return db.$client<MatchReviewSummary[]>`
    select m.id, m.row_number as "rowNumber", m.because, m.match_weight as "matchWeight", c.index_number as "candidateIndexNumber"
    from match_reviews m join children c on c.id = m.candidate_child_id
    where m.load_id = ${loadId} and m.status = 'pending'
    order by m.row_number, m.match_weight desc limit ${limit}`;
}
