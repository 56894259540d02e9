import { z } from 'zod';
import { plainString } from './plain-text';
import { SEARCH_REASONS } from './child-search';

/** The fields of a form that asks why a record is opened: one of `reasons`, and words of one's own for "other". */
export const statedReasonFields = (reasons: readonly { value: string }[]) => ({
  reason: z.enum(reasons.map((r) => r.value) as [string, ...string[]], 'Select why you need to see this record'),
  reasonDetail: plainString('Reason must be text')
    .max(200, 'Reason must be 200 characters or fewer')
    .optional()
    .transform((v) => v || undefined),
});

/** "Another reason" needs the words: the refinement for a form made with statedReasonFields. */
export const otherReasonSaid: [(v: { reason: string; reasonDetail?: string }) => boolean, { path: string[]; message: string }] = [
  (v) => v.reason !== 'other' || Boolean(v.reasonDetail),
  { path: ['reasonDetail'], message: 'Say why you need to see this record' },
];

/** Why a member of staff opens a record they did not reach through a search. The reasons are a search's reasons. */
export const ZViewingPurpose = z.object(statedReasonFields(SEARCH_REASONS)).refine(...otherReasonSaid);
export type TViewingPurpose = z.output<typeof ZViewingPurpose>;

/** The reason as the audit trail keeps it: the code, or "other: " and the words given. */
export const describeReason = ({ reason, reasonDetail }: { reason: string; reasonDetail?: string }) =>
  reason === 'other' ? `other: ${reasonDetail}` : reason;

/** Overriding a shield starts an investigation: the reason must say enough for the index team to judge it. */
export const ZShieldOverride = z.object({
  reason: plainString('Explain in at least 20 characters why the child is at risk and you need the details')
    .min(20, 'Explain in at least 20 characters why the child is at risk and you need the details')
    .max(1000, 'Reason must be 1,000 characters or fewer'),
});
export type TShieldOverride = z.output<typeof ZShieldOverride>;
