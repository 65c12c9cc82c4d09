import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '@backstage/errors';

/**
 * The absolute directory that a registry target other than a URL names: a path (relative to the
 * backend's working directory, or absolute), `file:<path>` as Backstage's file locations write
 * it, or a `file://` URL of this host (percent-encoding decoded).
 *
 * @throws InputError for a `file://` URL of another host.
 */
export function directoryOfTarget(target: string): string {
  if (/^file:\/\//i.test(target)) {
    try {
      return fileURLToPath(target);
    } catch (error) {
      throw new InputError(
        `"${target}" is not a file URL of this host (${
          (error as Error).message
        }): write the directory as a path, e.g. file:/srv/registry or /srv/registry.`,
      );
    }
  }
  return path.resolve(target.replace(/^file:/i, ''));
}
