import { describe, expect, it } from 'vitest';
import { anniversary, latestBirthDate } from './retention-rules';

describe('birthdays for retention', () => {
  it('counts an anniversary to the day, and a 29 February birthday on 1 March in a common year', () => {
    expect(anniversary('2008-06-15', 18)).toBe('2026-06-15');
    expect(anniversary('2008-02-29', 18)).toBe('2026-03-01');
    expect(anniversary('2008-02-29', 16)).toBe('2024-02-29');
    expect(anniversary('2001-02-28', 25)).toBe('2026-02-28');
  });

  it('gives the latest date of birth of someone who has reached an age today', () => {
    expect(latestBirthDate('2026-06-15', 18)).toBe('2008-06-15');
    // 28 February 2026: born 29 February 2008 is still 17; born 28 February 2008 is 18.
    expect(latestBirthDate('2026-02-28', 18)).toBe('2008-02-28');
    expect(latestBirthDate('2026-03-01', 18)).toBe('2008-03-01');
    // In a leap year, 29 February exists on both sides.
    expect(latestBirthDate('2024-02-29', 16)).toBe('2008-02-29');
    // 29 February 2028, age 18: 2010 has no 29 February, so born 28 February 2010 is 18 and 1 March 2010 is not.
    expect(latestBirthDate('2028-02-29', 18)).toBe('2010-02-28');
  });

  it('agrees with the anniversary for every birthday of four years', () => {
    for (let day = new Date('2008-01-01T00:00:00Z'); day < new Date('2012-01-01T00:00:00Z'); day.setUTCDate(day.getUTCDate() + 1)) {
      const birth = day.toISOString().slice(0, 10);
      const eighteenth = anniversary(birth, 18);
      const dayBefore = new Date(`${eighteenth}T00:00:00Z`);
      dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
      expect(birth <= latestBirthDate(eighteenth, 18), `${birth} is 18 on ${eighteenth}`).toBe(true);
      expect(birth <= latestBirthDate(dayBefore.toISOString().slice(0, 10), 18), `${birth} is 17 the day before`).toBe(false);
    }
  });
});
