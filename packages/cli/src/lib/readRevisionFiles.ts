import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_MAX_REGISTRY_FILE_BYTES,
  isRegistryLayoutFolder,
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

/**
 * Whether a link's name may hold registry content by its name alone: a `*.toml` file, or a folder
 * (a name without an extension). Asked of broken links, whose target cannot tell.
 */
function mayBeRegistryEntry(name: string): boolean {
  return isTomlFileName(name) || !name.includes('.');
}

/** An entry of the revision the reader refuses (a link leaving the root, broken, or in a loop). */
export interface RefusedRevisionEntry {
  /** The entry, relative to the registry root. */
  path: string;
  /** Why, e.g. `it is a symbolic link to ../x.toml, outside the registry root`. */
  reason: string;
}

/** The refusal of an entry, as the error the read fails with when refusals are not collected. */
class RefusedEntryError extends ReadError {
  constructor(readonly entry: RefusedRevisionEntry, message: string) {
    super(message);
  }
}

const SYMLINK = '120000';
const MAX_LINK_HOPS = 40;

/**
 * Reads every `*.toml` file of the registry as it is at a git revision, with the rules
 * `readRegistryDirectory` applies to the working tree, so that a diff compares like with like:
 * dot-folders and `node_modules` are skipped, symbolic links are followed when they stay inside
 * the registry root (one leaving it, or a broken one named `*.toml` or where the layout has a
 * folder, `projects/<project>`, is refused; another not named `*.toml` that leads to no folder of
 * the revision is ignored wherever it points),
 * each file is decoded as UTF-8 or reported where it is not, and a file larger than
 * `maxFileBytes` is not read but marked `tooLarge` (its size is in the tree's listing). Nothing
 * of the working tree or the index is touched: the files are read from git's objects.
 *
 * @param cwd - the registry root in the working tree (git runs there; absolute links are read
 *   against it)
 * @param ref - the revision, already checked to name a commit
 * @param prefix - the registry root relative to the repository root (`git rev-parse --show-prefix`)
 * @param maxFileBytes - the size above which a file is not read, as for the working tree
 * @param onRefused - when given, an entry the reader refuses is left out and told to it, rather
 *   than failing the whole read with a `ReadError` (a diff's base: the change that replaces the
 *   link must be able to pass)
 */
export async function readRevisionFiles(
  cwd: string,
  ref: string,
  prefix: string,
  maxFileBytes: number = DEFAULT_MAX_REGISTRY_FILE_BYTES,
  onRefused?: (entry: RefusedRevisionEntry) => void,
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
  const refusal = (shown: string, reason: string, advice: string) =>
    new RefusedEntryError(
      { path: shown, reason },
      `Refusing to read ${where(shown)}: ${reason}. ${advice}`,
    );
  // the repository root in the working tree, which an absolute link is read against
  const repositoryRoot = path.resolve(
    root,
    ...prefix
      .split('/')
      .filter(Boolean)
      .map(() => '..'),
  );
  /** A path of the repository relative to the registry root, or undefined when outside it. */
  const inRegistry = (repositoryPath: string): string | undefined => {
    if (prefix === '') return repositoryPath;
    if (`${repositoryPath}/` === prefix) return '';
    return repositoryPath.startsWith(prefix)
      ? repositoryPath.slice(prefix.length)
      : undefined;
  };
  /**
   * The path of the repository a path stands for once every link of the registry on it is
   * followed, each link's target read from the link's folder (so that `..` may go above the
   * registry root and come back inside it, as in the working tree), or undefined when it leaves
   * the repository.
   */
  const follow = (
    repositoryPath: string,
    hops: { count: number },
  ): string | undefined => {
    let current = '';
    for (const part of repositoryPath.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (current === '') return undefined;
        current = posix.dirname(current) === '.' ? '' : posix.dirname(current);
        continue;
      }
      const next = current ? `${current}/${part}` : part;
      const relative = inRegistry(next);
      if (relative === undefined || files.get(relative)?.mode !== SYMLINK) {
        current = next;
        continue;
      }
      if (++hops.count > MAX_LINK_HOPS) {
        throw refusal(
          relative,
          'its symbolic links go round in a loop',
          'Fix or remove the links.',
        );
      }
      const target = linkTargets.get(relative)!;
      let resolved: string | undefined;
      if (path.isAbsolute(target)) {
        const fromRoot = path.relative(repositoryRoot, target);
        resolved =
          fromRoot === '..' ||
          fromRoot.startsWith(`..${path.sep}`) ||
          path.isAbsolute(fromRoot)
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
  /**
   * Where a link leads: a file, a folder, nowhere, or outside the registry root (with the path of
   * the repository it names, undefined when it leaves the repository).
   */
  const resolve = (link: string) => {
    const target = linkTargets.get(link)!;
    const repositoryPath = follow(`${prefix}${link}`, { count: 0 });
    const real =
      repositoryPath === undefined ? undefined : inRegistry(repositoryPath);
    if (real === undefined) {
      return { kind: 'outside' as const, target, repositoryPath };
    }
    const file = files.get(real);
    if (file) return { kind: 'file' as const, file };
    if (folders.has(real)) return { kind: 'folder' as const, path: real };
    return { kind: 'missing' as const, target };
  };
  /**
   * Whether a path of the repository outside the registry is a folder of the revision; what is
   * not there, or outside the repository, is none.
   */
  const isFolderOutside = async (
    repositoryPath: string | undefined,
  ): Promise<boolean> => {
    if (repositoryPath === undefined) return false;
    const type = await gitText(cwd, [
      'cat-file',
      '-t',
      `${ref}:${repositoryPath}`,
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
        if (isSkippedFolder(name)) continue;
        let target;
        try {
          target = resolve(real);
        } catch (error) {
          // a link that cannot be followed (a loop) named like neither a registry file nor a
          // folder is ignored like a broken one
          if (error instanceof RefusedEntryError && !mayBeRegistryEntry(name)) {
            continue;
          }
          if (!(error instanceof RefusedEntryError) || !onRefused) throw error;
          onRefused({ ...error.entry, path: shown });
          continue;
        }
        // a link not named `*.toml` that leads to no folder (`LICENSE -> ../LICENSE`, a README, a
        // broken `run`) is never read, wherever it points: ignored like a file of that name,
        // except a broken one named like a folder where the layout has one (a broken project
        // folder would drop its services); one that leads to a folder is that folder, whatever
        // its name (`projects/team.io`), as in the working tree
        if (
          !isTomlFileName(name) &&
          !(
            target.kind === 'missing' &&
            mayBeRegistryEntry(name) &&
            isRegistryLayoutFolder(shown)
          ) &&
          target.kind !== 'folder' &&
          !(
            target.kind === 'outside' &&
            (await isFolderOutside(target.repositoryPath))
          )
        ) {
          continue;
        }
        if (target.kind === 'outside' || target.kind === 'missing') {
          const refused =
            target.kind === 'outside'
              ? refusal(
                  shown,
                  `it is a symbolic link to ${target.target}, outside the registry root`,
                  'Replace the link with the file itself.',
                )
              : refusal(
                  shown,
                  `it is a symbolic link to ${target.target}, which does not exist there`,
                  'Fix or remove the link; the revision is not read until then.',
                );
          if (!onRefused) throw refused;
          onRefused(refused.entry);
          continue;
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
