import { z } from 'zod';

/** The code from the letter or email, typed as it looks ("7qhmx 9kd4t" and "7QHMX-9KD4T" are the same). */
export const ZActivationCode = z.object({
  code: z
    .string('Enter the code')
    .transform((v) => v.replace(/[\s-]+/g, '').toUpperCase())
    .refine((v) => v.length > 0, 'Enter the code')
    .refine((v) => v.length === 0 || /^[0-9A-Z]{10}$/.test(v), 'Enter the 10 letters and numbers of the code, like 7QHMX 9KD4T'),
});
export type TActivationCode = z.output<typeof ZActivationCode>;
