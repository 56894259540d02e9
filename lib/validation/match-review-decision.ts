import { z } from 'zod';

export const MATCH_REVIEW_OUTCOMES = [
  { value: 'link', label: 'The same child: link the row to this record' },
  { value: 'keep_apart', label: 'Not the same child: keep them apart' },
] as const;

/** A caseworker's decision on a candidate match: the same child, or not; always with a reason. */
export const ZMatchReviewDecision = z.object({
  outcome: z.enum(['link', 'keep_apart'], 'Choose whether this is the same child'),
  reason: z.string('Give a reason').trim().min(1, 'Give a reason').max(500, 'The reason must be 500 characters or fewer'),
});

export type TMatchReviewDecision = z.infer<typeof ZMatchReviewDecision>;
