import { NAME_POOLS, NICKNAMES } from '@/db/seed/data/names';
import { normaliseName } from './normalise';

// Names that are the same name to the people who use them: spelling variants (Mohammed, Muhammad, Mohamed),
// and short or other-language forms (Katherine, Kate, Katie; Aleksander, Alexander, Sasha).
const groupsByName = new Map<string, Set<number>>();
let groupId = 0;
function addGroup(names: readonly string[]) {
  groupId += 1;
  for (const name of names) {
    const key = normaliseName(name);
    const groups = groupsByName.get(key) ?? new Set<number>();
    groups.add(groupId);
    groupsByName.set(key, groups);
  }
}
for (const group of NICKNAMES) addGroup(group);
for (const pool of NAME_POOLS) for (const cluster of [...pool.girls, ...pool.boys, ...pool.family]) if (cluster.length > 1) addGroup(cluster);

/** The variant groups a normalised name belongs to (none: undefined), for comparing many pairs of names quickly. */
export function variantGroupsOf(normalisedName: string): ReadonlySet<number> | undefined {
  return groupsByName.get(normalisedName);
}

export function shareVariantGroup(left: ReadonlySet<number> | undefined, right: ReadonlySet<number> | undefined): boolean {
  if (!left || !right) return false;
  for (const id of left) if (right.has(id)) return true;
  return false;
}

export function areNameVariants(a: string, b: string): boolean {
  return shareVariantGroup(groupsByName.get(normaliseName(a)), groupsByName.get(normaliseName(b)));
}
