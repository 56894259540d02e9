import { z } from 'zod';

/** The earliest day any date here can be: no child, start or check is older, and PostgreSQL has no year 0. */
export const EARLIEST_DAY = '1900-01-01';

/** A real calendar day as YYYY-MM-DD, from 1900 on; `message` says what to type for anything else. */
export const isoDay = (message: string) => z.iso.date(message).refine((v) => v >= EARLIEST_DAY, message);

/** Whether `v` is a real calendar day written YYYY-MM-DD ("2019-13-05" and "2019-02-30" are not). */
export function isRealIsoDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const day = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === v;
}
