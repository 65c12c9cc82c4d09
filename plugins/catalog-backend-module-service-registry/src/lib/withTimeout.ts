/** A duration for messages: `2 s`, `1500 ms`. */
export function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Thrown by {@link withTimeout} when the work did not settle in time. */
export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${formatDuration(ms)}`);
    this.name = 'TimeoutError';
  }
}

/**
 * The work's result, or a {@link TimeoutError} when it has not settled after `ms`. The work is
 * not cancelled (a reader without a timeout of its own may never answer): it is only no longer
 * waited for, so that the caller can report the source as unreachable and run again.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    // a late failure of the work is not an unhandled rejection
    work.catch(() => undefined);
  }
}
