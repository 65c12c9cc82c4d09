/**
 * How a seeded fuzz test runs: its seed, how many iterations, and the one iteration to run again
 * when a failure is replayed. The environment overrides the test's defaults: `FUZZ_SEED=<seed>
 * FUZZ_ONLY=<k>` runs iteration `k` of that seed again (what a failure names), and
 * `FUZZ_ITERATIONS` runs more (or fewer) iterations.
 *
 * @param defaults - the test's own seed and number of iterations
 */
export function fuzzSettings(defaults: { seed: number; iterations: number }): {
  seed: number;
  iterations: number;
  only: number | undefined;
} {
  const { FUZZ_SEED, FUZZ_ITERATIONS, FUZZ_ONLY } = process.env;
  return {
    seed: Number(FUZZ_SEED ?? defaults.seed),
    iterations: Number(FUZZ_ITERATIONS ?? defaults.iterations),
    only: FUZZ_ONLY === undefined ? undefined : Number(FUZZ_ONLY),
  };
}
