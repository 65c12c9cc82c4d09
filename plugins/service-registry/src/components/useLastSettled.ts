import { useRef } from 'react';

/**
 * The value as it was the last time it was settled: while `pending`, the value of the last render
 * that was not pending (undefined if there was none); otherwise the value itself. A view that
 * waits for a new answer keeps showing what it showed, instead of emptying or unmounting.
 *
 * @param value - the value computed for this render
 * @param pending - whether the value waits for an answer and is not to be shown yet
 */
export function useLastSettled<T>(value: T, pending: boolean): T | undefined {
  const settled = useRef<{ value: T } | undefined>(undefined);
  if (!pending) settled.current = { value };
  return settled.current?.value;
}
