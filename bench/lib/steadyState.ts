import { performance } from 'node:perf_hooks';
import { gc } from './gc';

/** Something timed by {@link timeInSteadyState}. */
export interface Contender {
  /** Its label, the key of its samples. */
  label: string;
  /** One run; what it returns is kept until its next run, as a caller of it would keep it. */
  run: () => unknown;
}

/**
 * Times contenders in their own steady state: in each round, every contender runs in a block of
 * consecutive runs (the first one untimed), and the result of a run is kept until the next run
 * of the same contender. So each timed run pays for the collections that its own garbage makes
 * necessary (the previous run's result included), and for none of another contender's; rounds
 * alternate the contenders, so the machine's drift spreads over all of them.
 *
 * Interleaving single runs instead lets the collection of one contender's garbage land in the
 * next contender's time: a bare parse timed right after a load that keeps 30 MB was measured 1.5
 * to 2.5 times slower than on its own. Starting every run from a fully collected heap is unfair
 * the other way: V8 shrinks the heap after a full collection, and a run that keeps a lot then
 * pays for growing it again.
 *
 * Run it with the young generation pinned to V8's default maximum (`node --min-semi-space-size=16
 * --max-semi-space-size=16`, as the package scripts do): V8 otherwise resizes it as it goes, by
 * what survived recent collections, so the same code was timed with 11 ms of collections in one
 * process and 45 ms in the next, and ratios moved by 0.4x between processes. A busy backend runs
 * at that maximum.
 *
 * @returns the start and end (`performance.now()`) of each timed run, by label
 */
export function timeInSteadyState(
  contenders: Contender[],
  options: { rounds: number; perBlock: number },
): Map<string, Array<[number, number]>> {
  const samples = new Map<string, Array<[number, number]>>(
    contenders.map(c => [c.label, []]),
  );
  for (let round = 0; round < options.rounds; round++) {
    for (const contender of contenders) {
      gc();
      const kept: unknown[] = [contender.run()];
      for (let i = 0; i < options.perBlock; i++) {
        const start = performance.now();
        const result = contender.run();
        samples.get(contender.label)!.push([start, performance.now()]);
        kept[0] = result;
      }
      // dropped before the next contender's block
      kept.length = 0;
    }
  }
  return samples;
}

/** The durations of timed runs (ms). */
export function durations(spans: Array<[number, number]>): number[] {
  return spans.map(([start, end]) => end - start);
}
