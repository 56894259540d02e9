import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from './age';

describe('ageOn', () => {
  it('turns a year older on the birthday itself, not the day before', () => {
    expect(ageOn('2014-06-15', '2026-06-14')).toBe(11);
    expect(ageOn('2014-06-15', '2026-06-15')).toBe(12);
    expect(ageOn('2014-06-15', '2026-06-16')).toBe(12);
    // An earlier month, a later month, the same month: each part of the comparison on its own.
    expect(ageOn('2014-06-15', '2026-05-30')).toBe(11);
    expect(ageOn('2014-06-15', '2026-07-01')).toBe(12);
    expect(ageOn('2008-12-31', '2026-12-30')).toBe(17);
    expect(ageOn('2008-12-31', '2026-12-31')).toBe(18);
    expect(ageOn('2009-01-01', '2026-12-31')).toBe(17);
  });

  it('makes someone born on 29 February a year older on 1 March in a year without one', () => {
    expect(ageOn('2012-02-29', '2023-02-28')).toBe(10);
    expect(ageOn('2012-02-29', '2023-03-01')).toBe(11);
    expect(ageOn('2012-02-29', '2024-02-28')).toBe(11);
    expect(ageOn('2012-02-29', '2024-02-29')).toBe(12);
  });

  it('agrees with counting birthdays one by one', () => {
    const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDate, isoDate, (born, today) => {
        fc.pre(born <= today);
        let birthdays = 0;
        for (let year = Number(born.slice(0, 4)) + 1; year <= Number(today.slice(0, 4)); year++) {
          // The birthday that year: 29 February falls on 1 March when the year has none.
          const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
          const day = born.slice(5) === '02-29' && !leap ? '03-01' : born.slice(5);
          if (`${year}-${day}` <= today) birthdays++;
        }
        expect(ageOn(born, today)).toBe(birthdays);
      }),
      { numRuns: 500 },
    );
  });
});
