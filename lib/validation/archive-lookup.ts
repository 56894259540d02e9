import { z } from 'zod';
import { plainString } from './plain-text';
import { parseIndexNumber } from '@/lib/kernel/index-number-codec';
import { otherReasonSaid, statedReasonFields } from './viewing-purpose';

/** Why the index team opens an archived record: each lookup is kept with its reason. */
export const ARCHIVE_REASONS = [
  { value: 'subject_access_request', label: 'A subject access request' },
  { value: 'returning_young_person', label: 'A young person back in touch with services' },
  { value: 'court_or_police_request', label: 'A request from a court or the police' },
  { value: 'other', label: 'Another reason (say what)' },
] as const;

/** Finding an archived record: by its index number only (a lookup, never a search by name), with a reason. */
export const ZArchiveLookup = z
  .object({
    indexNumber: plainString('Enter the index number')
      .min(1, 'Enter the index number')
      .transform((v, ctx) => parseIndexNumber(v) ?? (ctx.addIssue({ code: 'custom', message: 'Enter an index number of 11 letters and numbers, like 7Q2M X9KD 4TR' }), z.NEVER)),
    ...statedReasonFields(ARCHIVE_REASONS),
  })
  .refine(...otherReasonSaid);
export type TArchiveLookupInput = z.input<typeof ZArchiveLookup>;
export type TArchiveLookup = z.output<typeof ZArchiveLookup>;
