import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_PIN } from '@/lib/reference/demo-credentials';
import { pinProblem } from './pin-policy';

const pinLength = fc.integer({ min: 6, max: 8 });
const digit = fc.integer({ min: 0, max: 9 });

/** 123456, 7654321, 13579135, 890123: each digit the last plus a fixed step, round from 9 to 0. */
const steadyRuns = fc
  .tuple(digit, digit, pinLength)
  .map(([start, step, length]) => Array.from({ length }, (_, i) => (start + i * step) % 10).join(''));

/** 111111, 12121212, 385385: a block said over and over. */
const repeats = fc
  .constantFrom([1, 6], [1, 7], [1, 8], [2, 3], [2, 4], [3, 2], [4, 2])
  .chain(([blockLength, times]) => fc.array(digit, { minLength: blockLength!, maxLength: blockLength! }).map((block) => block.join('').repeat(times!)));

/**
 * Counting: 2 4 6 8 10, 10 20 30, 100 99 98. Three or more terms, each at most a digit longer or shorter than the
 * last, that make a PIN of 6 to 8 digits.
 */
const counting = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: -99, max: 99 }), fc.integer({ min: 3, max: 8 }))
  .map(([first, step, terms]) => Array.from({ length: terms }, (_, i) => first + i * step))
  .filter((numbers) => numbers.every((n, i) => n >= 0 && (i === 0 || Math.abs(String(n).length - String(numbers[i - 1]).length) <= 1)))
  .map((numbers) => numbers.join(''))
  .filter((pin) => pin.length >= 6 && pin.length <= 8);

/** A day from 1900 to 2099 written as people write dates. */
const dates = fc
  .tuple(
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom('DDMMYY', 'MMDDYY', 'YYMMDD', 'DDMMYYYY', 'MMDDYYYY', 'YYYYMMDD', 'DMMYYYY', 'MMYYYY', 'YYYYMM'),
  )
  .map(([date, format]) => {
    const [year, month, day] = date.toISOString().slice(0, 10).split('-') as [string, string, string];
    return format
      .replace('YYYY', year)
      .replace('YY', year.slice(2))
      .replace('MM', month)
      .replace('DD', day)
      .replace('D', String(Number(day)));
  })
  .filter((pin) => pin.length >= 6);

describe('PIN policy', () => {
  it('refuses sequences, whatever digit they start at and however far they step', () => {
    fc.assert(fc.property(fc.oneof(steadyRuns, counting), (pin) => pinProblem(pin) !== null));
    expect(pinProblem('123456')).toMatch(/sequence/);
    expect(pinProblem('98765432')).toMatch(/sequence/);
    expect(pinProblem('102030')).toMatch(/sequence/);
  });

  it('refuses one digit or pattern repeated', () => {
    fc.assert(fc.property(repeats, (pin) => pinProblem(pin) !== null));
    expect(pinProblem('000000')).toMatch(/repeated/);
    expect(pinProblem('38503850')).toMatch(/repeated/);
  });

  it('refuses dates, in any order people write them', () => {
    fc.assert(fc.property(dates, (pin) => pinProblem(pin) !== null));
    expect(pinProblem('25121990')).toMatch(/date/);
    expect(pinProblem('19900425')).toMatch(/date/);
  });

  it('refuses the most common PINs and the one printed in the demo’s instructions', () => {
    expect(pinProblem('123321')).toMatch(/most commonly chosen/);
    expect(pinProblem('159753')).toMatch(/most commonly chosen/);
    expect(pinProblem(DEMO_PIN)).toMatch(/demonstration/);
  });

  it('accepts a PIN with none of those patterns', () => {
    for (const pin of ['482915', '739164', '5820174', '27154839']) expect(pinProblem(pin), pin).toBeNull();
  });
});
