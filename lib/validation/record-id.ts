import { z } from 'zod';

/**
 * The ids in addresses and hidden fields: a record's random id (any 8-4-4-4-12 hex form, as PostgreSQL's uuid
 * reads it) and an audit event's number (a positive whole number PostgreSQL's bigint and JavaScript both hold).
 * Anything else never reaches a query: PostgreSQL would refuse it with an error, not an empty answer.
 */
export const ZRecordId = z.guid('This link is not valid');
export const ZEventId = z.string().regex(/^[1-9][0-9]{0,15}$/).transform(Number);

/** The version of a record a form was shown (a hidden field): a whole number PostgreSQL's integer holds. */
export const recordVersion = (message: string) => z.coerce.number(message).int(message).min(1, message).max(2_147_483_647, message);
