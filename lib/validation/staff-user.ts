import { z } from 'zod';
import { isoDay } from './iso-day';
import { plainString } from './plain-text';

const isoDate = (message: string) => z.union([z.literal(''), isoDay(message)], message).transform((v) => v || null);

export const ZCreateStaffUser = z.object({
  username: z
    .string('User name must be 3 to 50 letters, numbers, dots or hyphens, starting with a letter')
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9.-]{2,49}$/, 'User name must be 3 to 50 letters, numbers, dots or hyphens, starting with a letter'),
  displayName: plainString('Enter the person’s full name').min(1, 'Enter the person’s full name').max(100, 'Full name must be 100 characters or fewer'),
  email: z.email('Enter an email address in the correct format, like name@example.gov.uk').max(200, 'Email address must be 200 characters or fewer'),
  role: z.enum(['practitioner', 'caseworker', 'administrator'], 'Select a role'),
  organisationId: z.uuid('Select an organisation'),
  hasChildProtectionRole: z
    .enum(['yes', 'no'], 'Select whether they have a child-protection role')
    .transform((v) => v === 'yes'),
  /** The sensitive service they work for, if any: they will see that service's involvements. */
  sensitiveServiceCode: plainString()
    .max(50, 'Select a service from the list')
    .optional()
    .transform((v) => v || null),
});
export type TCreateStaffUser = z.output<typeof ZCreateStaffUser>;

export const ZVetting = z.object({
  trainingCompletedOn: isoDate('Enter the date training was completed as a real date, for example 31 3 2026'),
  userAgreementSignedOn: isoDate('Enter the date the user agreement was signed as a real date, for example 31 3 2026'),
  /** The day the enhanced police check was issued: it lasts three years from then (lib/staff-admin/record-vetting.ts). */
  policeCheckIssuedOn: isoDate('Enter the date the police check was issued as a real date, for example 31 3 2026'),
});
export type TVetting = z.output<typeof ZVetting>;

export const ZReason = z.object({
  reason: plainString('Give the reason, in at least a few words').min(5, 'Give the reason, in at least a few words').max(500, 'Reason must be 500 characters or fewer'),
});

/** An access manager suspends, reinstates or resets the token of an account, with a reason. */
export const ZAccountStatusChange = z.object({
  change: z.enum(['suspend', 'reinstate', 'reset_token'], 'Choose what to do'),
  ...ZReason.shape,
});

export const ZActivation = z
  .object({
    password: z.string('Enter a password').min(1, 'Enter a password').max(256, 'Password must be 256 characters or fewer'),
    pin: z.string('Enter a PIN of 6 to 8 numbers').trim().regex(/^\d{6,8}$/, 'Enter a PIN of 6 to 8 numbers'),
    pinAgain: z.string('Enter the PIN again').trim(),
  })
  .refine((v) => v.pin === v.pinAgain, { path: ['pinAgain'], message: 'The PINs do not match' });
