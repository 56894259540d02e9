import { describe, expect, it } from 'vitest';
import { encodeIndexNumber, formatIndexNumber, parseIndexNumber, randomIndexNumber } from './index-number';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('index numbers', () => {
  it('encodes a number as ten symbols and a check symbol, and reads it back', () => {
    const stored = encodeIndexNumber(123_456_789_012);
    expect(stored).toMatch(/^[0-9A-HJKMNP-TV-Z]{11}$/);
    expect(parseIndexNumber(stored)).toBe(stored);
  });

  it('reads what people type: any case, spaces, hyphens, and I, L and O for 1, 1 and 0', () => {
    const stored = encodeIndexNumber(2 ** 50 - 1);
    expect(parseIndexNumber(formatIndexNumber(stored).toLowerCase())).toBe(stored);
    expect(parseIndexNumber(stored.slice(0, 4) + '-' + stored.slice(4))).toBe(stored);
    const withZeroAndOne = encodeIndexNumber(32 * 32 + 1); // ends …0011 before the check symbol
    expect(parseIndexNumber(withZeroAndOne.replace(/^0/, 'o').replace(/1/, 'l'))).toBe(withZeroAndOne);
  });

  it('rejects every single mistyped symbol', () => {
    const stored = encodeIndexNumber(987_654_321_098);
    for (let position = 0; position < stored.length; position++) {
      for (const symbol of ALPHABET) {
        if (symbol === stored[position]) continue;
        const typo = stored.slice(0, position) + symbol + stored.slice(position + 1);
        expect(parseIndexNumber(typo), typo).toBeNull();
      }
    }
  });

  it('rejects most swapped neighbours', () => {
    let caught = 0;
    let swaps = 0;
    for (let n = 0; n < 200; n++) {
      const stored = randomIndexNumber();
      for (let i = 0; i < stored.length - 1; i++) {
        if (stored[i] === stored[i + 1]) continue;
        swaps += 1;
        const swapped = stored.slice(0, i) + stored[i + 1] + stored[i] + stored.slice(i + 2);
        if (parseIndexNumber(swapped) === null) caught += 1;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.95);
  });

  it('rejects the wrong length and symbols outside the alphabet', () => {
    expect(parseIndexNumber('')).toBeNull();
    expect(parseIndexNumber('ABC')).toBeNull();
    expect(parseIndexNumber(encodeIndexNumber(5) + '0')).toBeNull();
    expect(parseIndexNumber('UUUUUUUUUUU')).toBeNull();
    expect(parseIndexNumber('12345*78901')).toBeNull();
  });

  it('refuses to encode numbers outside 50 bits', () => {
    expect(() => encodeIndexNumber(-1)).toThrow(RangeError);
    expect(() => encodeIndexNumber(2 ** 50)).toThrow(RangeError);
    expect(() => encodeIndexNumber(1.5)).toThrow(RangeError);
  });

  it('draws random numbers that are valid and different', () => {
    const drawn = new Set(Array.from({ length: 1_000 }, randomIndexNumber));
    expect(drawn.size).toBe(1_000);
    for (const n of drawn) expect(parseIndexNumber(n)).toBe(n);
  });
});
