/**
 * Seeded randomness that needs no state: every generated record draws from a generator made
 * from (seed, stream, index), so record i is the same whether it is the first or the
 * millionth asked for, and nothing has to be kept in memory.
 */
import { Random } from '../random.js';

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

/** The shared generator seeded from (seed, stream, index); cheap enough to make one per record. */
export function random(seed: number, stream: number, index: number): Random {
  return new Random(mix(seed, stream, index));
}

/** Streams: one per kind of record, so adding one kind never shifts another's data. */
export const STREAM = { supplier: 1, order: 2, item: 3 } as const;
