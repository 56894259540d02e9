import { z } from 'zod';

/** A request to correct one item: used by the browser form (react-hook-form) and the server action alike. */
export const ZCorrectionRequest = z.object({
  item: z.string('Select what is wrong').min(1, 'Select what is wrong'),
  requestedValue: z
    .string('Say what it should be')
    .trim()
    .min(1, 'Say what it should be')
    .max(500, 'What it should be must be 500 characters or fewer'),
  explanation: z.string().trim().max(1000, 'Your explanation must be 1,000 characters or fewer').optional().transform((v) => v || undefined),
});
export type TCorrectionRequestInput = z.input<typeof ZCorrectionRequest>;
export type TCorrectionRequest = z.output<typeof ZCorrectionRequest>;

export const ZCorrectionReply = z.object({
  message: z.string('Enter your reply').trim().min(1, 'Enter your reply').max(2000, 'Your reply must be 2,000 characters or fewer'),
});
export type TCorrectionReply = z.output<typeof ZCorrectionReply>;
