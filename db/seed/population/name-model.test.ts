import { describe, expect, it } from 'vitest';
import { NAME_POOLS } from '../data/names';
import { nameShares } from './names';

const totalWeight = NAME_POOLS.reduce((sum, pool) => sum + pool.weight, 0);
const english = NAME_POOLS.find((pool) => pool.heritage === 'English')!;

/** Each name's share of all children of one sex (or of all family names), summed over the pools and spellings. */
function nationalShares(kind: 'boys' | 'girls' | 'family') {
  const shares = new Map<string, number>();
  for (const pool of NAME_POOLS) {
    for (const { cluster, share } of nameShares(pool, kind)) {
      cluster.forEach((name, i) => {
        const spelling = cluster.length === 1 ? 1 : i === 0 ? 0.7 : 0.3 / (cluster.length - 1);
        shares.set(name, (shares.get(name) ?? 0) + (pool.weight / totalWeight) * share * spelling);
      });
    }
  }
  return [...shares.values()].sort((a, b) => b - a);
}
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the national name-frequency model', () => {
  it('gives the top names about their share of births (ONS 2019: Oliver 1.50% of boys, Olivia 1.31% of girls)', () => {
    expect(nationalShares('boys')[0]).toBeGreaterThan(0.012);
    expect(nationalShares('boys')[0]).toBeLessThan(0.018);
    expect(nationalShares('girls')[0]).toBeGreaterThan(0.011);
    expect(nationalShares('girls')[0]).toBeLessThan(0.016);
  });

  it('gives the leading English surnames their registration shares, Smith first at 1.33% of the pool', () => {
    const family = nameShares(english, 'family');
    expect(family[0]!.cluster[0]).toBe('Smith');
    expect(family[0]!.share).toBeCloseTo(0.0133, 4);
    expect(nationalShares('family')[0]).toBeGreaterThan(0.007);
    expect(nationalShares('family')[0]).toBeLessThan(0.011);
  });

  it('has a long tail: most English surnames are outside the listed ones, spread over thousands of rare names', () => {
    const family = nameShares(english, 'family');
    const tail = family.filter((name) => !name.listed);
    expect(tail.length).toBeGreaterThan(4_000);
    expect(sum(tail.map((name) => name.share))).toBeGreaterThan(0.5);
    expect(Math.max(...tail.map((name) => name.share))).toBeLessThan(family.find((name) => name.listed && name.cluster[0] === 'Hall')!.share);
  });

  it('is steep at the head: the hundred commonest names cover about half the boys and 35–45% of the girls', () => {
    expect(sum(nationalShares('boys').slice(0, 100))).toBeGreaterThan(0.45);
    expect(sum(nationalShares('boys').slice(0, 100))).toBeLessThan(0.6);
    expect(sum(nationalShares('girls').slice(0, 100))).toBeGreaterThan(0.33);
    expect(sum(nationalShares('girls').slice(0, 100))).toBeLessThan(0.47);
  });

  it('keeps every pool a whole: shares add up to one', () => {
    for (const pool of NAME_POOLS) {
      for (const kind of ['boys', 'girls', 'family'] as const) expect(sum(nameShares(pool, kind).map((n) => n.share))).toBeCloseTo(1, 6);
    }
  });
});
