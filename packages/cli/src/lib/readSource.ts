import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_MAX_REGISTRY_FILE_BYTES,
  RegistryFileInput,
  RegistryReadOptions,
} from '@service-registry/plugin-service-registry-common';
import { readRegistryDirectory } from '@service-registry/plugin-service-registry-node';
import { ReadError, UsageError } from './errors';
import { GitError, gitText } from './git';
import { readRevisionFiles } from './readRevisionFiles';

/** Where a registry was read from, for messages and relative paths. */
export interface RegistrySourceFiles {
  /** The directory, or `<ref>:<dir>` for a git revision. */
  label: string;
  /** Directory the findings' file paths are relative to, for clickable paths. */
  displayRoot: string;
  files: RegistryFileInput[];
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
    displayRoot: dir,
    files: await readRegistryDirectory(resolved, options),
  };
}

/** Whether the directory is in a git repository's working tree; why not, when it is not. */
async function gitWorkTree(
  cwd: string,
): Promise<{ ok: true } | { ok: false; gitMissing: boolean }> {
  try {
    const inside = await gitText(cwd, ['rev-parse', '--is-inside-work-tree']);
    return inside === 'true' ? { ok: true } : { ok: false, gitMissing: false };
  } catch (error) {
    return {
      ok: false,
      gitMissing: error instanceof GitError && error.code === 'ENOENT',
    };
  }
}

async function isShallow(cwd: string): Promise<boolean> {
  return gitText(cwd, ['rev-parse', '--is-shallow-repository']).then(
    out => out === 'true',
    () => false,
  );
}

/**
 * Reads the registry as it is at a git revision (`origin/main`, a tag, a sha) of the repository
 * that contains `dir`, without touching the working tree or the index. `dir` may be a folder of
 * the repository: the revision's files are read from the same folder.
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
    throw new UsageError(
      workTree.gitMissing
        ? `${ref} is not a directory, and git, needed to read it as a revision, is not installed (or not on PATH)`
        : `${ref} is not a directory, and ${dir} is not in a git repository, so ${ref} cannot be a revision: give the base as a directory, or run in a clone of the registry repository`,
    );
  }
  try {
    await gitText(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    if (await isShallow(cwd)) {
      throw new UsageError(
        `${ref} is neither a directory nor a revision of this shallow clone of the repository at ${dir} (a clone made with --depth has only the latest commits): fetch it, e.g. git fetch origin main, or git fetch --unshallow for an older commit; in CI, clone with the whole history (actions/checkout with fetch-depth: 0, GitLab with GIT_DEPTH: 0)`,
      );
    }
    throw new UsageError(
      `${ref} is neither a directory nor a git revision of the repository at ${dir} (fetch it first, e.g. git fetch origin main)`,
    );
  }
  const prefix = await gitText(cwd, ['rev-parse', '--show-prefix']);
  let files: RegistryFileInput[];
  try {
    files = await readRevisionFiles(
      cwd,
      ref,
      prefix,
      options.maxFileBytes ?? DEFAULT_MAX_REGISTRY_FILE_BYTES,
    );
  } catch (error) {
    if (error instanceof GitError) throw new ReadError(error.message);
    throw error;
  }
  return { label: `${ref}:${dir}`, displayRoot: dir, files };
}

/**
 * A directory when one exists at that path, else a git revision of the registry at `dir`.
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
  return readGitSource(dirOrRef, dir, options);
}
