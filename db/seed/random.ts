import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

const TWO_TO_32 = 2 ** 32;

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex16 = (n: number) => HEX_BYTES[(n >>> 8) & 0xff]! + HEX_BYTES[n & 0xff]!;

/** A prepared weighted choice: cumulative weights searched by bisection. */
export type Weighted<T> = { items: readonly T[]; cumulative: Float64Array; total: number };

export function weighted<T>(items: readonly T[], weightOf: (item: T) => number): Weighted<T> {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => {
    total += weightOf(item);
    cumulative[i] = total;
  });
  return { items, cumulative, total };
}

/** Deterministic randomness for the synthetic population: the same seed gives the same England. */
export class Random {
  private readonly generator: JumpableRandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  /** A uniform number in [0, 1). */
  float(): number {
    return (this.generator.next() >>> 0) / TWO_TO_32;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  pickWeighted<T>({ items, cumulative, total }: Weighted<T>): T {
    const target = this.float() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return items[low]!;
  }

  /** A version 4 UUID drawn from this generator, so that ids are as repeatable as the rest. */
  uuid(): string {
    const a = this.generator.next();
    const b = this.generator.next();
    const c = this.generator.next();
    const d = this.generator.next();
    return (
      hex16(a >>> 16) + hex16(a) + '-' + hex16(b >>> 16) + '-' + hex16((b & 0x0fff) | 0x4000) + '-' +
      hex16((c >>> 16 & 0x3fff) | 0x8000) + '-' + hex16(c) + hex16(d >>> 16) + hex16(d)
    );
  }
}
