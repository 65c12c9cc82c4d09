import { loadRegistry } from '../load/buildRegistry';
import { positionIndex } from '../load/filePositions';
import { sourceFilesOf } from '../load/sourceFiles';
import { LoadedRegistry, RegistryFileInput } from '../model/types';
import { preferBaseDeclarations } from './preferBaseDeclarations';
import { servicesDeclaredIn } from './servicesDeclaredIn';
import { UnreadHeadFile } from './types';
import { unreadFilesOf } from './unreadFiles';

/** What {@link headAsInBase} returns. */
export interface HeadAsInBase {
  /** The registry the diff compares as head. */
  head: LoadedRegistry;
  /** The files of head that contributed nothing, by path. */
  unread: UnreadHeadFile[];
}

/**
 * The text of each file a registry was loaded from and that parsed, by path; undefined for a
 * registry `loadRegistry` did not return (a copy, an object built by hand).
 */
function textsOf(registry: LoadedRegistry): Map<string, string> | undefined {
  const files = sourceFilesOf(registry);
  if (files === undefined) return undefined;
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = positionIndex(file).source;
    if (text !== undefined) texts.set(file.path, text);
  }
  return texts;
}

/**
 * Head as the diff compares it, the way the catalog ingests it: each file of head that
 * contributed nothing (it does not parse, or was not read for its size; `failedFiles`) is read
 * as base has it, so that what it declares is compared as in base rather than taken for removed.
 * Head is then loaded again from its files with those versions of base (keeping base's
 * declarations of duplicated ids, see {@link preferBaseDeclarations}); a file base could not read
 * either, or does not have, is left out, as the catalog skips a file without a last good version.
 * Head itself is left as it is: its findings (the syntax error) are what validation reports.
 *
 * @param base - the registry before
 * @param head - the registry after, as given to the diff
 * @returns head itself, without unread files, when every file of head was read (the usual case:
 *   nothing is loaded again); also when a registry was not returned by `loadRegistry`, since there
 *   is no text to load again
 */
export function headAsInBase(
  base: LoadedRegistry,
  head: LoadedRegistry,
): HeadAsInBase {
  if (head.failedFiles.length === 0) return { head, unread: [] };
  const failed = new Set(head.failedFiles);
  const headTexts = textsOf(head);
  const baseTexts = headTexts && textsOf(base);
  const replacements: RegistryFileInput[] = [];
  const unread = unreadFilesOf(head).map((facts): UnreadHeadFile => {
    const text = baseTexts?.get(facts.file);
    if (text !== undefined) replacements.push({ path: facts.file, text });
    return {
      ...facts,
      comparedAsInBase: text !== undefined,
      services: text === undefined ? [] : servicesDeclaredIn(base, facts.file),
    };
  });
  if (headTexts === undefined || replacements.length === 0) {
    return { head, unread };
  }
  const inputs: RegistryFileInput[] = [
    ...[...headTexts]
      .filter(([path]) => !failed.has(path))
      .map(([path, text]) => ({ path, text })),
    ...replacements,
  ];
  return {
    head: preferBaseDeclarations(base, loadRegistry(inputs), inputs),
    unread,
  };
}
