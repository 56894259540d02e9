import type { Random } from '@/db/seed/random';

type Named = { givenNames: string; familyName: string };

export const nameKey = (child: Named) => `${child.givenNames.split(' ')[0]!.toLowerCase()}|${child.familyName.toLowerCase()}`;

/**
 * Picks children of a sample as often as a namesake of theirs turns up: a stranger shares a child's first and
 * family name as often as that name is common, so among pairs of namesakes a name appears in proportion to the
 * square of its share. A child is drawn at random (in proportion to its name's share) and kept with a chance in
 * proportion to how many others of the sample share its name (an unbiased measure of the share again; a name seen
 * once in the sample is rarer than the sample can tell, and is kept only when no name is seen twice).
 */
export function namesakeSampler<T extends Named>(sample: readonly T[]) {
  const sharing = new Map<string, number>();
  for (const child of sample) sharing.set(nameKey(child), (sharing.get(nameKey(child)) ?? 0) + 1);
  const mostOthers = Math.max(0, ...sharing.values()) - 1;
  const others = (child: T) => (mostOthers === 0 ? 1 : sharing.get(nameKey(child))! - 1);
  const firstNames = new Map<string, number>();
  const familyNames = new Map<string, number>();
  for (const child of sample) {
    const [first, family] = nameKey(child).split('|') as [string, string];
    firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
    familyNames.set(family, (familyNames.get(family) ?? 0) + 1);
  }
  const mostFirst = Math.max(1, ...firstNames.values());
  const mostFamily = Math.max(1, ...familyNames.values());
  return {
    /**
     * How common a pairing of a first and a family name is, relative to the commonest of each (1 at most): for a
     * new person's name, whose parts come from two different children.
     */
    commonness(child: Named) {
      const [first, family] = nameKey(child).split('|') as [string, string];
      return ((firstNames.get(first) ?? 0) / mostFirst) * ((familyNames.get(family) ?? 0) / mostFamily);
    },
    /** How many others of the sample share this child's first and family name. */
    others,
    /** An index into the sample at or after `from`, drawn as namesakes are; undefined if none turns up. */
    pick(rng: Random, from = 0): number | undefined {
      if (from >= sample.length) return undefined;
      for (let tries = 0; tries < 100_000; tries++) {
        const at = from + rng.int(sample.length - from);
        if (rng.chance(others(sample[at]!) / Math.max(1, mostOthers))) return at;
      }
      return undefined;
    },
  };
}
