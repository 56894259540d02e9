// Pure encoding and checking of index numbers: safe in the browser as well as on the server.
/**
 * The child's index number: 10 symbols of Crockford's base 32 (50 random bits, so that a guess almost never
 * names a real child) and a check symbol computed with the Luhn mod N algorithm, which catches every single
 * mistyped symbol and most swapped neighbours. Stored as 11 upper-case symbols; shown as "ABCD EFGH JKM".
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
const DATA_LENGTH = 10;
export const INDEX_NUMBER_BITS = 50;

function checkSymbol(data: string): string {
  let sum = 0;
  // Luhn mod N: double every second code point, counting from the rightmost data symbol.
  for (let i = data.length - 1, double = true; i >= 0; i--, double = !double) {
    let value = ALPHABET.indexOf(data[i]!);
    if (double) {
      value *= 2;
      value = Math.floor(value / BASE) + (value % BASE);
    }
    sum += value;
  }
  return ALPHABET[(BASE - (sum % BASE)) % BASE]!;
}

/** Encodes a whole number below 2^50 as an index number. */
export function encodeIndexNumber(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 2 ** INDEX_NUMBER_BITS) {
    throw new RangeError('An index number encodes a whole number below 2^50');
  }
  let data = '';
  for (let rest = value, i = 0; i < DATA_LENGTH; i++, rest = Math.floor(rest / BASE)) {
    data = ALPHABET[rest % BASE] + data;
  }
  return data + checkSymbol(data);
}

/**
 * Reads an index number as a person might type it: any case, spaces or hyphens, and the letters Crockford's
 * alphabet leaves out read as the digits they look like. Returns the stored form, or null when it is not a valid
 * index number (wrong length, a symbol that cannot be read, or a check symbol that does not match).
 */
export function parseIndexNumber(input: string): string | null {
  const normalised = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (normalised.length !== DATA_LENGTH + 1) return null;
  if ([...normalised].some((c) => !ALPHABET.includes(c))) return null;
  const data = normalised.slice(0, DATA_LENGTH);
  return checkSymbol(data) === normalised[DATA_LENGTH] ? normalised : null;
}

export function formatIndexNumber(stored: string): string {
  return `${stored.slice(0, 4)} ${stored.slice(4, 8)} ${stored.slice(8)}`;
}
