import { promises as fs } from 'node:fs';
import {
  RegistryFileInput,
  RegistryReadOptions,
  tooLargeRegistryFile,
} from '@service-registry/plugin-service-registry-common';
import { decodeRegistryFile } from './decodeRegistryFile';
import { maxFileBytesOption } from './maxFileBytesOption';
import { walkRegistryDirectory } from './walkRegistryDirectory';

/**
 * Reads one registry file, or only its size when it is above `limit` (the file is opened once:
 * its size is the size of what is read).
 */
async function readRegistryFile(
  relative: string,
  target: string,
  limit: number,
): Promise<RegistryFileInput> {
  const handle = await fs.open(target, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) return tooLargeRegistryFile(relative, size, limit);
    const bytes = await handle.readFile();
    // grown since, while it was being written
    if (bytes.length > limit) {
      return tooLargeRegistryFile(relative, bytes.length, limit);
    }
    return decodeRegistryFile(relative, bytes);
  } finally {
    await handle.close();
  }
}

/**
 * Reads every `*.toml` file below a registry root, as inputs for `loadRegistry`. Paths are
 * relative to the root with forward slashes, sorted. Dot-folders and `node_modules` are skipped;
 * symbolic links are followed only when they stay inside the root (others are refused with an
 * `InputError` naming the link, as is a broken link to a `*.toml` file or to what may be a
 * folder: reading on without it would silently drop the services it holds, and as is a folder or
 * `*.toml` file whose name is not UTF-8). A file larger than `options.maxFileBytes` (16 MiB by
 * default) is not read: it is marked `tooLarge`, and the loader reports it and ignores it.
 *
 * @param dir - the registry root
 * @param options - `maxFileBytes`, the size above which a file is not read
 * @public
 */
export async function readRegistryDirectory(
  dir: string,
  options: RegistryReadOptions = {},
): Promise<RegistryFileInput[]> {
  const limit = maxFileBytesOption(options);
  const files: RegistryFileInput[] = [];
  // one file at a time: a registry of many files must not open them all at once
  for (const { relative, target } of await walkRegistryDirectory(dir)) {
    files.push(await readRegistryFile(relative, target, limit));
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : Number(a.path > b.path)));
}
