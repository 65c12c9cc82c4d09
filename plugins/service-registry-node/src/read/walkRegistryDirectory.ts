import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import {
  isRegistryLayoutFolder,
  isTomlFileName,
} from '@service-registry/plugin-service-registry-common';

/**
 * Whether a directory entry name is skipped while walking a registry: dot-folders (`.git`,
 * `.github`) and `node_modules`.
 */
function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Whether an entry name may hold registry content: a `*.toml` file, or a folder (a name without
 * an extension). A link named otherwise (a README, an image) is ignored like the file.
 */
function mayBeRegistryEntry(name: string): boolean {
  return isTomlFileName(name) || !name.includes('.');
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  // `..x` is a folder of the root; only `..` itself, or a path through it, leaves the root
  return (
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/** What a special file is, for messages: `a named pipe (FIFO)`. */
async function specialFileKind(target: string): Promise<string> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isFIFO()) return 'a named pipe (FIFO)';
  if (stat?.isSocket()) return 'a socket';
  if (stat?.isCharacterDevice() || stat?.isBlockDevice()) return 'a device';
  return 'something other than a file';
}

/** One registry file found by {@link walkRegistryDirectory}. */
export interface RegistryDirectoryFile {
  /** The path relative to the registry root, with forward slashes. */
  relative: string;
  /** The file's real path (a link followed). */
  target: string;
}

/**
 * Every `*.toml` file below a registry root, in the order the folders list them. Dot-folders and
 * `node_modules` are skipped; symbolic links are followed only when they stay inside the root
 * (others are refused with an `InputError` naming the link, as is a broken link named `*.toml` or
 * where the layout has a folder (`projects/<project>`, `services`; see `isRegistryLayoutFolder`),
 * and a `*.toml` entry that is not a regular file (a named pipe, a socket, a device): reading on
 * without it would silently drop the services it holds). A link not named `*.toml` that leads to no
 * folder (a file, nothing) is ignored wherever it points, like a file of that name. A folder linked
 * from two places is walked under both names, as a checkout shows it; a link back to a folder being
 * walked is not followed again.
 *
 * @param dir - the registry root
 */
export async function walkRegistryDirectory(
  dir: string,
): Promise<RegistryDirectoryFile[]> {
  const root = await fs.realpath(path.resolve(dir));
  const files: RegistryDirectoryFile[] = [];

  /** Walks a folder; `above` holds the real paths of the folders being walked around it. */
  const walk = async (
    realDir: string,
    relative: string[],
    above: ReadonlySet<string>,
  ): Promise<void> => {
    const entries = await fs.readdir(realDir, { withFileTypes: true });
    for (const entry of entries) {
      const entryPath = path.join(realDir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let target = entryPath;
      if (entry.isSymbolicLink()) {
        // a link to what the walk never reads (a README, an editor's settings, node_modules)
        // is ignored like that file, wherever it points
        if (isSkippedFolder(entry.name) || !mayBeRegistryEntry(entry.name)) {
          continue;
        }
        const name = [...relative, entry.name].join('/');
        target = await fs.realpath(entryPath).catch(() => '');
        // a link without the extension that leads to no folder (`LICENSE -> ../LICENSE`, a
        // broken `run`) is never read, wherever it points: ignored like a file of that name,
        // except a broken one where the layout has a folder (it would drop a project's services)
        if (
          !isTomlFileName(entry.name) &&
          !(target === '' && isRegistryLayoutFolder(name)) &&
          !(
            target &&
            (await fs.stat(target).catch(() => undefined))?.isDirectory()
          )
        ) {
          continue;
        }
        if (!target) {
          // a broken link to a registry file or a folder of the layout would drop its services
          // silently
          const points = await fs.readlink(entryPath).catch(() => '?');
          throw new InputError(
            `Refusing to read ${name}: it is a symbolic link to ${points}, which does not exist. Fix or remove the link; the registry is not read until then.`,
          );
        }
        if (!isInside(root, target)) {
          throw new InputError(
            `Refusing to read ${name}: it is a symbolic link to ${target}, outside the registry root ${root}. Replace the link with the file itself.`,
          );
        }
        const stat = await fs.stat(target);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      }
      if (isDir) {
        if (isSkippedFolder(entry.name) || above.has(target)) continue;
        await walk(
          target,
          [...relative, entry.name],
          new Set([...above, target]),
        );
      } else if (isTomlFileName(entry.name)) {
        const name = [...relative, entry.name].join('/');
        if (!isFile) {
          // a FIFO, a socket or a device: reading on without it would drop its services silently
          throw new InputError(
            `Refusing to read ${name}: it is ${await specialFileKind(
              target,
            )}, not a regular file. Replace it with the file itself; the registry is not read until then.`,
          );
        }
        files.push({ relative: name, target });
      }
    }
  };

  await walk(root, [], new Set([root]));
  return files;
}
