import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_MAX_REGISTRY_FILE_BYTES,
  isTomlFileName,
  RegistryFileInput,
  tooLargeRegistryFile,
} from '@service-registry/plugin-service-registry-common';
import { decodeRegistryFile } from '@service-registry/plugin-service-registry-node';
import { ReadError } from './errors';
import { gitBytes, gitText, readBlobs } from './git';

const posix = path.posix;

/** A file of the revision's tree, by its path relative to the registry root. */
interface TreeFile {
  mode: string;
  id: string;
  /** The blob's size in bytes. */
  size: number;
}

/** Folders skipped like `readRegistryDirectory` skips them: dot-folders and `node_modules`. */
function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether a link's name may hold registry content: a `*.toml` file, or a folder. */
function mayBeRegistryEntry(name: string): boolean {
  return isTomlFileName(name) || !name.includes('.');
}

const SYMLINK = '120000';
const MAX_LINK_HOPS = 40;

/**
 * Reads every `*.toml` file of the registry as it is at a git revision, with the rules
 * `readRegistryDirectory` applies to the working tree, so that a diff compares like with like:
 * dot-folders and `node_modules` are skipped, symbolic links are followed when they stay inside
 * the registry root (one leaving it, or a broken one named `*.toml`, is refused; one not named
 * `*.toml` that leads to no folder of the revision is ignored wherever it points),
 * each file is decoded as UTF-8 or reported where it is not, and a file larger than
 * `maxFileBytes` is not read but marked `tooLarge` (its size is in the tree's listing). Nothing
 * of the working tree or the index is touched: the files are read from git's objects.
 *
 * @param cwd - the registry root in the working tree (git runs there; absolute links are read
 *   against it)
 * @param ref - the revision, already checked to name a commit
 * @param prefix - the registry root relative to the repository root (`git rev-parse --show-prefix`)
 * @param maxFileBytes - the size above which a file is not read, as for the working tree
 */
