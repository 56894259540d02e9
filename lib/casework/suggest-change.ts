import type { ChangeKey } from '@/lib/validation/correction-change';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const POSTCODE = /^[A-Z]{1,2}[0-9][0-9A-Z]?\s*[0-9][A-Z]{2}$/i;

const iso = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : undefined;
};

function readDate(words: string): string | undefined {
  const trimmed = words.trim().toLowerCase();
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  const numeric = /^(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})$/.exec(trimmed); // day first, as written in the UK
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const spelt = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{4})$/.exec(trimmed);
  const month = spelt ? MONTHS.findIndex((m) => m.startsWith(spelt[2]!.slice(0, 3))) : -1;
  return spelt && month >= 0 ? iso(Number(spelt[3]), month + 1, Number(spelt[1])) : undefined;
}

const emailIn = (words: string) => /[^\s,;]+@[^\s,;]+\.[^\s,;]+/.exec(words)?.[0] ?? '';
const phoneIn = (words: string) => /\+?[0-9][0-9 ()-]{6,}[0-9]/.exec(words.replace(emailIn(words), ''))?.[0]?.trim() ?? '';

/**
 * A first reading of what the requester asked for, in the fields the caseworker applies. It only fills the form:
 * the caseworker checks it, and anything they change goes to a second caseworker. Fields it cannot read stay empty.
 */
export function suggestChange(key: ChangeKey, requestedValue: string): Record<string, string> {
  const words = requestedValue.trim();
  switch (key) {
    case 'child:name':
    case 'carer:name': {
      const parts = words.split(/\s+/);
      return parts.length < 2 ? { familyName: words } : { givenNames: parts.slice(0, -1).join(' '), familyName: parts.at(-1)! };
    }
    case 'child:dateOfBirth': {
      const date = readDate(words);
      return date ? { dateOfBirth: date } : {};
    }
    case 'child:gender': {
      if (/\b(female|girl)\b/i.test(words)) return { gender: 'female' };
      if (/\b(male|boy)\b/i.test(words)) return { gender: 'male' };
      return /not specified|prefer not/i.test(words) ? { gender: 'not_specified' } : {};
    }
    case 'address:address': {
      const parts = words.split(/\s*[,\n]\s*/).filter(Boolean);
      const postcode = parts.length > 1 && POSTCODE.test(parts.at(-1)!) ? parts.pop()!.toUpperCase() : '';
      const town = parts.length > 1 ? parts.pop()! : '';
      return { line1: parts[0] ?? '', line2: parts.slice(1).join(', '), town, postcode };
    }
    case 'carer:details':
      return { phone: phoneIn(words), email: emailIn(words) };
    case 'carer:phone':
      return { phone: phoneIn(words) };
    case 'carer:email':
      return { email: emailIn(words) };
  }
}
