import { z } from 'zod';
import { plainString } from './plain-text';

export const ZStaffSignIn = z.object({
  username: plainString('Enter your user name').min(1, 'Enter your user name').max(100, 'User name must be 100 characters or fewer'),
  password: z.string('Enter your password').min(1, 'Enter your password').max(256, 'Password must be 256 characters or fewer'),
  pin: z.string('Enter your PIN, which is 4 to 8 numbers').trim().regex(/^\d{4,8}$/, 'Enter your PIN, which is 4 to 8 numbers'),
  // Blank only on the first sign-in, before a security token is set up.
  code: z.string('Enter the 6-number code from your security token').trim().regex(/^(\d{6})?$/, 'Enter the 6-number code from your security token'),
});
export type TStaffSignIn = z.infer<typeof ZStaffSignIn>;

export const ZTokenCode = z.object({
  code: z.string('Enter the 6-number code shown in your authenticator app').trim().regex(/^\d{6}$/, 'Enter the 6-number code shown in your authenticator app'),
});
