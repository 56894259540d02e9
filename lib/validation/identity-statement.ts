import { z } from 'zod';

/** A full postcode with its space taken out: outward code (LS6, SW1A) and inward code (2AB). */
const FULL_POSTCODE = /^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$/;

const name = (missing: string) => z.string(missing).trim().min(1, missing).max(100, 'Names must be 100 characters or fewer');
const optionalName = z
  .string()
  .trim()
  .max(100, 'Names must be 100 characters or fewer')
  .optional()
  .transform((v) => v || undefined);

/** "This is who I am (and, for a parent, which child)": the first step of linking a record to an account. */
export const ZIdentityStatement = z
  .object({
    relationship: z.enum(['self', 'parent'], 'Select whether the record is yours or your child’s'),
    childGivenName: name('Enter the first name on the record'),
    childFamilyName: name('Enter the last name on the record'),
    dateOfBirth: z
      .string('Enter the date of birth')
      .min(1, 'Enter the date of birth')
      .pipe(z.iso.date('Enter a real date of birth, like 27 3 2012'))
      .refine((v) => v <= new Date().toISOString().slice(0, 10), 'The date of birth must be in the past'),
    postcode: z
      .string('Enter the postcode')
      .trim()
      .toUpperCase()
      .transform((v) => v.replace(/\s+/g, ''))
      .refine((v) => v.length > 0, 'Enter the postcode')
      .refine((v) => v.length === 0 || FULL_POSTCODE.test(v), 'Enter a full postcode, like LS6 2AB')
      .transform((v) => `${v.slice(0, -3)} ${v.slice(-3)}`),
    parentGivenName: optionalName,
    parentFamilyName: optionalName,
  })
  .superRefine((v, ctx) => {
    if (v.relationship !== 'parent') return;
    if (!v.parentGivenName) ctx.addIssue({ code: 'custom', path: ['parentGivenName'], message: 'Enter your first name' });
    if (!v.parentFamilyName) ctx.addIssue({ code: 'custom', path: ['parentFamilyName'], message: 'Enter your last name' });
  });
export type TIdentityStatement = z.output<typeof ZIdentityStatement>;
