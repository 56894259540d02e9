import { z } from 'zod';
import { plainString } from './plain-text';

/** A request to correct one item: used by the browser form (react-hook-form) and the server action alike. */
export const ZCorrectionRequest = z.object({
  item: plainString('Select what is wrong').min(1, 'Select what is wrong').max(200, 'Select what is wrong from the list'),
  requestedValue: plainString('Say what it should be')
    .min(1, 'Say what it should be')
    .max(500, 'What it should be must be 500 characters or fewer'),
  explanation: plainString('Your explanation must be text').max(1000, 'Your explanation must be 1,000 characters or fewer').optional().transform((v) => v || undefined),
});
export type TCorrectionRequestInput = z.input<typeof ZCorrectionRequest>;
export type TCorrectionRequest = z.output<typeof ZCorrectionRequest>;

export const ZCorrectionReply = z.object({
  message: plainString('Enter your reply').min(1, 'Enter your reply').max(2000, 'Your reply must be 2,000 characters or fewer'),
});
export type TCorrectionReply = z.output<typeof ZCorrectionReply>;
