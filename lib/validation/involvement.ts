import { z } from 'zod';
import { isoDay } from './iso-day';
import { plainString } from './plain-text';
import { todayInLondon } from '@/lib/kernel/dates';

const UK_PHONE = /^(\+44\s?|0)[0-9\s]{9,13}$/;

const optionalText = (max: number, message: string) =>
  plainString()
    .max(max, message)
    .optional()
    .transform((v) => v || undefined);

const phone = optionalText(20, 'Phone number must be 20 characters or fewer').refine(
  (v) => v === undefined || UK_PHONE.test(v),
  'Enter a UK phone number, like 0113 496 0000',
);
const email = optionalText(254, 'Email address must be 254 characters or fewer').refine(
  (v) => v === undefined || z.email().safeParse(v).success,
  'Enter an email address in the correct format, like name@example.gov.uk',
);

/** A date that has happened: involvement is recorded as it starts, not planned. */
const pastDate = (missing: string) =>
  z
    .string(missing)
    .min(1, missing)
    .pipe(isoDay('Enter a real date, like 27 3 2026'))
    .refine((v) => v <= todayInLondon(), 'The date must be today or in the past');

export const CONSENT_BASES = [
  { value: 'consent', label: 'The young person (or their parent) has consented' },
  { value: 'significant_harm', label: 'Significant harm is suspected' },
] as const;

/**
 * "I am involved with this child." A sensitive service also needs its basis (consent, or suspected significant
 * harm): the page passes the codes of the sensitive services so that the rule is part of the schema.
 */
export const involvementSchema = (sensitiveServiceCodes: readonly string[]) =>
  z
    .object({
      serviceCode: plainString('Select the service you work for').min(1, 'Select the service you work for').max(50, 'Select the service you work for'),
      role: plainString('Enter your role with the child').min(2, 'Enter your role with the child, like Class teacher').max(100, 'Role must be 100 characters or fewer'),
      phone,
      email,
      startedOn: pastDate('Enter the date you started working with the child'),
      consentBasis: z
        .union([z.enum(['consent', 'significant_harm']), z.literal('').transform(() => undefined)], 'Select whether you have consent or suspect significant harm')
        .optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give a phone number or an email address, so that others can reach you' });
      if (sensitiveServiceCodes.includes(v.serviceCode) && !v.consentBasis) {
        ctx.addIssue({ code: 'custom', path: ['consentBasis'], message: 'Select whether you have consent or suspect significant harm' });
      }
    });
export type TInvolvement = z.output<ReturnType<typeof involvementSchema>>;

export const INDICATION_KINDS = [
  { value: 'caf_assessment', label: 'An early help assessment (Common Assessment Framework) has been done' },
  { value: 'lead_professional', label: 'A lead professional has been agreed' },
] as const;

/** An indication of action: a flag and a contact, never the content of the assessment. */
export const ZIndication = z.object({
  kind: z.enum(['caf_assessment', 'lead_professional'], 'Select what you are recording'),
  contactName: plainString('Enter the name of the person to contact').min(2, 'Enter the name of the person to contact').max(100, 'Name must be 100 characters or fewer'),
  contactPhone: phone,
  contactEmail: email,
  recordedOn: pastDate('Enter the date it was done or agreed'),
}).superRefine((v, ctx) => {
  if (!v.contactPhone && !v.contactEmail) ctx.addIssue({ code: 'custom', path: ['contactPhone'], message: 'Give a phone number or an email address for the contact' });
});
export type TIndication = z.output<typeof ZIndication>;
