import { z } from 'zod';
import { parseIndexNumber } from '@/lib/kernel/index-number-codec';
import { isoDay } from './iso-day';
import { plainString } from './plain-text';

export const SEARCH_REASONS = [
  { value: 'working_with_child', label: 'I am working with this child' },
  { value: 'new_referral', label: 'A new referral or assessment' },
  { value: 'safeguarding_concern', label: 'A safeguarding concern' },
  { value: 'other', label: 'Another reason (say what)' },
] as const;

export const POSTCODE = /^[A-Z]{1,2}[0-9][0-9A-Z]?( ?[0-9][A-Z]{2})?$/;
const optionalText = (label: string, max: number) =>
  plainString(`${label} must be text`)
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v || undefined);
/** The text of a field, trimmed, or '' when absent (or not text, in a value that failed to parse). */
const given = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const DATE_OF_BIRTH = 'Enter the date of birth as year, month and day, like 2015-03-04';

export const ZChildSearch = z
  .object({
    indexNumber: optionalText('Index number', 20),
    familyName: optionalText('Family name', 100),
    givenName: optionalText('Given name', 100),
    dateOfBirth: z
      .union([z.literal(''), isoDay(DATE_OF_BIRTH)], DATE_OF_BIRTH)
      .optional()
      .transform((v) => v || undefined),
    postcode: z
      .string('Enter a real postcode or postcode district, like LS6 2AB or LS6')
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || POSTCODE.test(v), 'Enter a real postcode or postcode district, like LS6 2AB or LS6')
      // One form however typed: "ls62ab" and "LS6  2AB" are both "LS6 2AB".
      .transform((v) => {
        const compact = v?.replace(/\s+/g, '');
        return compact && compact.length > 4 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
      }),
    gender: z
      .union([z.enum(['female', 'male', 'not_specified']), z.literal('').transform(() => undefined)], 'Gender must be female, male or not_specified')
      .optional(),
    // A system client's own id for the person and which of its sources gave it: corroborates a confident answer.
    sourcePersonId: optionalText('Source person id', 64),
    sourceSystem: optionalText('Source system code', 64),
    reason: z.enum(SEARCH_REASONS.map((r) => r.value) as [string, ...string[]], 'Select why you are searching'),
    reasonDetail: optionalText('Reason', 200),
  })
  // Every check runs even when another field failed (`when`), so that the form reports all its problems at once; the
  // value may then be partly unparsed, so the checks look only at whether text is there.
  .superRefine(
    (v, ctx) => {
      if (given(v.reason) === 'other' && !given(v.reasonDetail)) ctx.addIssue({ code: 'custom', path: ['reasonDetail'], message: 'Say why you are searching' });
      const indexNumber = given(v.indexNumber);
      if (indexNumber) {
        if (!parseIndexNumber(indexNumber)) ctx.addIssue({ code: 'custom', path: ['indexNumber'], message: 'Enter an index number of 11 letters and numbers, like 7Q2M X9KD 4TR' });
        return;
      }
      if (!given(v.familyName)) ctx.addIssue({ code: 'custom', path: ['familyName'], message: 'Enter a family name, or search by index number' });
      else if (!given(v.dateOfBirth) && !given(v.postcode)) {
        ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Enter a date of birth or a postcode as well as the family name' });
      }
    },
    { when: () => true },
  );
export type TChildSearch = z.output<typeof ZChildSearch>;
