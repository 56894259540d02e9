import 'server-only';
import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L or U: read from a letter and typed by a 12-year-old without guessing which is which.
export const ACTIVATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 30^10 (about 6 × 10^14) codes against three tries each. */
export const ACTIVATION_CODE_LENGTH = 10;

/** A one-time code from the operating system's random source (crypto.randomInt has no modulo bias). */
export function newActivationCode(): string {
  return Array.from({ length: ACTIVATION_CODE_LENGTH }, () => ACTIVATION_CODE_ALPHABET[randomInt(ACTIVATION_CODE_ALPHABET.length)]).join('');
}
