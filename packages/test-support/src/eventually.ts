/**
 * Options of {@link eventually}.
 *
 * @public
 */
export interface EventuallyOptions {
  /** How long to keep trying, in ms (default 90,000: a backend's scheduled work on a busy machine). */
  timeoutMs?: number;
  /** Pause between tries, in ms (default 250). */
  intervalMs?: number;
}

/**
 * Calls `probe` until `accept` takes its value, and returns that value: for what a running
 * backend does on its own schedule (ingestion, processing, notifications). Fails with the last
 * value seen when the time is up.
 *
 * @param probe - reads the current state
 * @param accept - whether the state is the one waited for
 * @param options - timeout and pause
 * @returns the accepted value
 * @public
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeoutMs = 90_000, intervalMs = 250 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(
          value,
        )}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
