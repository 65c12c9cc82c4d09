import fs from 'node:fs';
import path from 'node:path';
import { loadRegistry } from '../../load/buildRegistry';
import { LoadedRegistry, RegistryFileInput } from '../../model/types';

/** The demo registry of the monorepo (`examples/registry`). */
export const DEMO_ROOT = path.resolve(
  __dirname,
  '../../../../../examples/registry',
);

function readTomlFiles(dir: string, relative = ''): RegistryFileInput[] {
  return fs
    .readdirSync(path.join(dir, relative), { withFileTypes: true })
    .flatMap(entry => {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return readTomlFiles(dir, child);
      if (!entry.name.endsWith('.toml')) return [];
      return [
        { path: child, text: fs.readFileSync(path.join(dir, child), 'utf8') },
      ];
    });
}

/** Test helper: loads the demo registry (fs is fine in tests). */
export function loadDemoRegistry(): LoadedRegistry {
  return loadRegistry(readTomlFiles(DEMO_ROOT));
}
