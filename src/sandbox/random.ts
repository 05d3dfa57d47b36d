/**
 * The seeded PRNG every simulator (and the cXML test generator) draws its data from, so the same
 * seed gives the same records on every start and every machine, and nothing reads the clock or
 * Math.random. The generator is mulberry32 (32-bit state, fast, good enough for demo data); each
 * helper consumes draws in a fixed way, so a seed's sequence never depends on who asks.
 *
 * @example
 * const rnd = new Random(42);
 * const lines = rnd.int(1, 5);                  // 1..5 inclusive
 * const currency = rnd.pick(['EUR', 'USD']);
 * const id = rnd.hex(24);                       // 24 lower-case hex digits
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1): one mulberry32 step. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One item of a non-empty list (throws on an empty one rather than answer undefined). */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `length` lower-case hex digits, one draw each. */
  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += this.int(0, 15).toString(16);
    return out;
  }
}
