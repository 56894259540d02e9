const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC): whole numbers are cheap to generate and compare. */
export type Day = number;

export function dayFromIso(iso: string): Day {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

const isoCache = new Map<Day, string>();

export function isoDate(day: Day): string {
  let iso = isoCache.get(day);
  if (!iso) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** The day someone born on `birth` turns `years` old (29 February birthdays fall on 1 March). */
export function birthday(birth: Day, years: number): Day {
  const date = new Date(birth * DAY_MS);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return Math.floor(date.getTime() / DAY_MS);
}

export function ageOn(birth: Day, on: Day): number {
  const born = new Date(birth * DAY_MS);
  const today = new Date(on * DAY_MS);
  let age = today.getUTCFullYear() - born.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < born.getUTCMonth() ||
    (today.getUTCMonth() === born.getUTCMonth() && today.getUTCDate() < born.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** 1 September of the school year a child on `day` is in. */
export function schoolYearStart(day: Day): Day {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return dayFromIso(`${year}-09-01`);
}
