import { encodeIndexNumber } from '@/lib/kernel/index-number';
import type { Random } from '../random';

const HALF_BITS = 25;
const HALF = 2 ** HALF_BITS;
const HALF_MASK = HALF - 1;

/**
 * Index numbers for a generated population: a keyed Feistel permutation of 0, 1, 2… over the 50-bit space, so
 * that every number is different (no collision check needed for 12 million) yet they look as random as real ones.
 */
export function indexNumberSequence(rng: Random): () => string {
  const keys = Array.from({ length: 4 }, () => rng.int(2 ** 31));
  let counter = 0;
  return () => {
    let left = Math.floor(counter / HALF);
    let right = counter % HALF;
    for (const key of keys) {
      let mixed = Math.imul(right ^ key, 0x9e3779b1);
      mixed ^= mixed >>> 15;
      mixed = Math.imul(mixed, 0x85ebca6b);
      const next = (left ^ (mixed >>> 7)) & HALF_MASK;
      left = right;
      right = next;
    }
    counter += 1;
    return encodeIndexNumber(left * HALF + right);
  };
}
