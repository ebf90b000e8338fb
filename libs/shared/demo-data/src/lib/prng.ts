// Bound once: inside Jest's vm context every `Math.x` lookup goes through the sandbox's global
// interceptor, which made the generator some 30 times slower there.
const { floor, imul } = Math;

/**
 * mulberry32: tiny, fast and good enough for demo data. Seeded so the same options give the same
 * city on every machine; Math.random would make fixtures and benchmarks unrepeatable.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)];
  }

  /** Index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) {
      total += weight;
    }
    let remaining = this.next() * total;
    for (let index = 0; index < weights.length; index += 1) {
      remaining -= weights[index];
      if (remaining < 0) {
        return index;
      }
    }
    return weights.length - 1;
  }

  shuffle<T>(items: T[]): T[] {
    for (let index = items.length - 1; index > 0; index -= 1) {
      const other = floor(this.next() * (index + 1));
      const swap = items[index];
      items[index] = items[other];
      items[other] = swap;
    }
    return items;
  }

  /** A child generator, so adding draws in one phase does not reshuffle every later phase. */
  fork(salt: number): Prng {
    return new Prng(imul(this.state ^ salt, 0x9e3779b1) ^ (salt >>> 0));
  }
}
