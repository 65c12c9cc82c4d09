import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_MAX_REGISTRY_FILE_BYTES,
  RegistryFileInput,
  RegistryReadOptions,
} from '@service-registry/plugin-service-registry-common';
import { readRegistryDirectory } from '@service-registry/plugin-service-registry-node';
import { ReadError, UsageError } from './errors';
import { fetchCommandFor, remotesOf } from './fetchAdvice';
import { GitError, gitRefusal, gitText } from './git';
import { readRevisionFiles, RefusedRevisionEntry } from './readRevisionFiles';

/** Where a registry was read from, for messages and relative paths. */
export interface RegistrySourceFiles {
  /**
   * The directory, or `<ref>:<dir>` for a git revision (for a merge base, `<commit>:<dir> (the
   * merge base of <branch> and <tip>)`).
   */
  label: string;
  /**
   * What the files' paths are joined to for a `path:line:column`: the directory, or
   * `<ref>:<dir>` (`<commit>:<dir>` for a merge base) for a git revision.
   */
  location: string;
  /** What the location is, when the label says more than it: `the merge base of main and HEAD`. */
  locationNote?: string;
  /** Directory the findings' file paths are relative to, for clickable paths. */
  displayRoot: string;
  files: RegistryFileInput[];
  /**
   * The entries of a git revision the reader refused and left out (a symbolic link leaving the
   * registry root, broken, or in a loop); a directory with one fails to read instead.
   */
  refused?: RefusedRevisionEntry[];
}

async function isDirectory(p: string) {
  return fs.stat(p).then(
    s => s.isDirectory(),
    () => false,
  );
}

/**
 * Reads a registry directory, failing with a usage error when it does not exist.
 *
 * @param options - `maxFileBytes`, the size above which a file is not read (`--max-file-bytes`)
 */
export async function readDirectorySource(
  dir: string,
  options: RegistryReadOptions = {},
): Promise<RegistrySourceFiles> {
  const resolved = path.resolve(dir);
  if (!(await isDirectory(resolved))) {
    throw new UsageError(
      `${dir} is not a directory: give the registry's root directory`,
    );
  }
  return {
    label: dir,
    location: dir,
    displayRoot: dir,
    files: await readRegistryDirectory(resolved, options),
  };
}

/** Whether the directory is in a git repository's working tree; why not, when it is not. */
async function gitWorkTree(
  cwd: string,
): Promise<
  { ok: true } | { ok: false; gitMissing: boolean; refusal?: string }
> {
  try {
    const inside = await gitText(cwd, ['rev-parse', '--is-inside-work-tree']);
    return inside === 'true' ? { ok: true } : { ok: false, gitMissing: false };
  } catch (error) {
    return {
      ok: false,
      gitMissing: error instanceof GitError && error.code === 'ENOENT',
      refusal: gitRefusal(error),
    };
  }
}

async function isShallow(cwd: string): Promise<boolean> {
  return gitText(cwd, ['rev-parse', '--is-shallow-repository']).then(
    out => out === 'true',
    () => false,
  );
}

/** `<branch>...[<tip>]`: the merge base of the two, as in `git diff <branch>...<tip>`. */
const MERGE_BASE = /^(.*?)\.\.\.(.*)$/;

/**
 * Fails with what to do when `ref` names no commit of the repository: how to fetch it (into a
 * shallow clone too), or to check the name.
 *
 * @param history - whether the command needs the history behind the commit (a merge base), so
 *   that a shallow clone must fetch it whole rather than its latest commit
 */
