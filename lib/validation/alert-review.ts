import { z } from 'zod';
import { plainString } from './plain-text';

/** What the index team can decide about an alert (the database's alerts_outcome_known check lists the same). */
export const ALERT_OUTCOMES = [
  { value: 'no_concern', label: 'No concern' },
  { value: 'account_suspended', label: 'Account suspended' },
  { value: 'referred_for_investigation', label: 'Referred for investigation' },
] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number]['value'];

export const outcomeLabel = (outcome: string) => ALERT_OUTCOMES.find((o) => o.value === outcome)?.label ?? outcome;

export const ZAlertReview = z.object({
  outcome: z.enum(ALERT_OUTCOMES.map((o) => o.value) as [AlertOutcome, ...AlertOutcome[]], 'Select the outcome of your review'),
  note: plainString('Enter a note about your review')
    .min(1, 'Enter a note about your review')
    .max(2000, 'The note must be 2,000 characters or fewer'),
});
export type TAlertReviewInput = z.input<typeof ZAlertReview>;
export type TAlertReview = z.output<typeof ZAlertReview>;
