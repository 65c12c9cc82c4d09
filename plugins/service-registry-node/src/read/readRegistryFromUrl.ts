import { UrlReaderService } from '@backstage/backend-plugin-api';
import { RegistryFileInput } from '@service-registry/plugin-service-registry-common';
import { decodeRegistryFile } from './decodeRegistryFile';

/**
 * Outcome of {@link readRegistryFromUrl}: the files and the tree's etag, or "not modified"
 * when the given etag still matches.
 *
 * @public
 */
export type ReadRegistryFromUrlResult =
  | { files: RegistryFileInput[]; etag: string }
  | { notModified: true };

function isRegistryFile(filePath: string): boolean {
  const parts = filePath.split('/');
  return (
    filePath.endsWith('.toml') &&
    !parts.some(part => part.startsWith('.') || part === 'node_modules')
  );
}

function isNotModified(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'NotModifiedError'
  );
}

/**
 * Reads every `*.toml` file of a registry at a URL location (a git repository folder on
 * GitHub, GitLab, ... as configured in the integrations) through Backstage's URL reader.
 * Dot-folders and `node_modules` are skipped; paths are relative to the URL, sorted.
 *
 * @param reader - Backstage's URL reader
 * @param url - the registry root, e.g. `https://github.com/acme/registry/tree/main/`
 * @param options - `etag` of a previous read, to get `{ notModified: true }` when unchanged
 * @public
 */
export async function readRegistryFromUrl(
  reader: UrlReaderService,
  url: string,
  options: { etag?: string } = {},
): Promise<ReadRegistryFromUrlResult> {
  let tree;
  try {
    tree = await reader.readTree(url, {
      etag: options.etag,
      filter: filePath => isRegistryFile(filePath.replace(/\\/g, '/')),
    });
  } catch (error) {
    if (isNotModified(error)) return { notModified: true };
    throw error;
  }
  const files: RegistryFileInput[] = [];
  for (const file of await tree.files()) {
    const filePath = file.path.replace(/\\/g, '/').replace(/^\/+/, '');
    if (!isRegistryFile(filePath)) continue;
    files.push(decodeRegistryFile(filePath, await file.content()));
  }
  files.sort((a, b) => (a.path < b.path ? -1 : Number(a.path > b.path)));
  return { files, etag: tree.etag };
}
