import 'server-only';
import type { Database } from '@/db';
import type { StaffUser } from '@/lib/kernel/actors';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { AppError } from '@/lib/kernel/errors';
import { responsibleAuthorityCodeSql } from '@/lib/records/responsible-authority-code';
import { randomIndexNumber } from '@/lib/kernel/index-number';
import type { TMatchReviewDecision } from '@/lib/validation/match-review-decision';
import { applyLoadRows } from './apply-load-rows';
import { asDrizzle } from './as-drizzle';

export type ReviewingStaff = Pick<StaffUser, 'id' | 'role' | 'organisationId' | 'localAuthorityCode'>;

export type DecideMatchReviewOptions = { db: Database; caseworker: ReviewingStaff; reviewId: string; decision: TMatchReviewDecision; clientAddress?: string | null };

/**
 * A caseworker decides one candidate of a row in the review queue. "Link": the row is that child (the other
 * candidates are kept apart). "Keep apart": not that child; once every candidate of the row is kept apart, the row
 * becomes a new child — shielded if it resembled a protected child. A decided row is applied at once, in the same
 * transaction as the decision and its audit event. Only the index team of the council holding a candidate's shield
 * may decide about a shielded candidate, and only that of the council answering for a child with a new identity.
 */
export async function decideMatchReview({ db, caseworker, reviewId, decision, clientAddress = null }: DecideMatchReviewOptions): Promise<{ childId: string | null }> {
  if (caseworker.role !== 'caseworker') throw new AppError('forbidden', 'Only the index team decides matches.');
  return db.$client.begin(async (tx) => {
    const [review] = await tx<{ loadId: string; rowNumber: number; candidateChildId: string; status: string; answeringAuthority: string | null; candidateShielded: boolean; candidateNewIdentity: boolean }[]>`
      select m.load_id as "loadId", m.row_number as "rowNumber", m.candidate_child_id as "candidateChildId", m.status,
             c.is_shielded as "candidateShielded", c.is_new_identity as "candidateNewIdentity",
             ${tx.unsafe(responsibleAuthorityCodeSql('c.id'))} as "answeringAuthority"
      from match_reviews m join children c on c.id = m.candidate_child_id where m.id = ${reviewId} for update of m`;
    if (!review) throw new AppError('not_found', 'There is no such match to review.');
    if (review.status !== 'pending') throw new AppError('conflict', 'Someone has already decided this match.');
    if ((review.candidateShielded || review.candidateNewIdentity) && review.answeringAuthority !== caseworker.localAuthorityCode) {
      throw new AppError('forbidden', 'This candidate is protected: only the index team of the council that answers for the child can decide.');
    }
    const decidedBy = { staff: caseworker.id, reason: decision.reason };
    let childId: string | null = null;
    if (decision.outcome === 'link') {
      await tx`update match_reviews set status = 'linked', decided_by_staff_id = ${decidedBy.staff}, decided_at = now(), decision_reason = ${decidedBy.reason} where id = ${reviewId}`;
      await tx`
        update match_reviews set status = 'kept_apart', decided_by_staff_id = ${decidedBy.staff}, decided_at = now(), decision_reason = 'Another candidate was linked'
        where load_id = ${review.loadId} and row_number = ${review.rowNumber} and status = 'pending'`;
      await tx`update source_load_rows set outcome = 'reviewed_link', child_id = ${review.candidateChildId} where load_id = ${review.loadId} and row_number = ${review.rowNumber}`;
      childId = review.candidateChildId;
    } else {
      await tx`update match_reviews set status = 'kept_apart', decided_by_staff_id = ${decidedBy.staff}, decided_at = now(), decision_reason = ${decidedBy.reason} where id = ${reviewId}`;
      const [left] = await tx<{ n: number }[]>`
        select count(*)::int as n from match_reviews where load_id = ${review.loadId} and row_number = ${review.rowNumber} and status = 'pending'`;
      if (left!.n === 0) {
        const [made] = await tx<{ childId: string }[]>`
          update source_load_rows set outcome = 'new', child_id = gen_random_uuid(), new_index_number = ${randomIndexNumber()}
          where load_id = ${review.loadId} and row_number = ${review.rowNumber} returning child_id as "childId"`;
        childId = made!.childId;
      }
    }
    const actor = { actorKind: 'staff' as const, actorId: caseworker.id, organisationId: caseworker.organisationId };
    if (childId) await applyLoadRows({ tx, loadId: review.loadId, rows: { numbers: [review.rowNumber] }, actor });
    await recordAuditEvent({
      db: asDrizzle(tx),
      event: {
        ...actor,
        action: 'load.review.decide',
        reason: decision.reason,
        query: { reviewId, outcome: decision.outcome },
        childIds: [review.candidateChildId, ...(childId && childId !== review.candidateChildId ? [childId] : [])],
        clientAddress,
      },
    });
    return { childId };
  });
}
