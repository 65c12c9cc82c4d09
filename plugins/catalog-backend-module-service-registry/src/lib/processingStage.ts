/**
 * What a run was doing with the registry when the code threw: a defect (of the loader, the
 * validation, the mapping), not a property of the registry, which every stage reports as
 * findings instead.
 */
export type ProcessingStageName = 'loaded' | 'checked' | 'validated' | 'mapped';

/**
 * An error thrown by the provider's own processing of a registry (loading, mapping, checking,
 * validating), as opposed to reading the source or writing to the catalog: the provider ends such
 * a run without applying anything, keeps what the catalog holds and says why on its status
 * Resource, rather than failing the scheduled task with nothing shown in the catalog.
 */
export class RegistryProcessingError extends Error {
  readonly stage: ProcessingStageName;

  constructor(stage: ProcessingStageName, cause: unknown) {
    const reason =
      cause instanceof Error
        ? `${cause.name}: ${cause.message}`
        : String(cause);
    // the first line only: a stack overflow's message is one line, another error's may be long
    super(`the registry could not be ${stage} (${reason.split('\n')[0]})`);
    this.name = 'RegistryProcessingError';
    this.stage = stage;
    this.cause = cause;
  }
}

/**
 * Runs one stage of the processing of a registry: what it throws (or, for a promise, rejects
 * with) becomes a {@link RegistryProcessingError} naming the stage.
 *
 * @param stage - what the stage does to the registry
 * @param run - the stage
 */
export function processingStage<T>(
  stage: ProcessingStageName,
  run: () => T,
): T {
  const wrap = (error: unknown) =>
    error instanceof RegistryProcessingError
      ? error
      : new RegistryProcessingError(stage, error);
  try {
    const result = run();
    // an asynchronous stage (checkEntities) rejects rather than throws
    return result instanceof Promise
      ? (result.catch(error => {
          throw wrap(error);
        }) as T)
      : result;
  } catch (error) {
    throw wrap(error);
  }
}
