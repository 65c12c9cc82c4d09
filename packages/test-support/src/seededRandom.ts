/**
 * A small deterministic random source (mulberry32): numbers in [0, 1) that repeat for the same
 * seed, so that randomised tests and synthetic benchmark data reproduce.
 *
 * @param seed - any 32-bit integer
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
