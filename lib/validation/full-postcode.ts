import { z } from 'zod';

/** A full postcode with its space taken out: outward code (LS6, SW1A) and inward code (2AB). */
const FULL_POSTCODE = /^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$/;

/** A full UK postcode as typed (any case, any spacing), given back in its usual form: "ls62ab" becomes "LS6 2AB". */
export const fullPostcode = z
  .string('Enter the postcode')
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/\s+/g, ''))
  .refine((v) => v.length > 0, 'Enter the postcode')
  .refine((v) => v.length === 0 || FULL_POSTCODE.test(v), 'Enter a full postcode, like LS6 2AB')
  .transform((v) => `${v.slice(0, -3)} ${v.slice(-3)}`);
