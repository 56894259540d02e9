import { todayInLondon } from '@/lib/kernel/dates';

/** Whole years from an ISO date of birth to today in England (someone born on 29 February turns a year older on 1 March). */
export function ageOn(dateOfBirth: string, today: string = todayInLondon()): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
