import type { ShareCurve } from '../data/name-frequencies';

/** Each listed cluster's share of its pool, in list order, and what is left to the long tail of rarer names. */
export type ListShares = { listed: number[]; tail: number };

export function listShares(count: number, curve: ShareCurve): ListShares {
  if (curve.kind === 'normalise') {
    const raw = Array.from({ length: count }, (_, n) => (n + 1) ** -curve.exponent);
    const total = raw.reduce((a, b) => a + b, 0);
    return { listed: raw.map((w) => (w * (1 - curve.tail)) / total), tail: curve.tail };
  }
  const leading = curve.leading ?? [];
  const listed: number[] = [];
  for (let n = 0; n < count; n++) {
    if (n < leading.length) listed.push(leading[n]!);
    else if (leading.length > 0) listed.push(leading.at(-1)! * (leading.length / (n + 1)) ** curve.exponent);
    else listed.push(curve.top * (curve.offset / (n + curve.offset)) ** curve.exponent);
  }
  const covered = listed.reduce((a, b) => a + b, 0);
  if (covered > 1) throw new Error(`A share curve covers ${covered.toFixed(3)} of its pool: lower its top or steepen it.`);
  return { listed, tail: 1 - covered };
}

/** Shares of the tail's names, rarer as they go (a gentle slope: a tail name is never as common as a listed one). */
export function tailShares(count: number, tail: number): number[] {
  const raw = Array.from({ length: count }, (_, j) => 1 / (j + count / 8));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => (w * tail) / total);
}
