/** A name as compared: lower case, accents and apostrophes dropped, spaces tidied ("O’Brien" → "obrien"). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The parts of a hyphenated or double-barrelled family name, each of which people use on its own. */
export function nameParts(name: string): string[] {
  return normaliseName(name)
    .split(/[\s-]+/)
    .filter((part) => part.length > 1);
}
