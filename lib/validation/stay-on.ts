import { z } from 'zod';

export const STAY_ON_BASES = [
  { value: 'care_leaver', label: 'I am leaving care, or have left care' },
  { value: 'learning_difficulty', label: 'I have learning difficulties and still get help from services' },
] as const;

/** "I want to stay on the index until 25": the reason and the young person's own consent. */
export const ZStayOnRequest = z.object({
  basis: z.enum(['care_leaver', 'learning_difficulty'], 'Select why you want to stay on the index'),
  consent: z.literal('yes', 'Confirm that you agree to stay on the index until you are 25'),
});
export type TStayOnRequest = z.output<typeof ZStayOnRequest>;
