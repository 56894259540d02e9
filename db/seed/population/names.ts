import { DOUBLE_BARRELLED_SHARE, NAME_POOLS, NICKNAMES, type NameCluster, type NamePool } from '../data/names';
import { type Random, type Weighted, weighted } from '../random';

export const namePools = weighted(NAME_POOLS, (p) => p.weight);

// Most people with a name spell it the common way; the rest are shared among the real variants.
const COMMON_SPELLING_SHARE = 0.7;

// The lists are in rough order of popularity: the n-th name is about 1/(n + 8) as common (a flattened Zipf curve).
const byPopularity = new WeakMap<readonly NameCluster[], Weighted<NameCluster>>();
function popular(clusters: readonly NameCluster[]): Weighted<NameCluster> {
  let prepared = byPopularity.get(clusters);
  if (!prepared) {
    prepared = weighted(clusters, (c) => 1 / (clusters.indexOf(c) + 8));
    byPopularity.set(clusters, prepared);
  }
  return prepared;
}

function spell(rng: Random, cluster: NameCluster): string {
  if (cluster.length === 1 || rng.chance(COMMON_SPELLING_SHARE)) return cluster[0]!;
  return cluster[1 + rng.int(cluster.length - 1)]!;
}

export type Sex = 'female' | 'male';

export function givenName(rng: Random, pool: NamePool, sex: Sex): string {
  return spell(rng, rng.pickWeighted(popular(sex === 'female' ? pool.girls : pool.boys)));
}

/** One or two given names, as a school or GP record would hold them. */
export function givenNames(rng: Random, pool: NamePool, sex: Sex, middleNameChance = 0.35): string {
  const first = givenName(rng, pool, sex);
  if (!rng.chance(middleNameChance)) return first;
  const middle = givenName(rng, pool, sex);
  return middle === first ? first : `${first} ${middle}`;
}

export function familyName(rng: Random, pool: NamePool): string {
  return spell(rng, rng.pickWeighted(popular(pool.family)));
}

const WOMEN_ONLY = new Set(['Begum', 'Khatun', 'Khatoon', 'Kaur', 'Bibi', 'Sultana']);
const SLAVIC_FEMININE: [RegExp, string][] = [
  [/ski$/, 'ska'],
  [/cki$/, 'cka'],
  [/dzki$/, 'dzka'],
  [/ov$/, 'ova'],
  [/ev$/, 'eva'],
];

/**
 * The family name as this person would carry it: Polish and Bulgarian names take their feminine form for women
 * and girls (Kowalski → Kowalska); Begum and Kaur are women's names (a boy in a Sikh family is Singh).
 */
export function familyNameFor(name: string, sex: Sex): string {
  if (sex === 'female') {
    if (name === 'Singh') return 'Kaur';
    if (name.includes('-')) return name;
    for (const [ending, feminine] of SLAVIC_FEMININE) if (ending.test(name)) return name.replace(ending, feminine);
    return name;
  }
  if (name === 'Kaur') return 'Singh';
  return WOMEN_ONLY.has(name) ? 'Khan' : name;
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
