import { DOUBLE_BARRELLED_SHARE, NAME_POOLS, NICKNAMES, type NameCluster, type NamePool } from '../data/names';
import { type Random, weighted } from '../random';

export const namePools = weighted(NAME_POOLS, (p) => p.weight);

// Most people with a name spell it the common way; the rest are shared among the real variants.
const COMMON_SPELLING_SHARE = 0.7;

function spell(rng: Random, cluster: NameCluster): string {
  if (cluster.length === 1 || rng.chance(COMMON_SPELLING_SHARE)) return cluster[0]!;
  return cluster[1 + rng.int(cluster.length - 1)]!;
}

export type Sex = 'female' | 'male';

export function givenName(rng: Random, pool: NamePool, sex: Sex): string {
  return spell(rng, rng.pick(sex === 'female' ? pool.girls : pool.boys));
}

/** One or two given names, as a school or GP record would hold them. */
export function givenNames(rng: Random, pool: NamePool, sex: Sex, middleNameChance = 0.35): string {
  const first = givenName(rng, pool, sex);
  if (!rng.chance(middleNameChance)) return first;
  const middle = givenName(rng, pool, sex);
  return middle === first ? first : `${first} ${middle}`;
}

export function familyName(rng: Random, pool: NamePool): string {
  return spell(rng, rng.pick(pool.family));
}

export function doubleBarrelled(rng: Random, first: string, second: string): string | undefined {
  return rng.chance(DOUBLE_BARRELLED_SHARE) && first !== second ? `${first}-${second}` : undefined;
}

const nicknamesByName = new Map<string, readonly string[]>();
for (const group of NICKNAMES) for (const name of group) nicknamesByName.set(name, group);

/** Another name the child is known by (Katherine → Katie), if the name has one. */
export function knownAs(rng: Random, name: string): string | undefined {
  const group = nicknamesByName.get(name);
  if (!group) return undefined;
  const others = group.filter((n) => n !== name);
  return others.length ? rng.pick(others) : undefined;
}
