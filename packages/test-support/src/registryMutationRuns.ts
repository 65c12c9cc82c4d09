import {
  describeFailure,
  mutateRegistry,
  mutationRandom,
  RegistryMutation,
} from './registryFuzz';

/** One iteration of a mutation fuzz test of a registry (see {@link registryMutationRuns}). */
export interface RegistryMutationRun {
  /** The iteration, which `FUZZ_ONLY` runs again. */
  iteration: number;
  /** The edit of one file. */
  mutation: RegistryMutation;
  /** The registry's files, the mutated one in its place. */
  inputs: Array<{ path: string; text: string }>;
  /** Records a problem of this iteration, named with its seed, iteration and mutation. */
  fail(problem: string): void;
}

/**
 * The iterations of a seeded mutation fuzz test of a registry: each mutates one file of `files`
 * (see `mutateRegistry`) with the seed's draws for that iteration. All of `settings.iterations`,
 * or only `settings.only` when a failure is replayed (`FUZZ_ONLY`; see `fuzzSettings`).
 *
 * @param files - the registry as given
 * @param ids - its service ids, which mutations may use
 * @param settings - what `fuzzSettings` gives
 * @param problems - where `fail` records the problems found
 */
export function* registryMutationRuns(
  files: ReadonlyArray<{ path: string; text: string }>,
  ids: readonly string[],
  settings: { seed: number; iterations: number; only: number | undefined },
  problems: string[],
): Generator<RegistryMutationRun> {
  const first = settings.only ?? 0;
  const last = settings.only ?? settings.iterations - 1;
  for (let iteration = first; iteration <= last; iteration++) {
    const mutation = mutateRegistry(
      files,
      iteration,
      mutationRandom(settings.seed, iteration),
      ids,
    );
    yield {
      iteration,
      mutation,
      inputs: files.map(f =>
        f.path === mutation.file ? { path: f.path, text: mutation.text } : f,
      ),
      fail: problem =>
        problems.push(
          describeFailure(settings.seed, iteration, mutation, problem),
        ),
    };
  }
}
