import path from 'node:path';

/**
 * The mapping options of the benchmarks: the provider's defaults for a registry in the local
 * directory `dir` (owner groups on, globals in the `shared` system).
 *
 * @param dir - the registry's directory
 */
export function benchMapOptions(dir: string) {
  return {
    providerId: 'default',
    rootLocation: `file:${dir}`,
    fileLocation: (file: string) => ({
      location: `file:${path.join(dir, file)}`,
    }),
    sharedSystem: 'shared',
    defaultOwner: 'unknown',
    ownerGroups: true,
  };
}
