import { isRealIsoDay } from '@/lib/validation/iso-day';

/** Dates of birth worth trying for a date as typed: the date itself, day and month swapped, and one digit out. */
export type DateCandidates = { exact: string; swapped: string | null; oneDigitOut: string[] };


export function dateCandidates(iso: string): DateCandidates {
  const [year, month, day] = iso.split('-');
  const swappedIso = `${year}-${day}-${month}`;
  const swapped = swappedIso !== iso && isRealIsoDay(swappedIso) ? swappedIso : null;
  const digits = iso.replace(/-/g, '');
  const oneDigitOut = new Set<string>();
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === digits[i]) continue;
      const changed = digits.slice(0, i) + d + digits.slice(i + 1);
      const candidate = `${changed.slice(0, 4)}-${changed.slice(4, 6)}-${changed.slice(6)}`;
      // A slip in the thousands or hundreds of the year gives no living child.
      const plausible = Math.abs(Number(changed.slice(0, 4)) - Number(year)) <= 30;
      if (candidate !== swapped && plausible && isRealIsoDay(candidate)) oneDigitOut.add(candidate);
    }
  }
  return { exact: iso, swapped, oneDigitOut: [...oneDigitOut] };
}
