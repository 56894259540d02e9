import 'server-only';
import { dictionary } from '@zxcvbn-ts/language-common';
import { DEMO_PIN } from '@/lib/reference/demo-credentials';

/**
 * The numbers people choose most: every entry of 6 to 8 digits in zxcvbn-ts's list of common passwords, which is
 * ranked by how often each appears in leaked password corpora (numeric passwords are how PINs are studied, as no
 * large leak of PINs exists).
 */
const COMMON_PINS = new Set(dictionary['passwords-common'].filter((word) => /^\d{6,8}$/.test(word)));

/** Every digit one more (or one less, or `step` more) than the last, going round from 9 to 0: 123456, 975319. */
function isSteadyRun(pin: string): boolean {
  const step = (Number(pin[1]) - Number(pin[0]) + 10) % 10;
  return [...pin].every((digit, i) => i === 0 || (Number(digit) - Number(pin[i - 1]) + 10) % 10 === step);
}

/** One group of digits said again and again: 111111, 121212, 123123, 12341234. */
const isRepeat = (pin: string) => /^(\d+?)\1+$/.test(pin);

/**
 * Counting: three or more numbers, each the last plus (or minus) the same amount, one after another (2 4 6 8 10,
 * 10 20 30, 01 02 03 04, 100 99 98).
 */
function isCounting(pin: string): boolean {
  for (let firstLength = 1; firstLength <= pin.length - 2; firstLength++) {
    for (let secondLength = Math.max(1, firstLength - 1); secondLength <= firstLength + 1; secondLength++) {
      const first = Number(pin.slice(0, firstLength));
      const step = Number(pin.slice(firstLength, firstLength + secondLength)) - first;
      const width = pin[0] === '0' ? firstLength : 0; // 01 02 03 keeps its leading zeros
      let written = '';
      for (let term = 0; written.length < pin.length; term++) written += String(first + term * step).padStart(width, '0');
      if (written === pin && pin.length > firstLength + secondLength) return true;
    }
  }
  return false;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isDay = (day: string, month: string) => Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= DAYS_IN_MONTH[Number(month) - 1]!;
const isYear = (year: string) => year.length === 2 || (Number(year) >= 1900 && Number(year) <= 2099);

/**
 * A date, such as a birthday: day, month and year in any of the orders people write them (DDMMYY, MMDDYYYY,
 * YYYYMMDD…), day and month with or without a leading zero, a year of two or four digits; or a month and year.
 */
function isDate(pin: string): boolean {
  for (const yearLength of [2, 4]) {
    for (const [year, rest] of [
      [pin.slice(-yearLength), pin.slice(0, -yearLength)],
      [pin.slice(0, yearLength), pin.slice(yearLength)],
    ] as const) {
      if (!isYear(year)) continue;
      if (rest.length <= 2 && yearLength === 4 && Number(rest) >= 1 && Number(rest) <= 12) return true;
      for (let split = 1; split < rest.length; split++) {
        const [a, b] = [rest.slice(0, split), rest.slice(split)];
        if (a.length <= 2 && b.length <= 2 && (isDay(a, b) || isDay(b, a))) return true;
      }
    }
  }
  return false;
}

/**
 * Why a new PIN is refused, or null if it will do. A PIN is one of three things asked at sign-in, so it only has to
 * be hard to guess in the few tries the throttle allows: it must not be what people pick first.
 */
export function pinProblem(pin: string): string | null {
  if (!/^\d{6,8}$/.test(pin)) return 'Enter a PIN of 6 to 8 numbers';
  if (pin === DEMO_PIN) return 'That PIN is the demonstration’s, printed in its instructions: choose another';
  if (isRepeat(pin)) return 'Choose a PIN that is not one number or pattern repeated, like 111111 or 121212';
  if (isSteadyRun(pin) || isCounting(pin)) return 'Choose a PIN that is not a sequence, like 123456 or 246810';
  if (isDate(pin)) return 'Choose a PIN that is not a date, such as a birthday';
  if (COMMON_PINS.has(pin)) return 'That PIN is one of the most commonly chosen: choose another';
  return null;
}
