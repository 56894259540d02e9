import type { Random } from '@/db/seed/random';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One keying mistake somewhere after the first letter: a wrong, missing, doubled or swapped letter. */
export function typo(rng: Random, name: string): string {
  if (name.length < 3) return `${name}${rng.pick([...LETTERS])}`;
  const at = 1 + rng.int(name.length - 1);
  switch (rng.int(4)) {
    case 0:
      return name.slice(0, at) + rng.pick([...LETTERS]) + name.slice(at + 1);
    case 1:
      return name.slice(0, at) + name.slice(at + 1);
    case 2:
      return name.slice(0, at) + name[at] + name.slice(at);
    default:
      return at < name.length - 1 ? name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2) : name.slice(0, at - 1) + name[at] + name[at - 1];
  }
}

export function transposed(dob: string): string | null {
  const [y, m, d] = dob.split('-');
  return Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : null;
}

export const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
