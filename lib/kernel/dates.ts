const LONDON = 'Europe/London';

/** Today's date in England as YYYY-MM-DD (UTC would give yesterday's date between midnight and 1 am in summer). */
export const todayInLondon = (now: Date = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: LONDON }).format(now);

/** "25 November 2026", as GOV.UK writes dates. Accepts an ISO date or a moment. */
export function formatDate(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON }).format(date);
}

/** "25 November 2026 at 9:05am", as GOV.UK writes a moment. */
export function formatDateTime(moment: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: LONDON }).format(moment);
  return `${formatDate(moment)} at ${time.replace(/\s/g, '').toLowerCase()}`;
}

/**
 * The same day a number of calendar months later, or the month's last day when it has no such day (31 January plus
 * one month is 28 or 29 February): how UK GDPR's "one month" is counted.
 */
export function addCalendarMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "2026-11-25 09:05:00", the moment in England as a spreadsheet reads it. */
export const formatLondonTimestamp = (moment: Date): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(moment);

/** A date some working days on, Monday to Friday only; bank holidays are not counted out, so it is "about". */
export function addWorkingDays(isoDate: string, days: number): string {
  let date = isoDate;
  for (let left = days; left > 0; ) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date;
}
