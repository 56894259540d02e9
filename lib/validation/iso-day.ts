import { z } from 'zod';

/** The earliest day any date here can be: no child, start or check is older, and PostgreSQL has no year 0. */
export const EARLIEST_DAY = '1900-01-01';

/** A real calendar day as YYYY-MM-DD, from 1900 on; `message` says what to type for anything else. */
export const isoDay = (message: string) => z.iso.date(message).refine((v) => v >= EARLIEST_DAY, message);