async function verifyCommit(
  cwd: string,
  ref: string,
  dir: string,
  { history }: { history: boolean },
): Promise<void> {
  try {
    await gitText(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    const shallow = await isShallow(cwd);
    const fetch = await fetchCommandFor(cwd, ref, shallow, { history });
    if (shallow) {
      throw new UsageError(
        `${ref} is neither a directory nor a revision of this shallow clone of the repository at ${dir} (a clone made with --depth has only the latest commits, and only its own branch): ${
          fetch ? `fetch it with ${fetch}; ` : ''
        }in CI, clone with the whole history (actions/checkout with fetch-depth: 0, GitLab with GIT_DEPTH: 0)`,
      );
    }
    throw new UsageError(
      `${ref} is neither a directory nor a git revision of the repository at ${dir}${
        fetch ? ` (fetch it first with ${fetch};` : ' (check the name;'
      } git branch -a lists the branches this clone has)`,
    );
  }
}

/** The commit `tip` branched off `branch` (`git merge-base`), or a usage error saying why none. */
async function mergeBase(
  cwd: string,
  branch: string,
  tip: string,
  dir: string,
): Promise<string> {
  try {
    return await gitText(cwd, ['merge-base', branch, tip]);
  } catch {
    if (await isShallow(cwd)) {
      const [remote] = await remotesOf(cwd);
      throw new UsageError(
        `${branch} and ${tip} have no common commit in this shallow clone of the repository at ${dir} (a clone made with --depth has only the latest commits), so ${branch}...${
          tip === 'HEAD' ? '' : tip
        } has no merge base: fetch their history${
          remote ? ` with git fetch --unshallow ${remote}` : ''
        }; in CI, clone with the whole history (actions/checkout with fetch-depth: 0, GitLab with GIT_DEPTH: 0)`,
      );
    }
    throw new UsageError(
      `${branch} and ${tip} have no common history, so they have no merge base: compare with ${branch} itself`,
    );
  }
}

/**
 * Reads the registry as it is at a git revision (`origin/main`, a tag, a sha) of the repository
 * that contains `dir`, without touching the working tree or the index. `dir` may be a folder of
 * the repository: the revision's files are read from the same folder. `origin/main...` (or
 * `origin/main...<tip>`) is the commit HEAD (or `tip`) branched off `origin/main`, their merge
 * base as in `git diff origin/main...`: what a branch changed, whatever `origin/main` gained
 * since. An entry of the revision the reader refuses (a symbolic link leaving the registry root,
 * broken, or in a loop) is left out and listed in `refused`, so that a change replacing it can
 * be compared with it.
 *
 * @param options - `maxFileBytes`, the size above which a file is not read, as for a directory
 */
export async function readGitSource(
  ref: string,
  dir: string,
  options: RegistryReadOptions = {},
): Promise<RegistrySourceFiles> {
  if (ref.startsWith('-')) {
    throw new UsageError(`${ref} is not a git revision`);
  }
  const cwd = path.resolve(dir);
  if (!(await isDirectory(cwd))) {
    throw new UsageError(
      `${dir} is not a directory: give the registry's root directory`,
    );
  }
  const workTree = await gitWorkTree(cwd);
  if (!workTree.ok) {
    if (workTree.refusal) {
      throw new ReadError(
        `${ref} is not a directory, and git refuses to read the repository ${dir} is in, so ${ref} cannot be read as a revision: ${workTree.refusal}`,
      );
    }
    throw new UsageError(
      workTree.gitMissing
        ? `${ref} is not a directory, and git, needed to read it as a revision, is not installed (or not on PATH)`
        : `${ref} is not a directory, and ${dir} is not in a git repository, so ${ref} cannot be a revision: give the base as a directory, or run in a clone of the registry repository`,
    );
  }
  const range = MERGE_BASE.exec(ref);
  let commit = ref;
  if (range) {
    const [, branch, given] = range;
    const tip = given || 'HEAD';
    if (!branch) {
      throw new UsageError(
        `${ref} names no branch before the "...": write it as origin/main... (the commit HEAD branched off origin/main)`,
      );
    }
    await verifyCommit(cwd, branch, dir, { history: true });
    await verifyCommit(cwd, tip, dir, { history: true });
    commit = await mergeBase(cwd, branch, tip, dir);
  } else {
    await verifyCommit(cwd, ref, dir, { history: false });
  }
  const prefix = await gitText(cwd, ['rev-parse', '--show-prefix']);
  let files: RegistryFileInput[];
  const refused: RefusedRevisionEntry[] = [];
  try {
    files = await readRevisionFiles(
      cwd,
      commit,
      prefix,
      options.maxFileBytes ?? DEFAULT_MAX_REGISTRY_FILE_BYTES,
      entry => refused.push(entry),
    );
  } catch (error) {
    if (error instanceof GitError) throw new ReadError(error.message);
    throw error;
  }
  const location = range ? `${commit.slice(0, 12)}:${dir}` : `${ref}:${dir}`;
  const locationNote = range
    ? `the merge base of ${range[1]} and ${range[2] || 'HEAD'}`
    : undefined;
  return {
    label: locationNote ? `${location} (${locationNote})` : location,
    location,
    locationNote,
    displayRoot: dir,
    files,
    refused,
  };
}

/**
 * A directory when one exists at that path, else a git revision of the registry at `dir`; a file
 * at that path that names no revision is refused as a file.
 *
 * @param options - `maxFileBytes`, the size above which a file is not read
 */
export async function readDirectoryOrGitSource(
  dirOrRef: string,
  dir: string,
  options: RegistryReadOptions = {},
): Promise<RegistrySourceFiles> {
  if (await isDirectory(path.resolve(dirOrRef))) {
    return readDirectorySource(dirOrRef, options);
  }
  try {
    return await readGitSource(dirOrRef, dir, options);
  } catch (error) {
    // `diff services/catalog.toml`: a file is no registry, whatever git says of the name
    const isFile = await fs.stat(path.resolve(dirOrRef)).then(
      s => !s.isDirectory(),
      () => false,
    );
    if (error instanceof UsageError && isFile) {
      throw new UsageError(
        `${dirOrRef} is a file, not a registry: give the base as the registry's root directory or a git revision`,
      );
    }
    throw error;
  }
}
