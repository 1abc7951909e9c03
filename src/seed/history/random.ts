import { fnv1a, mulberry32 } from "../../modules/regions/geometry/prng.js";

/** A distribution over items given by relative weights; drawing is a binary search over the sums. */
export class Weighted<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];

  constructor(entries: Iterable<readonly [T, number]>) {
    let total = 0;
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
    if (this.items.length === 0) throw new Error("a weighted choice needs at least one positive weight");
  }

  get total(): number {
    return this.cumulative[this.cumulative.length - 1];
  }

  /** The item at `u` ∈ [0, 1) of the way through the weights. */
  at(u: number): T {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/**
 * Seeded randomness for the demo history (mulberry32): the same seed gives the same year. `fork`
 * derives an independent stream per concern, so drawing one more caller does not shift every
 * deadline after it.
 */
export class Random {
  private readonly next: () => number;

  constructor(private readonly seed: number) {
    this.next = mulberry32(seed);
  }

  fork(label: string): Random {
    return new Random((this.seed ^ fnv1a(label)) >>> 0);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  draw<T>(distribution: Weighted<T>): T {
    return distribution.at(this.next());
  }
}
