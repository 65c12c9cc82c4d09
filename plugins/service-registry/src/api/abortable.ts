/**
 * The error a request rejects with once its signal is aborted: the signal's reason when it has
 * one (a `DOMException` named `AbortError` for a plain `abort()`), as `fetch` rejects.
 */
export function abortError(signal: AbortSignal): unknown {
  return (
    signal.reason ??
    new DOMException('The service-registry request was aborted', 'AbortError')
  );
}

/** Rejects with {@link abortError} when the signal is aborted already. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/**
 * Resolves after `ms` milliseconds, or rejects with {@link abortError} as soon as the signal is
 * aborted (the timer cleared).
 */
export function abortableDelay(
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
