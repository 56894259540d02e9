import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayAndMonthSwapped, oneDigitWrong, plainLetters, soundAlikeSpelling, typingSlip } from './practitioner-slips';

// The evaluation's error model must make real slips: a different name that keeps its first letter, a real date.
const rngFrom = (seed: number) => {
  let state = seed >>> 0 || 1;
  const next = () => ((state = (state * 1664525 + 1013904223) >>> 0), state / 2 ** 32);
  return { int: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
};
const name = fc.stringMatching(/^[A-Z][a-z]{3,11}$/);

describe('the practitioner slips of the search evaluation', () => {
  it('a typing slip changes one letter at most, never the first', () => {
    fc.assert(
      fc.property(name, fc.nat(), (n, seed) => {
        const slipped = typingSlip(n, rngFrom(seed));
        expect(slipped[0]).toBe(n[0]);
        expect(Math.abs(slipped.length - n.length)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a spelling by sound is another spelling, or none', () => {
    fc.assert(
      fc.property(name, fc.nat(), (n, seed) => {
        const respelt = soundAlikeSpelling(n, rngFrom(seed));
        if (respelt !== null) expect(respelt).not.toBe(n);
      }),
    );
    expect(soundAlikeSpelling('Philips', rngFrom(1))).not.toBeNull();
  });

  it('swaps day and month only into another real date', () => {
    expect(dayAndMonthSwapped('2015-03-04')).toBe('2015-04-03');
    expect(dayAndMonthSwapped('2015-03-18')).toBeNull();
    expect(dayAndMonthSwapped('2015-05-05')).toBeNull();
  });

  it('gets one digit of a date wrong, into a real date no later than the day given', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2008-01-01'), max: new Date('2026-12-01'), noInvalidDate: true }), fc.nat(), (d, seed) => {
        const iso = d.toISOString().slice(0, 10);
        const wrong = oneDigitWrong(iso, rngFrom(seed), '2026-12-08');
        if (wrong === null) return;
        expect([...wrong].filter((c, i) => c !== iso[i])).toHaveLength(1);
        expect(new Date(`${wrong}T00:00:00Z`).toISOString().slice(0, 10)).toBe(wrong);
        expect(wrong <= '2026-12-08').toBe(true);
      }),
    );
  });

  it('writes a name in plain letters, or says it already is', () => {
    expect(plainLetters('Ó Súilleabháin')).toBe('O Suilleabhain');
    expect(plainLetters("O'Neill-Smith")).toBe('ONeill Smith');
    expect(plainLetters('Smith')).toBeNull();
  });
});
