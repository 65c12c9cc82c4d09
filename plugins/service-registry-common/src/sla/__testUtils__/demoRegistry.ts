import path from 'node:path';
import { readTomlFiles } from '@service-registry/test-support';
import { loadRegistry } from '../../load/buildRegistry';
import { LoadedRegistry } from '../../model/types';

/** The demo registry of the monorepo (`examples/registry`). */
export const DEMO_ROOT = path.resolve(
  __dirname,
  '../../../../../examples/registry',
);

/** Test helper: loads the demo registry (fs is fine in tests). */
export function loadDemoRegistry(): LoadedRegistry {
  return loadRegistry(readTomlFiles(DEMO_ROOT));
}
