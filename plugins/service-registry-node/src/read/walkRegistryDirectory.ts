import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import {
  escapeControlCharacters,
  isRegistryLayoutFolder,
  isTomlFileName,
} from '@service-registry/plugin-service-registry-common';
import { firstInvalidUtf8 } from './decodeRegistryFile';

/**
 * Whether a directory entry name is skipped while walking a registry: dot-folders (`.git`,
 * `.github`) and `node_modules`.
 */
function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Whether an entry name may hold registry content by its name alone: a `*.toml` file, or a folder
 * (a name without an extension). Asked of names that cannot be opened (not UTF-8) and of broken
 * links, whose target cannot tell: one named otherwise (a README, an image) is ignored like the
 * file.
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

/**
 * A path as a message shows it: control and bidirectional characters (a folder name may hold any,
 * line breaks included) as escapes, so that a message is one line, read in the order written.
 */
function shown(text: string): string {
  return escapeControlCharacters(text, { lineBreaks: true });
}

/** What a special file is, for messages: `a named pipe (FIFO)`. */
async function specialFileKind(target: string): Promise<string> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isFIFO()) return 'a named pipe (FIFO)';
  if (stat?.isSocket()) return 'a socket';
  if (stat?.isCharacterDevice() || stat?.isBlockDevice()) return 'a device';
  return 'something other than a file';
}

/**
 * The entries of a folder whose names are not UTF-8, by the name `readdir` gives them (their
 * bytes decoded with U+FFFD in place of the bad ones, a name no file has), each with its first
 * byte that is not UTF-8. Only asked about a folder with a U+FFFD in some name.
 */
async function namesNotUtf8(realDir: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const name of await fs.readdir(realDir, { encoding: 'buffer' })) {
    const bad = firstInvalidUtf8(name);
    if (bad >= 0) found.set(name.toString('utf8'), name[bad]);
  }
  return found;
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
 * walked is not followed again. A folder, link or `*.toml` file whose name is not UTF-8 (a copy
 * from a system using Latin-1) cannot be opened by the name it is read with: it is refused with an
 * `InputError` naming it; other files of such names are ignored.
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
    // names that are not UTF-8 reach here with U+FFFD in place of their bad bytes: no file has
    // that name, so such an entry cannot be opened (looked for only when a name has a U+FFFD)
    const notUtf8 = entries.some(entry => entry.name.includes('\ufffd'))
      ? await namesNotUtf8(realDir)
      : undefined;
    for (const entry of entries) {
      const badByte = notUtf8?.get(entry.name);
      if (badByte !== undefined) {
        // a name the walk never reads (a README, a link named like one) is ignored
        const mayHold =
          entry.isDirectory() ||
          (entry.isSymbolicLink()
            ? mayBeRegistryEntry(entry.name)
            : isTomlFileName(entry.name));
        if (isSkippedFolder(entry.name) || !mayHold) continue;
        throw new InputError(
          `Refusing to read ${shown(
            [...relative, entry.name].join('/'),
          )}: its name is not UTF-8 text (the byte 0x${badByte
            .toString(16)
            .toUpperCase()
            .padStart(
              2,
              '0',
            )} is not valid UTF-8), so it cannot be opened by the name the registry would give it. Rename it in UTF-8; the registry is not read until then.`,
        );
      }
      const entryPath = path.join(realDir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let target = entryPath;
      if (entry.isSymbolicLink()) {
        // a link to a folder the walk skips (`.github`, node_modules) is ignored like the folder
        if (isSkippedFolder(entry.name)) continue;
        const name = [...relative, entry.name].join('/');
        target = await fs.realpath(entryPath).catch(() => '');
        // a link not named `*.toml` that leads to no folder (`LICENSE -> ../LICENSE`, a README, a
        // broken `run`) is never read, wherever it points: ignored like a file of that name,
        // except a broken one named like a folder where the layout has one (it would drop a
        // project's services); one that leads to a folder is that folder, whatever its name
        // (`projects/team.io`)
        if (
          !isTomlFileName(entry.name) &&
          !(
            target === '' &&
            mayBeRegistryEntry(entry.name) &&
            isRegistryLayoutFolder(name)
          ) &&
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
            `Refusing to read ${shown(name)}: it is a symbolic link to ${shown(
              points,
            )}, which does not exist. Fix or remove the link; the registry is not read until then.`,
          );
        }
        if (!isInside(root, target)) {
          throw new InputError(
            `Refusing to read ${shown(name)}: it is a symbolic link to ${shown(
              target,
            )}, outside the registry root ${shown(
              root,
            )}. Replace the link with the file itself.`,
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
            `Refusing to read ${shown(name)}: it is ${await specialFileKind(
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
