import { z } from 'zod';
import type { LoadCarer } from '@/db/schema/loads';
import { fullPostcode } from './full-postcode';
import { isRealIsoDay as isRealDate } from './iso-day';
import { isPlainText } from './plain-text';

const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());

// A control character (NUL above all: PostgreSQL cannot store it, and COPY fails on it) is a reject of its own.
const text = (max: number, label: string) =>
  z.string().refine(isPlainText, `${label} holds a control character, which is not allowed`).trim().max(max, `${label} is longer than ${max} characters`);
const optionalText = (max: number, label: string) => text(max, label).transform(blankToNull);
const requiredText = (max: number, label: string) => text(max, label).min(1, `${label} is missing`);
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || isRealDate(v), `${label} is not a real date in the form YYYY-MM-DD`)
    .transform(blankToNull);
const optionalPostcode = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const parsed = fullPostcode.safeParse(v);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'The postcode is not a possible UK postcode' });
    return z.NEVER;
  });

const GENDERS = { F: 'female', M: 'male', U: 'not_specified' } as const;
const RELATIONSHIPS = ['mother', 'father', 'carer', 'foster_carer', 'other'] as const;

const carerFields = (n: 1 | 2) => ({
  [`carer${n}_given_names`]: optionalText(100, `Carer ${n}'s given names`),
  [`carer${n}_family_name`]: optionalText(100, `Carer ${n}'s family name`),
  // A union reports its own message when no member matches (zod's default is "Invalid input"): the report needs ours.
  [`carer${n}_relationship`]: z.enum(['', ...RELATIONSHIPS], `Carer ${n}'s relationship must be one of ${RELATIONSHIPS.join(', ')}`),
  [`carer${n}_parental_responsibility`]: z.enum(['', 'Y', 'N'], `Carer ${n}'s parental responsibility must be Y or N`),
  [`carer${n}_phone`]: optionalText(40, `Carer ${n}'s phone`),
  [`carer${n}_email`]: z.union([z.literal('').transform(() => null), z.email()], `Carer ${n}'s email is not an email address`),
});

/**
 * One row of a load file (docs/load-format.md), for a load of `sourceCode` confirmed on `asOf`. Every field's
 * message says what is wrong with it in plain words: the messages are the reject report.
 */
export function loadRowSchema({ sourceCode, asOf }: { sourceCode: string; asOf: string }) {
  const earliestBirth = `${Number(asOf.slice(0, 4)) - 26}${asOf.slice(4)}`;
  return z
    .object({
      source_system: z.string().trim().refine((v) => v === sourceCode, `The row is for another source system than this load's (${sourceCode})`),
      source_person_id: requiredText(64, "The source's person id"),
      given_names: requiredText(100, 'The given names'),
      family_name: requiredText(100, 'The family name'),
      former_names: optionalText(500, 'The former names').refine(
        (v) => v === null || v.split(';').every((name) => /^[^|]+\|[^|]+$/.test(name.trim())),
        'Former names must be "Given names|Family name" pairs separated by ";"',
      ),
      gender: z.enum(['F', 'M', 'U'], 'The gender must be F, M or U').transform((v) => GENDERS[v]),
      date_of_birth: z
        .string()
        .trim()
        .refine((v) => v !== '', 'The date of birth is missing')
        .refine((v) => v === '' || isRealDate(v), 'The date of birth is not a real date in the form YYYY-MM-DD')
        .refine((v) => !isRealDate(v) || v <= asOf, 'The date of birth is after the date of the load')
        .refine((v) => !isRealDate(v) || v >= earliestBirth, 'The date of birth is too long ago for a child on the index'),
      date_of_death: optionalDate('The date of death').refine((v) => v === null || v <= asOf, 'The date of death is after the date of the load'),
      address_line1: optionalText(200, 'The first address line'),
      address_line2: optionalText(200, 'The second address line'),
      town: optionalText(100, 'The town'),
      postcode: optionalPostcode,
      ...carerFields(1),
      ...carerFields(2),
      school_urn: optionalText(20, 'The school URN'),
      gp_practice_code: optionalText(20, 'The GP practice code'),
      service_code: optionalText(40, 'The service code'),
      service_started_on: optionalDate('The service start date'),
      service_practitioner: optionalText(200, "The service practitioner's name"),
      service_phone: optionalText(40, "The service's phone"),
    })
    .superRefine((row, ctx) => {
      const fields = row as unknown as Record<string, string | null>;
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (row.postcode && (!row.address_line1 || !row.town)) issue('address_line1', 'An address with a postcode needs its first line and town');
      if (!row.postcode && row.address_line1) issue('postcode', 'The address has no postcode');
      if (row.date_of_death && row.date_of_death < row.date_of_birth) issue('date_of_death', 'The date of death is before the date of birth');
      if (row.service_code && !row.service_started_on) issue('service_started_on', 'A service needs the date it started');
      for (const n of [1, 2] as const) {
        const [given, family, relationship, responsibility] = ['given_names', 'family_name', 'relationship', 'parental_responsibility'].map((f) => fields[`carer${n}_${f}`]);
        const anyGiven = [given, family, relationship, fields[`carer${n}_phone`], fields[`carer${n}_email`]].some(Boolean);
        if (anyGiven && (!given || !family || !relationship || !responsibility)) {
          issue(`carer${n}_given_names`, `Carer ${n} needs given names, family name, relationship and parental responsibility`);
        }
      }
    })
    .transform((row) => {
      const fields = row as unknown as Record<string, string | null>;
      return {
      sourcePersonId: row.source_person_id,
      givenNames: row.given_names,
      familyName: row.family_name,
      formerNames: row.former_names,
      gender: row.gender,
      dateOfBirth: row.date_of_birth,
      dateOfDeath: row.date_of_death,
      addressLine1: row.address_line1,
      addressLine2: row.address_line2,
      town: row.town,
      postcode: row.postcode,
      carers: ([1, 2] as const).flatMap((n): LoadCarer[] => {
        const field = (name: string) => fields[`carer${n}_${name}`] ?? null;
        const givenNames = field('given_names');
        if (!givenNames) return [];
        return [
          {
            givenNames,
            familyName: field('family_name')!,
            relationship: field('relationship') as LoadCarer['relationship'],
            hasParentalResponsibility: field('parental_responsibility') === 'Y',
            phone: field('phone'),
            email: field('email'),
          },
        ];
      }),
      schoolUrn: row.school_urn,
      gpPracticeCode: row.gp_practice_code,
      serviceCode: row.service_code,
      serviceStartedOn: row.service_started_on,
      servicePractitioner: row.service_practitioner,
      servicePhone: row.service_phone,
      };
    });
}

export type TLoadRow = z.output<ReturnType<typeof loadRowSchema>>;
