/** How long a record stays, from DOMAIN.md: the live index until 18 (25 for those who chose to stay), one year after a death, then six years in the archive. */
export const RETENTION = { leaveAtAge: 18, stayOnUntilAge: 25, yearsAfterDeath: 1, yearsInArchive: 6 } as const;

/**
 * The same date a number of years on, as English law counts birthdays: someone born on 29 February reaches an age
 * on 1 March in a year without one. (PostgreSQL's `date + interval` would give 28 February.)
 */
export function anniversary(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d)); // 29 February of a common year rolls over to 1 March
  return date.toISOString().slice(0, 10);
}

/**
 * The earliest date of birth that has not yet reached an age today: someone born after it is younger. Comparing
 * `date_of_birth <= latestBirthDate(today, 18)` is the same as "18 or over today", leap days included, and lets the
 * query use the index on date of birth.
 */
export function latestBirthDate(today: string, age: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // 28 February of a common year is the 18th birthday of nobody born on 29 February: they wait for 1 March.
  const date = new Date(Date.UTC(y - age, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0); // 29 February minus N years in a common year: 28 February
  return date.toISOString().slice(0, 10);
}
