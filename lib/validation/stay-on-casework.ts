import { z } from 'zod';
import { plainString } from './plain-text';

/** The bases as the index team reads them (the young person's own words are in lib/validation/stay-on.ts). */
export const STAY_ON_BASIS_LABELS = {
  care_leaver: 'Care leaver',
  learning_difficulty: 'Learning difficulties, still receiving services',
} as const;
export type StayOnBasis = keyof typeof STAY_ON_BASIS_LABELS;

const BASES = Object.entries(STAY_ON_BASIS_LABELS).map(([value, label]) => ({ value, label }));
export const STAY_ON_BASIS_OPTIONS = BASES as readonly { value: StayOnBasis; label: string }[];

const requiredText = (missing: string, tooLong: string) => plainString(missing).min(1, missing).max(1000, tooLong);

/** A caseworker asks, for a young person of 16 or 17, that their record stays on until 25: why, and their consent in their words. */
export const ZStayOnRaise = z.object({
  basis: z.enum(['care_leaver', 'learning_difficulty'], 'Select why the young person should stay on the index'),
  consentStatement: requiredText('Enter what the young person said when they agreed', 'What they said must be 1,000 characters or fewer'),
});
export type TStayOnRaiseInput = z.input<typeof ZStayOnRaise>;
export type TStayOnRaise = z.output<typeof ZStayOnRaise>;

/** Refusing a request to stay on, or ending a stay-on: the reason is kept with the request and in the record's history. */
export const ZStayOnReason = z.object({
  reason: requiredText('Enter the reason', 'The reason must be 1,000 characters or fewer'),
});
export type TStayOnReasonInput = z.input<typeof ZStayOnReason>;
export type TStayOnReason = z.output<typeof ZStayOnReason>;
