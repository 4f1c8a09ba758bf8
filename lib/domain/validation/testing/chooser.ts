/**
 * The choice stream that drives generation: fast-check shrinks an array of numbers, and every
 * generator decision reads the next one, so shrinking towards zeros gives simpler inputs.
 */
import fc from "fast-check";

/**
 * Turns a shrinkable array of numbers into choices; past the end of the array a PRNG seeded by
 * `seed` takes over, so pipelines never degenerate when the array is short. Zeros choose the
 * simplest option everywhere (first item, `false`, minimum count).
 */
export class Chooser {
  private index = 0;
  private state: number;

  constructor(
    private readonly stream: readonly number[],
    private readonly seed: number,
  ) {
    this.state = seed >>> 0;
  }

  /** fast-check may hand the same value to several runs (shrinking): each gets a fresh copy. */
  [fc.cloneMethod](): Chooser {
    return new Chooser(this.stream, this.seed);
  }

  next(): number {
    if (this.index < this.stream.length) return this.stream[this.index++]!;
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0x7fffffff;
  }

  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + (this.next() % (max - min + 1));
  }

  /** True with probability p; a zero draw is always false. */
  bool(p = 0.5): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() % 1000 >= Math.round((1 - p) * 1000);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(0, items.length - 1)]!;
  }

  /** Up to `max` distinct items (at least `min` when there are enough). */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const pool = [...items];
    const count = Math.min(pool.length, this.int(min, max));
    const out: T[] = [];
    for (let i = 0; i < count; i++) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0]!);
    return out;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** The arbitrary of choosers: a shrinkable prefix plus a PRNG seed for the tail. */
export function arbitraryChooser(): fc.Arbitrary<Chooser> {
  return fc
    .tuple(fc.array(fc.noBias(fc.nat()), { maxLength: 300, size: "max" }), fc.noBias(fc.integer()))
    .map(([stream, seed]) => new Chooser(stream, seed));
}
