import { getHeapStatistics } from 'node:v8';
import { gc } from './gc';
import { Contender } from './steadyState';

/** The heap in use after full collections (three: objects with finalizers take more than one). */
function heapAfterCollections(): number {
  gc();
  gc();
  gc();
  return getHeapStatistics().used_heap_size;
}

/**
 * The bytes of heap that the result of one run of a contender keeps alive: the heap in use while
 * the result is kept, less the heap once it is dropped (after a first run, so that what the
 * contender caches for every run is not counted).
 */
export function retainedBytes(contender: Contender): number {
  contender.run();
  const kept: unknown[] = [contender.run()];
  const withResult = heapAfterCollections();
  kept.length = 0;
  return withResult - heapAfterCollections();
}
