import { realpathSync } from 'node:fs';
import path from 'node:path';
import { Config } from '@backstage/config';

/** The settings of the service-registry actions (`scaffolder.serviceRegistry`). */
export interface ServiceRegistryActionsConfig {
  /** Registry location used when a template gives none. */
  registryUrl?: string;
  /** Real paths of the local repositories the actions may clone and push to. */
  localRepositories: string[];
}

/** Resolves a path (relative to the working directory) to its real path, if it exists. */
export function realPath(target: string): string {
  const absolute = path.resolve(target);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/**
 * Reads `scaffolder.serviceRegistry` (see config.d.ts). Local repository paths are resolved
 * against the backend's working directory.
 */
export function readServiceRegistryActionsConfig(
  config: Config,
): ServiceRegistryActionsConfig {
  const section = config.getOptionalConfig('scaffolder.serviceRegistry');
  return {
    registryUrl: section?.getOptionalString('registryUrl') || undefined,
    localRepositories: (
      section?.getOptionalStringArray('localRepositories') ?? []
    ).map(realPath),
  };
}
