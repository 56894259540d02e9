import { foldName } from './fold';
import { NAME_REFERENCES } from './reference';

/**
 * Name knowledge as reference data of its own (docs/decisions/013): which names are the same name to the people who
 * use them, across the communities of England, independent of any synthetic population. Names are compared folded
 * (fold.ts), so "Ó Súilleabháin", "O Suilleabhain" and "o'suilleabhain" are one entry.
 */
export { foldName, nameKeys, PARTICLES, SPECIAL_LETTERS, type FoldedName } from './fold';
export { nameParts, normaliseName } from './normalise';
export { NAME_REFERENCES, type NameReference } from './reference';

export type NameKind = 'given' | 'family';
type VariantGroups = ReadonlySet<number>;

const groupsByKind: Record<NameKind, Map<string, Set<number>>> = { given: new Map(), family: new Map() };
const membersOfGroup: string[][] = [];
for (const reference of NAME_REFERENCES) {
  for (const kind of ['given', 'family'] as const) {
    for (const line of reference[kind]) {
      const id = membersOfGroup.length;
      const members = [...new Set(line.split('|').map((name) => foldName(name).whole))];
      membersOfGroup.push(members);
      for (const member of members) {
        const groups = groupsByKind[kind].get(member) ?? new Set<number>();
        groups.add(id);
        groupsByKind[kind].set(member, groups);
      }
    }
  }
}

/** The variant groups a name belongs to (none: undefined), for comparing many pairs of names quickly. */
export function variantGroupsOf(name: string, kind: NameKind): VariantGroups | undefined {
  return groupsByKind[kind].get(foldName(name).whole);
}

export function shareVariantGroup(left: VariantGroups | undefined, right: VariantGroups | undefined): boolean {
  if (!left || !right) return false;
  for (const id of left) if (right.has(id)) return true;
  return false;
}

/** Two spellings or forms of one name (Mohammed and Maxamed, Katherine and Kasia, Nguyen and Nguyễn). */
export function areNameVariants(a: string, b: string, kind: NameKind): boolean {
  return shareVariantGroup(variantGroupsOf(a, kind), variantGroupsOf(b, kind));
}

/**
 * Two names the reference knows and keeps apart (Oliver and Alfred, Alexander and Aleksandra, Euan and Owen):
 * different names, however alike they sound.
 */
export function areDifferentNames(a: string, b: string, kind: NameKind): boolean {
  const left = variantGroupsOf(a, kind);
  const right = variantGroupsOf(b, kind);
  return Boolean(left && right) && !shareVariantGroup(left, right);
}

/**
 * Every folded form a held name could have for it to be the typed name, a part of it, or a known variant of either:
 * what the search's filter compares with the keys the database keeps for each name (name_keys()).
 */
export function familyNameForms(typed: string): string[] {
  const { whole, parts } = foldName(typed);
  const forms = new Set<string>();
  for (const key of [whole, ...parts]) {
    forms.add(key);
    for (const id of groupsByKind.family.get(key) ?? []) for (const member of membersOfGroup[id]!) forms.add(member);
  }
  return [...forms];
}
