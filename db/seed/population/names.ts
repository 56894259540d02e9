import { DOUBLE_BARRELLED_SHARE, NAME_POOLS, NICKNAMES, type NameCluster, type NamePool } from '../data/names';
import {
  COMMUNITY_BOYS_EXPONENT, COMMUNITY_FAMILY_DEFAULT_EXPONENT, COMMUNITY_FAMILY_EXPONENT, COMMUNITY_GIVEN_EXPONENT, COMMUNITY_GIVEN_TAIL, ENGLISH_CURVES,
  type ShareCurve,
} from '../data/name-frequencies';
import { rareEnglishFamilyNames } from '../data/rare-family-names';
import { type Random, type Weighted, weighted } from '../random';
import { listShares, tailShares } from './name-shares';

export const namePools = weighted(NAME_POOLS, (p) => p.weight);

// Most people with a name spell it the common way; the rest are shared among the real variants.
const COMMON_SPELLING_SHARE = 0.7;

type ListKind = 'girls' | 'boys' | 'family';

function curveFor(pool: NamePool, kind: ListKind): ShareCurve {
  if (pool.heritage === 'English') return ENGLISH_CURVES[kind];
  if (kind === 'family') return { kind: 'normalise', exponent: COMMUNITY_FAMILY_EXPONENT[pool.heritage] ?? COMMUNITY_FAMILY_DEFAULT_EXPONENT, tail: 0 };
  const exponent = (kind === 'boys' && COMMUNITY_BOYS_EXPONENT[pool.heritage]) || COMMUNITY_GIVEN_EXPONENT;
  return { kind: 'normalise', exponent, tail: COMMUNITY_GIVEN_TAIL };
}

const firstSpellings = (kind: ListKind) => new Set(NAME_POOLS.flatMap((p) => p[kind].flatMap((c) => [...c])));

/** The names a pool's tail draws from: every community's names of that sex, or for English surnames, rare ones. */
function tailFor(pool: NamePool, kind: ListKind): NameCluster[] {
  if (kind === 'family') return pool.heritage === 'English' ? rareEnglishFamilyNames(firstSpellings('family')).map((n) => [n]) : [];
  const own = new Set(pool[kind].map((c) => c[0]));
  const seen = new Set<string>();
  const tail: NameCluster[] = [];
  for (const other of NAME_POOLS) {
    for (const cluster of other[kind]) {
      if (own.has(cluster[0]) || seen.has(cluster[0]!)) continue;
      seen.add(cluster[0]!);
      tail.push(cluster);
    }
  }
  return tail;
}

export type NameShare = { cluster: NameCluster; share: number; listed: boolean };

/** A pool's names of one kind with their shares of the pool: the listed ones, then the tail's. */
export function nameShares(pool: NamePool, kind: ListKind): NameShare[] {
  const { listed, tail } = listShares(pool[kind].length, curveFor(pool, kind));
  const shares: NameShare[] = pool[kind].map((cluster, n) => ({ cluster, share: listed[n]!, listed: true }));
  const rare = tail > 0 ? tailFor(pool, kind) : [];
  const rareShares = tailShares(rare.length, tail);
  rare.forEach((cluster, j) => shares.push({ cluster, share: rareShares[j]!, listed: false }));
  return shares;
}

const choicesByList = new WeakMap<readonly NameCluster[], Weighted<NameCluster>>();
function choices(pool: NamePool, kind: ListKind): Weighted<NameCluster> {
  let prepared = choicesByList.get(pool[kind]);
  if (!prepared) {
    const shares = nameShares(pool, kind);
    const shareOf = new Map(shares.map((s) => [s.cluster, s.share]));
    prepared = weighted(shares.map((s) => s.cluster), (c) => shareOf.get(c)!);
    choicesByList.set(pool[kind], prepared);
  }
  return prepared;
}

function spell(rng: Random, cluster: NameCluster): string {
  if (cluster.length === 1 || rng.chance(COMMON_SPELLING_SHARE)) return cluster[0]!;
  return cluster[1 + rng.int(cluster.length - 1)]!;
}

export type Sex = 'female' | 'male';

export function givenName(rng: Random, pool: NamePool, sex: Sex): string {
  return spell(rng, rng.pickWeighted(choices(pool, sex === 'female' ? 'girls' : 'boys')));
}

/** One or two given names, as a school or GP record would hold them. */
export function givenNames(rng: Random, pool: NamePool, sex: Sex, middleNameChance = 0.35, chosenFirst?: string): string {
  const first = chosenFirst ?? givenName(rng, pool, sex);
  if (!rng.chance(middleNameChance)) return first;
  const middle = givenName(rng, pool, sex);
  return middle === first ? first : `${first} ${middle}`;
}

const WOMEN_ONLY = new Set(['Begum', 'Khatun', 'Khatoon', 'Kaur', 'Bibi', 'Sultana']);

/** A woman's own name that no family passes on (Kaur is a Sikh woman's, but her son is a Singh: it maps). */
export const isWomansOwnName = (name: string) => WOMEN_ONLY.has(name) && name !== 'Kaur';

/** The first of a child's given names. */
export const firstName = (givenNames: string) => givenNames.split(' ')[0]!;

const similarByPrefix = new Map<string, Weighted<NameCluster>>();

/**
 * A name like `to` for a brother or sister (Isla and Isabella, Lily and Lila): another name of the pool's for that
 * sex that begins with the same two letters, as common as it is in the pool; undefined if the pool has none.
 */
export function similarGivenName(rng: Random, pool: NamePool, sex: Sex, to: string): string | undefined {
  const prefix = to.slice(0, 2).toLowerCase();
  const key = `${pool.heritage}|${sex}|${prefix}`;
  let similar = similarByPrefix.get(key);
  if (!similar) {
    const shares = nameShares(pool, sex === 'female' ? 'girls' : 'boys').filter(
      (s) => s.listed && s.cluster[0]!.toLowerCase().startsWith(prefix),
    );
    similar = weighted(shares.map((s) => s.cluster), (c) => shares.find((s) => s.cluster === c)!.share);
    similarByPrefix.set(key, similar);
  }
  const others = similar.items.filter((c) => !c.includes(to));
  if (others.length === 0) return undefined;
  for (let tries = 0; tries < 8; tries++) {
    const name = spell(rng, rng.pickWeighted(similar));
    if (name !== to) return name;
  }
  return undefined;
}

/**
 * A family name of the pool's. A name a family passes on (`passedOn`) is one a man can carry: Begum, Khatun, Bibi
 * and Sultana are women's own names, not a family's, so they are drawn again (a boy in such a family is not a Khan
 * by default: that made Khan twice as common among boys as it is).
 */
export function familyName(rng: Random, pool: NamePool, passedOn = false): string {
  let name = spell(rng, rng.pickWeighted(choices(pool, 'family')));
  for (let tries = 0; passedOn && tries < 20 && isWomansOwnName(name); tries++) {
    name = spell(rng, rng.pickWeighted(choices(pool, 'family')));
  }
  return name;
}

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
