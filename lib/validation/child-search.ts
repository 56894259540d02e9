import { z } from 'zod';
import { parseIndexNumber } from '@/lib/records/index-number-codec';

export const SEARCH_REASONS = [
  { value: 'working_with_child', label: 'I am working with this child' },
  { value: 'new_referral', label: 'A new referral or assessment' },
  { value: 'safeguarding_concern', label: 'A safeguarding concern' },
  { value: 'other', label: 'Another reason (say what)' },
] as const;

export const POSTCODE = /^[A-Z]{1,2}[0-9][0-9A-Z]?( ?[0-9][A-Z]{2})?$/;
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || undefined);

export const ZChildSearch = z
  .object({
    indexNumber: optionalText(20, 'Index number must be 20 characters or fewer'),
    familyName: optionalText(100, 'Family name must be 100 characters or fewer'),
    givenName: optionalText(100, 'Given name must be 100 characters or fewer'),
    dateOfBirth: z
      .union([z.literal(''), z.iso.date('Enter the date of birth as year, month and day, like 2015-03-04')])
      .optional()
      .transform((v) => v || undefined),
    postcode: z
      .string()
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
    gender: z.enum(['female', 'male', 'not_specified']).optional().or(z.literal('').transform(() => undefined)),
    reason: z.enum(SEARCH_REASONS.map((r) => r.value) as [string, ...string[]], 'Select why you are searching'),
    reasonDetail: optionalText(200, 'Reason must be 200 characters or fewer'),
  })
  .superRefine((v, ctx) => {
    if (v.indexNumber) {
      if (!parseIndexNumber(v.indexNumber)) ctx.addIssue({ code: 'custom', path: ['indexNumber'], message: 'Enter an index number of 11 letters and numbers, like 7Q2M X9KD 4TR' });
      return;
    }
    if (!v.familyName) ctx.addIssue({ code: 'custom', path: ['familyName'], message: 'Enter a family name, or search by index number' });
    else if (!v.dateOfBirth && !v.postcode) {
      ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Enter a date of birth or a postcode as well as the family name' });
    }
    if (v.reason === 'other' && !v.reasonDetail) ctx.addIssue({ code: 'custom', path: ['reasonDetail'], message: 'Say why you are searching' });
  });
export type TChildSearch = z.output<typeof ZChildSearch>;
