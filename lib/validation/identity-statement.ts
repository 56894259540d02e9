import { z } from 'zod';
import { isoDay } from './iso-day';
import { plainString } from './plain-text';
import { fullPostcode } from './full-postcode';

const name = (missing: string) => plainString(missing).min(1, missing).max(100, 'Names must be 100 characters or fewer');
const optionalName = plainString()
  .max(100, 'Names must be 100 characters or fewer')
  .optional()
  .transform((v) => v || undefined);

const statement = z.object({
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
});

/** "This is who I am (and, for a parent, which child)": the first step of linking a record to an account. */
export const ZIdentityStatement = statement.superRefine((v, ctx) => {
  if (v.relationship !== 'parent') return;
  if (!v.parentGivenName) ctx.addIssue({ code: 'custom', path: ['parentGivenName'], message: 'Enter your first name' });
  if (!v.parentFamilyName) ctx.addIssue({ code: 'custom', path: ['parentFamilyName'], message: 'Enter your last name' });
});
export type TIdentityStatement = z.output<typeof ZIdentityStatement>;

/**
 * The statement is asked one thing a page (GOV.UK's "one thing per page"), whose record first; each page checks its
 * own part with the same rules and messages as the whole, which is checked again before anything is sent.
 */
export const IDENTITY_QUESTIONS = {
  relationship: statement.pick({ relationship: true }),
  parent: z.object({ parentGivenName: name('Enter your first name'), parentFamilyName: name('Enter your last name') }),
  child: statement.pick({ childGivenName: true, childFamilyName: true }),
  dateOfBirth: statement.pick({ dateOfBirth: true }),
  postcode: statement.pick({ postcode: true }),
} as const;
export type IdentityQuestion = keyof typeof IDENTITY_QUESTIONS;
export const IDENTITY_QUESTION_ORDER: readonly IdentityQuestion[] = ['relationship', 'parent', 'child', 'dateOfBirth', 'postcode'];

/** The first question still to answer (or answered wrongly), in order; none once the statement is whole. */
export function nextIdentityQuestion(fields: Record<string, unknown>): IdentityQuestion | null {
  for (const question of IDENTITY_QUESTION_ORDER) {
    if (question === 'parent' && fields.relationship !== 'parent') continue;
    if (!IDENTITY_QUESTIONS[question].safeParse(fields).success) return question;
  }
  return null;
}
