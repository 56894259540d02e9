import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L or U: easy to read out over the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short reference a requester can quote, e.g. "CR-7QHM-X9KD". Unique by a database constraint. */
export function newReference(prefix: 'CR' | 'SO' | 'AL'): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${prefix}-${part()}-${part()}`;
}
