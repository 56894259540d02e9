import { z } from 'zod';
import { isoDay } from './iso-day';
import { plainString } from './plain-text';
import { fullPostcode } from './full-postcode';

const text = (missing: string, max = 100) => plainString(missing).min(1, missing).max(max, `Must be ${max} characters or fewer`);
const phoneNumber = (v: string | null) => v === null || /^[0-9 +()-]{7,30}$/.test(v);
const PHONE_MESSAGE = 'Enter a phone number, like 0113 496 0000';
const emailAddress = (v: string | null) => v === null || z.email().safeParse(v).success;
const EMAIL_MESSAGE = 'Enter an email address, like name@example.com';
const optionalText = (max: number) =>
  plainString()
    .max(max, `Must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v || null);

/**
 * What a caseworker applies, one schema per item that can be changed here, keyed by `<item kind>:<field>` as the
 * request records it. The same schema checks the form and the value stored for a second caseworker to approve.
 */
export const CHANGE_SCHEMAS = {
  'child:name': z.object({ givenNames: text('Enter the given names'), familyName: text('Enter the family name') }),
  'child:dateOfBirth': z.object({
    dateOfBirth: z
      .string('Enter the date of birth')
      .min(1, 'Enter the date of birth')
      .pipe(isoDay('Enter a real date of birth, like 27 3 2012'))
      .refine((v) => v <= new Date().toISOString().slice(0, 10), 'The date of birth must be in the past'),
  }),
  'child:gender': z.object({ gender: z.enum(['female', 'male', 'not_specified'], 'Select the gender') }),
  'address:address': z.object({
    line1: text('Enter the first line of the address'),
    line2: optionalText(100),
    town: text('Enter the town or city'),
    postcode: fullPostcode,
  }),
  'carer:details': z
    .object({
      phone: optionalText(30).refine(phoneNumber, PHONE_MESSAGE),
      email: optionalText(200).refine(emailAddress, EMAIL_MESSAGE),
    })
    .refine((v) => v.phone !== null || v.email !== null, { message: 'Enter a phone number or an email address', path: ['phone'] }),
  // A parent's name, phone and email are each an item of their own to a citizen, so each is decided on its own.
  'carer:name': z.object({ givenNames: text('Enter the given names'), familyName: text('Enter the family name') }),
  'carer:phone': z.object({ phone: text('Enter the phone number', 30).refine(phoneNumber, PHONE_MESSAGE) }),
  'carer:email': z.object({ email: text('Enter the email address', 200).refine(emailAddress, EMAIL_MESSAGE) }),
} as const;

export type ChangeKey = keyof typeof CHANGE_SCHEMAS;
export type CorrectionChange = { [K in ChangeKey]: { key: K; value: z.output<(typeof CHANGE_SCHEMAS)[K]> } }[ChangeKey];

export function changeKeyOf(itemKind: string, field: string): ChangeKey | null {
  const key = `${itemKind}:${field}`;
  return key in CHANGE_SCHEMAS ? (key as ChangeKey) : null;
}
