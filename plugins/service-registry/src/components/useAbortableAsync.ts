import { DependencyList, useEffect, useRef } from 'react';
import useAsyncRetry, { AsyncStateRetry } from 'react-use/esm/useAsyncRetry';

/**
 * `useAsyncRetry` of react-use for calls of the service-registry client that can be cancelled:
 * `fn` gets an `AbortSignal` to pass on (`api.getX(…, { signal })`), aborted when the component
 * unmounts, when `deps` change (the next call starts) or on `retry()`. An aborted call's
 * rejection never reaches the state: the client stops its requests and its waits between the
 * retries of a 503, and the component shows only the answer of the latest call.
 *
 * @param fn - the call, given the signal of this run
 * @param deps - what the call depends on, as for `useAsync`
 */
export function useAbortableAsync<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): AsyncStateRetry<T> {
  const running = useRef<AbortController>();
  useEffect(() => () => running.current?.abort(), []);
  return useAsyncRetry(() => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    return fn(controller.signal);
  }, deps);
}
