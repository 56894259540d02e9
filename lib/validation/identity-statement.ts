import { z } from 'zod';
import { isoDay } from './iso-day';
import { plainString } from './plain-text';
import { fullPostcode } from './full-postcode';


const name = (missing: string) => plainString(missing).min(1, missing).max(100, 'Names must be 100 characters or fewer');
const optionalName = plainString()
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
      .pipe(isoDay('Enter a real date of birth, like 27 3 2012'))
      .refine((v) => v <= new Date().toISOString().slice(0, 10), 'The date of birth must be in the past'),
    postcode: fullPostcode,
    parentGivenName: optionalName,
    parentFamilyName: optionalName,
  })
  .superRefine((v, ctx) => {
    if (v.relationship !== 'parent') return;
    if (!v.parentGivenName) ctx.addIssue({ code: 'custom', path: ['parentGivenName'], message: 'Enter your first name' });
    if (!v.parentFamilyName) ctx.addIssue({ code: 'custom', path: ['parentFamilyName'], message: 'Enter your last name' });
  });
export type TIdentityStatement = z.output<typeof ZIdentityStatement>;