export async function readRevisionFiles(
  cwd: string,
  ref: string,
  prefix: string,
  maxFileBytes: number = DEFAULT_MAX_REGISTRY_FILE_BYTES,
): Promise<RegistryFileInput[]> {
  const root = await fs.realpath(cwd);
  // with each blob's size (`--long`), so that a file too large is not read
  const listing = (
    await gitBytes(cwd, [
      'ls-tree',
      '-r',
      '-z',
      '--long',
      '--full-name',
      ref,
      '--',
      '.',
    ])
  ).toString('utf8');
  const files = new Map<string, TreeFile>();
  const folders = new Set<string>(['']);
  for (const line of listing.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    // `<mode> <type> <id> <size>`, the size padded with spaces
    const [mode, type, id, size] = line.slice(0, tab).split(/ +/);
    const full = line.slice(tab + 1);
    if (type !== 'blob' || !full.startsWith(prefix)) continue;
    const relative = full.slice(prefix.length);
    files.set(relative, { mode, id, size: Number(size) });
    for (let dir = posix.dirname(relative); dir !== '.'; ) {
      folders.add(dir);
      dir = posix.dirname(dir);
    }
  }
  const children = new Map<string, Set<string>>();
  for (const entry of [...files.keys(), ...folders]) {
    if (entry === '') continue;
    const parent = posix.dirname(entry) === '.' ? '' : posix.dirname(entry);
    const set = children.get(parent) ?? new Set<string>();
    set.add(posix.basename(entry));
    children.set(parent, set);
  }

  const links = [...files].filter(([, f]) => f.mode === SYMLINK);
  const linkTargets = new Map<string, string>();
  const linkTexts = await readBlobs(
    cwd,
    links.map(([, f]) => f.id),
  );
  links.forEach(([name], i) =>
    linkTargets.set(name, linkTexts[i].toString('utf8')),
  );

  const where = (name: string) => `${name} at ${ref}`;
  const outside = (shown: string, target: string) =>
    new ReadError(
      `Refusing to read ${where(
        shown,
      )}: it is a symbolic link to ${target}, outside the registry root. Replace the link with the file itself.`,
    );
  /**
   * The path a path of the tree stands for once every link on it is followed (relative to the
   * registry root), or undefined when it leaves the root.
   */
  const follow = (
    relative: string,
    hops: { count: number },
  ): string | undefined => {
    let current = '';
    for (const part of relative.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (current === '') return undefined;
        current = posix.dirname(current) === '.' ? '' : posix.dirname(current);
        continue;
      }
      const next = current ? `${current}/${part}` : part;
      if (files.get(next)?.mode !== SYMLINK) {
        current = next;
        continue;
      }
      if (++hops.count > MAX_LINK_HOPS) {
        throw new ReadError(
          `Refusing to read ${where(
            next,
          )}: its symbolic links go round in a loop.`,
        );
      }
      const target = linkTargets.get(next)!;
      let resolved: string | undefined;
      if (path.isAbsolute(target)) {
        const fromRoot = path.relative(root, target);
        resolved =
          fromRoot.startsWith('..') || path.isAbsolute(fromRoot)
            ? undefined
            : follow(fromRoot.split(path.sep).join('/'), hops);
      } else {
        resolved = follow(current ? `${current}/${target}` : target, hops);
      }
      if (resolved === undefined) return undefined;
      current = resolved;
    }
    return current;
  };
  /** Where a link leads: a file, a folder, nowhere, or outside the registry root. */
  const resolve = (link: string) => {
    const target = linkTargets.get(link)!;
    const real = follow(link, { count: 0 });
    if (real === undefined) return { kind: 'outside' as const, target };
    const file = files.get(real);
    if (file) return { kind: 'file' as const, file };
    if (folders.has(real)) return { kind: 'folder' as const, path: real };
    return { kind: 'missing' as const, target };
  };

  // the repository root in the working tree, which an absolute link is read against
  const repositoryRoot = path.resolve(
    root,
    ...prefix
      .split('/')
      .filter(Boolean)
      .map(() => '..'),
  );
  /**
   * Whether a link leaving the registry root names a folder of the revision, outside the
   * registry but in the repository (its target normalised from the link's folder); a link to
   * what is not there, or outside the repository, names none.
   */
  const namesFolderOutside = async (link: string): Promise<boolean> => {
    const target = linkTargets.get(link)!;
    const inRepository = path.isAbsolute(target)
      ? path.relative(repositoryRoot, target).split(path.sep).join('/')
      : posix.normalize(posix.join(prefix, posix.dirname(link), target));
    if (
      inRepository === '..' ||
      inRepository.startsWith('../') ||
      path.isAbsolute(inRepository)
    ) {
      return false;
    }
    const type = await gitText(cwd, [
      'cat-file',
      '-t',
      `${ref}:${inRepository === '.' ? '' : inRepository}`,
    ]).catch(() => undefined);
    return type === 'tree';
  };

  const found = new Map<string, TreeFile>();
  // `above`: the folders being read around this one, so that a link back to one of them is not
  // followed again; a folder linked from two places is read under both names
  const walk = async (
    folder: string,
    shownFolder: string,
    above: ReadonlySet<string>,
  ): Promise<void> => {
    for (const name of [...(children.get(folder) ?? [])].sort()) {
      const real = folder ? `${folder}/${name}` : name;
      const shown = shownFolder ? `${shownFolder}/${name}` : name;
      const file = files.get(real);
      if (!file) {
        if (isSkippedFolder(name) || above.has(real)) continue;
        await walk(real, shown, new Set([...above, real]));
      } else if (file.mode !== SYMLINK) {
        if (isTomlFileName(name)) found.set(shown, file);
      } else {
        if (isSkippedFolder(name) || !mayBeRegistryEntry(name)) continue;
        const target = resolve(real);
        // a link without the extension that leads to no folder (`LICENSE -> ../LICENSE`, a
        // broken `run`) is never read, wherever it points: ignored like a file of that name
        if (
          !isTomlFileName(name) &&
          target.kind !== 'folder' &&
          !(target.kind === 'outside' && (await namesFolderOutside(real)))
        ) {
          continue;
        }
        if (target.kind === 'outside') throw outside(shown, target.target);
        if (target.kind === 'missing') {
          throw new ReadError(
            `Refusing to read ${where(shown)}: it is a symbolic link to ${
              target.target
            }, which does not exist there. Fix or remove the link; the revision is not read until then.`,
          );
        }
        if (target.kind === 'file') {
          if (isTomlFileName(name)) found.set(shown, target.file);
        } else if (!above.has(target.path)) {
          await walk(target.path, shown, new Set([...above, target.path]));
        }
      }
    }
  };
  await walk('', '', new Set(['']));

  const names = [...found.keys()].sort((a, b) => (a < b ? -1 : Number(a > b)));
  const toRead = names.filter(name => found.get(name)!.size <= maxFileBytes);
  const contents = await readBlobs(
    cwd,
    toRead.map(name => found.get(name)!.id),
  );
  const read = new Map(toRead.map((name, i) => [name, contents[i]]));
  return names.map(name => {
    const bytes = read.get(name);
    return bytes
      ? decodeRegistryFile(name, bytes)
      : tooLargeRegistryFile(name, found.get(name)!.size, maxFileBytes);
  });
}
