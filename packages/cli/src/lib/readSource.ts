import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { RegistryFileInput } from '@service-registry/plugin-service-registry-common';
import { readRegistryDirectory } from '@service-registry/plugin-service-registry-node';
import { UsageError } from './errors';

const run = promisify(execFile);

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

/** Reads a registry directory, failing with a usage error when it does not exist. */
export async function readDirectorySource(
  dir: string,
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
    files: await readRegistryDirectory(resolved),
  };
}

/**
 * Reads the registry as it is at a git revision (`origin/main`, a tag, a sha) of the repository
 * that contains `dir`, without touching the working tree.
 */
export async function readGitSource(
  ref: string,
  dir: string,
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
  const git = (...args: string[]) =>
    run('git', args, { cwd, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
  try {
    await git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new UsageError(
      `${ref} is neither a directory nor a git revision of the repository at ${dir} (fetch it first, e.g. git fetch origin main)`,
    );
  }
  const prefix = (await git('rev-parse', '--show-prefix')).stdout.trim();
  const { stdout } = await git(
    'ls-tree',
    '-r',
    '-z',
    '--name-only',
    ref,
    '--',
    '.',
  );
  const paths = stdout
    .split('\0')
    .filter(p => p.endsWith('.toml'))
    .map(p => p.slice(prefix.length))
    .filter(
      p =>
        !p
          .split('/')
          .some(part => part.startsWith('.') || part === 'node_modules'),
    )
    .sort();
  const files: RegistryFileInput[] = [];
  for (const file of paths) {
    const { stdout: text } = await git('show', `${ref}:./${file}`);
    files.push({ path: file, text });
  }
  return { label: `${ref}:${dir}`, displayRoot: dir, files };
}

/** A directory when one exists at that path, else a git revision of the registry at `dir`. */
export async function readDirectoryOrGitSource(
  dirOrRef: string,
  dir: string,
): Promise<RegistrySourceFiles> {
  if (await isDirectory(path.resolve(dirOrRef))) {
    return readDirectorySource(dirOrRef);
  }
  return readGitSource(dirOrRef, dir);
}
