import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  isTomlFileName,
  RegistryFileInput,
  RegistryReadOptions,
  tooLargeRegistryFile,
} from '@service-registry/plugin-service-registry-common';
import { decodeRegistryFile } from './decodeRegistryFile';
import { maxFileBytesOption } from './maxFileBytesOption';

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
    isTomlFileName(filePath) &&
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

/** A tree path as a registry path: forward slashes, no leading slash. */
function registryPath(filePath: string): string {
  return filePath.replace(/\\/g, '/').replace(/^\/+/, '');
}

/**
 * Reads every `*.toml` file of a registry at a URL location (a git repository folder on
 * GitHub, GitLab, ... as configured in the integrations) through Backstage's URL reader.
 * Dot-folders and `node_modules` are skipped; paths are relative to the URL, sorted. A file
 * larger than `options.maxFileBytes` (16 MiB by default) is marked `tooLarge` for the loader to
 * report and ignore: with the readers that give each file's size to the tree's filter (those of
 * git hosts, which read an archive) it is left out of the tree unread; with the others (object
 * storage) it is read, then dropped. A location without a single file (a folder path or branch
 * the repository does not have: git keeps no empty folder) is a `NotFoundError`, not an empty
 * registry.
 *
 * @param reader - Backstage's URL reader
 * @param url - the registry root, e.g. `https://github.com/acme/registry/tree/main/`
 * @param options - `etag` of a previous read, to get `{ notModified: true }` when unchanged;
 *   `maxFileBytes`, the size above which a file is not read
 * @public
 */
export async function readRegistryFromUrl(
  reader: UrlReaderService,
  url: string,
  options: { etag?: string } & RegistryReadOptions = {},
): Promise<ReadRegistryFromUrlResult> {
  const limit = maxFileBytesOption(options);
  // the files the filter left out for their size: an archive reader buffers what it keeps
  const tooLarge = new Map<string, number>();
  // every file of the tree the filter was asked about, the registry's or not
  let seen = 0;
  let tree;
  try {
    tree = await reader.readTree(url, {
      etag: options.etag,
      filter: (filePath, info) => {
        seen++;
        const normalized = registryPath(filePath);
        if (!isRegistryFile(normalized)) return false;
        if (info && info.size > limit) {
          tooLarge.set(normalized, info.size);
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    if (isNotModified(error)) return { notModified: true };
    throw error;
  }
  const files: RegistryFileInput[] = [];
  const treeFiles = await tree.files();
  if (seen === 0 && treeFiles.length === 0) {
    // git keeps no empty folder: the git hosts' readers answer a path (or a branch) without the
    // folder with an empty archive, which would read as an empty, valid registry
    throw new NotFoundError(
      `No file found at ${url}: the repository has no such folder at that branch (git keeps no empty folder). Check the folder's path and the branch in the URL.`,
    );
  }
  for (const file of treeFiles) {
    const filePath = registryPath(file.path);
    if (!isRegistryFile(filePath)) continue;
    const bytes = await file.content();
    files.push(
      bytes.length > limit
        ? tooLargeRegistryFile(filePath, bytes.length, limit)
        : decodeRegistryFile(filePath, bytes),
    );
  }
  for (const [filePath, size] of tooLarge) {
    files.push(tooLargeRegistryFile(filePath, size, limit));
  }
  files.sort((a, b) => (a.path < b.path ? -1 : Number(a.path > b.path)));
  return { files, etag: tree.etag };
}
