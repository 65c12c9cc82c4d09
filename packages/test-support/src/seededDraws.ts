import { seededRandom } from './seededRandom';

/** Draws from a seeded random source, as generated tests use them. */
export interface SeededDraws {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, below). */
  int(below: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One of the values, each as likely. */
  pick<T>(values: readonly T[]): T;
}

/**
 * Integers, coin tosses and picks from `seededRandom(seed)`: the same seed gives the same draws,
 * so that a generated test case reproduces from its seed.
 *
 * @param seed - any 32-bit integer
 */
export function seededDraws(seed: number): SeededDraws {
  const next = seededRandom(seed);
  return {
    next,
    int: below => Math.floor(next() * below),
    chance: p => next() < p,
    pick: values => values[Math.floor(next() * values.length)],
  };
}
