import { promises as fs } from 'node:fs';
import path from 'node:path';
import { structuredPatch } from 'diff';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  LoadedRegistry,
  loadRegistry,
  RegistryFileInput,
} from '@service-registry/plugin-service-registry-common';
import { readRegistryDirectory } from '@service-registry/plugin-service-registry-node';

/** Default folder of the registry checkout in the workspace. */
export const DEFAULT_REGISTRY_PATH = 'registry';

/** Default folder, in the workspace, of the copy of the registry before the edit. */
export const DEFAULT_BASE_PATH = '.service-registry/base';

/**
 * A folder of the task's workspace, refused when it escapes the workspace (`..`, absolute
 * paths, symbolic links pointing outside).
 */
export function resolveWorkspacePath(
  workspacePath: string,
  relative: string,
  what: string,
): string {
  try {
    return resolveSafeChildPath(workspacePath, relative);
  } catch {
    throw new InputError(
      `${what} ${JSON.stringify(
        relative,
      )} is outside the task's workspace: give a path relative to the workspace, without "..".`,
    );
  }
}

/** The registry checked out in the workspace: its directory, files and the loaded model. */
export interface WorkspaceRegistry {
  /** Absolute path of the registry root. */
  dir: string;
  /** Its TOML files. */
  files: RegistryFileInput[];
  /** The loaded registry. */
  registry: LoadedRegistry;
}

/** Reads the files of the registry at `registryPath` of the workspace, without loading them. */
export async function readWorkspaceRegistryFiles(
  workspacePath: string,
  registryPath: string = DEFAULT_REGISTRY_PATH,
): Promise<Omit<WorkspaceRegistry, 'registry'>> {
  const dir = resolveWorkspacePath(workspacePath, registryPath, 'registryPath');
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new InputError(
      `No registry at ${registryPath} in the workspace: run service-registry:registry:fetch first (its targetPath), or set registryPath to the folder that holds services/ and projects/.`,
    );
  }
  return { dir, files: await readRegistryDirectory(dir) };
}

/** Reads and loads the registry at `registryPath` of the workspace. */
export async function readWorkspaceRegistry(
  workspacePath: string,
  registryPath: string = DEFAULT_REGISTRY_PATH,
): Promise<WorkspaceRegistry> {
  const { dir, files } = await readWorkspaceRegistryFiles(
    workspacePath,
    registryPath,
  );
  return { dir, files, registry: loadRegistry(files) };
}

/**
 * The text of a registry file to edit, or undefined when the registry has no such file. A file
 * the readers could not take as it is is refused: its text is not the file (a file that is not
 * UTF-8 holds U+FFFD where its bytes were, a file above the size limit a placeholder), so an edit
 * written back would corrupt or replace it.
 *
 * @param ws - the workspace registry
 * @param file - the file's path relative to the registry root
 */
export function editableText(
  ws: WorkspaceRegistry,
  file: string | undefined,
): string | undefined {
  const found = ws.files.find(f => f.path === file);
  if (found?.notUtf8) {
    const { line, column } = found.notUtf8;
    throw new InputError(
      `${file} is not UTF-8 (an invalid byte at line ${line}, column ${column}), so it cannot be edited without changing its other characters: save it as UTF-8 in the registry first. Nothing was written.`,
    );
  }
  if (found?.tooLarge) {
    throw new InputError(
      `${file} is ${found.tooLarge.bytes} bytes, above the registry readers' limit of ${found.tooLarge.limit}, so it was not read and cannot be edited: fix or split it in the registry first. Nothing was written.`,
    );
  }
  return found?.text;
}

/** One file to write, relative to the registry root. */
export interface FileChange {
  /** Path relative to the registry root, with forward slashes. */
  path: string;
  /** The new text. */
  text: string;
  /** The text before, or undefined for a new file. */
  before?: string;
}

/** The registry's files with some replaced or added (for loading the result before writing). */
export function withChanges(
  files: RegistryFileInput[],
  changes: FileChange[],
): RegistryFileInput[] {
  const byPath = new Map(files.map(f => [f.path, f]));
  for (const change of changes) {
    byPath.set(change.path, { path: change.path, text: change.text });
  }
  return [...byPath.values()].sort((a, b) =>
    a.path < b.path ? -1 : Number(a.path > b.path),
  );
}

/**
 * Where a registry file's text really lives: the file itself, or, for a symbolic link, the file
 * it points at (a registry may link one file from two places; `resolveWorkspacePath` has already
 * refused a link that leaves the registry).
 */
async function followLink(target: string): Promise<string> {
  const stat = await fs.lstat(target).catch(() => undefined);
  return stat?.isSymbolicLink() ? fs.realpath(target) : target;
}

/**
 * Writes files of the registry: each to a temporary file beside it, then renamed over it, so
 * that a file is either the old or the new text; a file that is a symbolic link keeps being one
 * (the file it points at, inside the registry, gets the text). All texts are computed and
 * checked before the first write; when a write fails, the files already written are restored.
 */
export async function writeRegistryFiles(
  dir: string,
  changes: FileChange[],
): Promise<void> {
  const targets = [];
  for (const change of changes) {
    targets.push({
      change,
      target: await followLink(
        resolveWorkspacePath(dir, change.path, 'The registry file'),
      ),
    });
  }
  const written: typeof targets = [];
  const createdDirs: string[] = [];
  try {
    for (const item of targets) {
      const created = await fs.mkdir(path.dirname(item.target), {
        recursive: true,
      });
      if (created) createdDirs.push(created);
      await replaceFile(item.target, item.change.text);
      written.push(item);
    }
  } catch (error) {
    for (const item of written.reverse()) {
      if (item.change.before === undefined) {
        await fs.rm(item.target, { force: true });
      } else await replaceFile(item.target, item.change.before);
    }
    // folders made for new files go too (the first folder made holds the others)
    for (const folder of createdDirs.reverse()) {
      await fs.rm(folder, { recursive: true, force: true });
    }
    throw error;
  }
}

/**
 * Replaces a file's text through a temporary file beside it, renamed over it: the file is the old
 * or the new text, never half of one, and no temporary file stays when the write fails.
 */
async function replaceFile(target: string, text: string): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temporary, text, 'utf8');
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A change as a unified diff (two lines of context around each hunk), for the task log, the
 * actions' `diff` outputs and dry runs: what a reviewer of the pull request will see.
 */
export function describeChange(change: FileChange): string {
  const patch = structuredPatch(
    change.before === undefined ? '/dev/null' : `a/${change.path}`,
    `b/${change.path}`,
    change.before ?? '',
    change.text,
    undefined,
    undefined,
    { context: 2 },
  );
  return [
    `--- ${patch.oldFileName}`,
    `+++ ${patch.newFileName}`,
    ...patch.hunks.flatMap(hunk => [
      `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
      ...hunk.lines,
    ]),
  ].join('\n');
}
