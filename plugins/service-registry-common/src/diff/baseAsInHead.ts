import { loadRegistry } from '../load/buildRegistry';
import { LoadedRegistry, RegistryFileInput } from '../model/types';
import { redactSecrets } from '../validation/secrets/detectSecret';
import { shownId } from '../validation/secrets/shownId';
import { servicesDeclaredIn } from './servicesDeclaredIn';
import { UnreadBaseFile } from './types';
import { unreadFilesOf } from './unreadFiles';

/**
 * Base as a diff compares it when base is read from another revision than head (the CLI's
 * `diff`): each file of base that contributed nothing (it does not parse, or was not read for its
 * size) is read as head has it, so that what it declares is not taken for added, nor a change to
 * it for breaking, when nothing can be known about it. Base's findings stay as they were (the
 * syntax error is still base's to report). The mirror of the diff's own `unreadHeadFiles`, and
 * shown as the diff shows those: a credential in a file's path is replaced, and a service id that
 * holds one reads `(hidden)` (see `hideCredentialIds`).
 *
 * @param base - base as loaded from `baseFiles`
 * @param baseFiles - the files base was loaded from
 * @param head - head as loaded from `headFiles`
 * @param headFiles - the files head was loaded from
 * @returns base itself when every file of base was read (the usual case), else base loaded
 *   again with head's versions of its unread files, and those files
 * @public
 */
export function baseAsInHead(
  base: LoadedRegistry,
  baseFiles: readonly RegistryFileInput[],
  head: LoadedRegistry,
  headFiles: readonly RegistryFileInput[],
): { base: LoadedRegistry; unread: UnreadBaseFile[] } {
  if (base.failedFiles.length === 0) return { base, unread: [] };
  const failed = new Set(base.failedFiles);
  const headFailed = new Set(head.failedFiles);
  const readInHead = new Map(
    headFiles
      .filter(file => !headFailed.has(file.path))
      .map(file => [file.path, file]),
  );
  const unread = unreadFilesOf(base).map((facts): UnreadBaseFile => {
    const inHead = readInHead.has(facts.file);
    return {
      ...facts,
      comparedAsInHead: inHead,
      services: inHead ? servicesDeclaredIn(head, facts.file) : [],
    };
  });
  const replacements = unread.flatMap(u =>
    u.comparedAsInHead ? [readInHead.get(u.file)!] : [],
  );
  const shown = unread.map(hideCredentials);
  if (replacements.length === 0) return { base, unread: shown };
  return {
    base: loadRegistry([
      ...baseFiles.filter(file => !failed.has(file.path)),
      ...replacements,
    ]),
    unread: shown,
  };
}

/** An unread file as a diff may show it: no credential in its paths or its services' ids. */
function hideCredentials(unread: UnreadBaseFile): UnreadBaseFile {
  return {
    ...unread,
    file: redactSecrets(unread.file),
    position: { ...unread.position, file: redactSecrets(unread.position.file) },
    services: unread.services.map(shownId),
  };
}
