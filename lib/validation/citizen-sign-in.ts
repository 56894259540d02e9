import { z } from 'zod';

export const ZCitizenSignIn = z.object({
  email: z
    .string('Enter your email address')
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.com')),
});
export type TCitizenSignIn = z.output<typeof ZCitizenSignIn>;
