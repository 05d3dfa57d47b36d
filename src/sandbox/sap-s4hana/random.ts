/**
 * Seeded randomness that needs no state: every generated record draws from a generator made
 * from (seed, stream, index), so record i is the same whether it is the first or the
 * millionth asked for, and nothing has to be kept in memory.
 */

/** A 32-bit hash of integers (murmur3's finaliser over a running mix). */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32 seeded from (seed, stream, index); a class, so making one per record is cheap. */
export class Random {
  private a: number;

  constructor(seed: number, stream: number, index: number) {
    this.a = mix(seed, stream, index);
  }

  /** A float in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export function random(seed: number, stream: number, index: number): Random {
  return new Random(seed, stream, index);
}

/** Streams: one per kind of record, so adding one kind never shifts another's data. */
export const STREAM = { supplier: 1, order: 2, item: 3 } as const;
