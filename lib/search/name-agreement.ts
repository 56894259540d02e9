import { areNameVariants, foldName, nameParts, normaliseName } from '@/lib/names';
import { editDistance } from './edit-distance';

/**
 * How a child's names agree with the names typed, in words a person would use: the same name, a known variant of
 * it, a part of a double-barrelled name, or a typing slip. "Sounds like" and "spelt similarly" are not agreement:
 * they find children worth showing a person, but a different name can sound or look alike.
 */
export type FamilyAgreement = 'exact' | 'variant' | 'part' | 'slip';
export type GivenAgreement = 'exact' | 'variant' | 'middle' | 'slip';
export type NameAgreement = {
  family: FamilyAgreement | null;
  /** Null when no given name was typed, or when it agrees with none of the child's. */
  given: GivenAgreement | null;
  givenTyped: boolean;
  /** The typed family name agrees with the child's given name and the typed given name with their family name. */
  swapped: boolean;
};

function isSlip(typed: string, held: string): boolean {
  const shorter = Math.min(typed.length, held.length);
  const distance = editDistance(typed, held);
  return (distance === 1 && shorter >= 3) || (distance === 2 && shorter >= 7);
}

function familyAgreement(typed: string, held: string): FamilyAgreement | null {
  const a = normaliseName(typed);
  const b = normaliseName(held);
  if (a === b || foldName(typed).whole === foldName(held).whole) return 'exact';
  if (areNameVariants(typed, held, 'family')) return 'variant';
  const typedParts = nameParts(typed);
  const heldParts = nameParts(held);
  if ((typedParts.length > 1 || heldParts.length > 1) && typedParts.some((p) => heldParts.includes(p))) return 'part';
  return isSlip(a, b) ? 'slip' : null;
}

function givenAgreement(typed: string, heldGivenNames: string): GivenAgreement | null {
  const a = normaliseName(typed).split(' ')[0] ?? '';
  const [first = '', ...middle] = normaliseName(heldGivenNames).split(' ');
  if (!a) return null;
  if (a === first) return 'exact';
  if (areNameVariants(a, first, 'given')) return 'variant';
  if (middle.includes(a)) return 'middle';
  return isSlip(a, first) ? 'slip' : null;
}

export function nameAgreement(typed: { familyName: string; givenName?: string | null }, held: { familyName: string; givenNames: string }): NameAgreement {
  const givenTyped = Boolean(typed.givenName?.trim());
  const straight = { family: familyAgreement(typed.familyName, held.familyName), given: givenTyped ? givenAgreement(typed.givenName!, held.givenNames) : null };
  const swapped = givenTyped && givenAgreement(typed.familyName, held.givenNames) !== null && familyAgreement(typed.givenName!, held.familyName) !== null;
  return { ...straight, givenTyped, swapped };
}

/** Every name typed is the child's own name, exactly (accents, case, spaces and hyphens aside). */
export const isFullNameMatch = (a: NameAgreement) => a.family === 'exact' && (!a.givenTyped || a.given === 'exact');

/** Every name typed agrees with the child's, allowing variants, parts and typing slips: a close match. */
export const agreesOnFullName = (a: NameAgreement) => a.swapped || (a.family !== null && (!a.givenTyped || a.given !== null));

/** Names a system client may act on: the same names or known variants of them, never a slip or a sound-alike. */
export const namesAgreeForSystemClient = (a: NameAgreement) =>
  (a.family === 'exact' || a.family === 'variant' || a.family === 'part') && (a.given === 'exact' || a.given === 'variant');
