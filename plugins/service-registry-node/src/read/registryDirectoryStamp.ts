import { promises as fs } from 'node:fs';
import { walkRegistryDirectory } from './walkRegistryDirectory';

/**
 * What a registry directory looks like to the file system, without reading its files: the same
 * stamp twice means the same `*.toml` files, none written in between (as far as the file
 * system's timestamps can tell, see {@link RegistryDirectoryStamp.latestChangeMs}).
 *
 * @public
 */
export interface RegistryDirectoryStamp {
  /**
   * One line per registry file: its relative path, device, inode, size, and modification and
   * change times in nanoseconds. A write changes the change time even when it keeps the size
   * and sets the modification time back; a rename, an added or removed file, a link pointed
   * elsewhere change the lines.
   */
  readonly key: string;
  /** The latest modification or change time of any of the files, in ms since the epoch. */
  readonly latestChangeMs: number;
}

/**
 * The stamp of a registry directory (see {@link RegistryDirectoryStamp}): the files
 * `readRegistryDirectory` would read, found the same way (links outside the root and broken
 * links refused alike), each only looked at with `stat`.
 *
 * @param dir - the registry root
 * @public
 */
export async function registryDirectoryStamp(
  dir: string,
): Promise<RegistryDirectoryStamp> {
  const lines: string[] = [];
  let latest = 0n;
  for (const { relative, target } of await walkRegistryDirectory(dir)) {
    const stat = await fs.stat(target, { bigint: true });
    const changed = stat.ctimeNs > stat.mtimeNs ? stat.ctimeNs : stat.mtimeNs;
    if (changed > latest) latest = changed;
    lines.push(
      `${JSON.stringify(relative)} ${stat.dev} ${stat.ino} ${stat.size} ${
        stat.mtimeNs
      } ${stat.ctimeNs}`,
    );
  }
  return {
    key: lines.sort().join('\n'),
    latestChangeMs: Number(latest / 1_000_000n),
  };
}
