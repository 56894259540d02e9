import { z } from 'zod';
import { EARLIEST_DAY, isoDay } from './iso-day';
import { AUDIT_ACTION_CODES } from '@/lib/kernel/audit-actions';
import { parseIndexNumber } from '@/lib/kernel/index-number-codec';
import { foldDateParts } from './date-parts';
import { ZCreateStaffUser } from './staff-user';

/** A place in the list: the moment (to the microsecond, as PostgreSQL keeps it) and the id of an event. */
export const AUDIT_CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_\d{1,18}$/;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const day = (message: string) => optional(isoDay(message));
const PAGE_AGAIN = 'Go back to the first page and page through again';
// The pattern alone lets "2026-13-45T99:…" through, which PostgreSQL refuses to read as a moment.
const cursor = optional(
  z
    .string()
    .regex(AUDIT_CURSOR, PAGE_AGAIN)
    .refine((v) => v >= EARLIEST_DAY && z.iso.datetime({ precision: 6 }).safeParse(v.split('_')[0]).success, PAGE_AGAIN),
);

/**
 * The audit explorer's filter, shared by its page and its CSV download. It travels in the address, so it holds
 * only identifiers — an index number, a user name, an organisation id, an action code, dates — never a name.
 */
export const ZAuditFilter = z
  .object({
    indexNumber: optional(
      z
        .string()
        .transform((v) => parseIndexNumber(v) ?? '')
        .pipe(z.string().min(1, 'Enter an index number of 11 letters and numbers, like 7Q2M X9KD 4TR')),
    ),
    username: optional(ZCreateStaffUser.shape.username),
    organisationId: optional(z.uuid('Choose an organisation from the list')),
    action: optional(z.enum(AUDIT_ACTION_CODES, 'Choose an action from the list')),
    from: day('The start date must be a real date, like 27 3 2026'),
    to: day('The end date must be a real date, like 27 3 2026'),
    before: cursor,
    after: cursor,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'The end date must be the same as or after the start date' });
export type TAuditFilter = z.output<typeof ZAuditFilter>;

/** The filter as the address carries it: the page's day, month and year fields folded into whole dates. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>) {
  const single = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return ZAuditFilter.safeParse(foldDateParts(foldDateParts(single, 'from'), 'to'));
}

/** The query string of a filter (whole dates, no page), with `extra` (a page, or a narrower filter) on top. */
export function auditFilterQuery(filter: TAuditFilter, extra: Partial<TAuditFilter> = {}): string {
  const entries = Object.entries({ ...filter, before: undefined, after: undefined, ...extra }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return new URLSearchParams(entries).toString();
}
