import {
  LoadedRegistry,
  unreadFilesOf,
} from '@service-registry/plugin-service-registry-common';

/**
 * Why a service id may be missing from the registry although a file declares it: the registry
 * files that contributed nothing (they do not parse, or are above the size limit), each with the
 * line and column of the problem, e.g. `services/catalog.toml does not parse (line 6, column 11):
 * fix it first; the service "a" may be declared there.` Undefined when every file was read.
 *
 * @param registry - the loaded registry
 * @param id - the service id that was looked for
 */
export function unreadFilesNote(
  registry: LoadedRegistry,
  id: string,
): string | undefined {
  const unread = unreadFilesOf(registry);
  if (unread.length === 0) return undefined;
  const files = unread
    .map(
      f =>
        `${f.file} ${f.reason} (line ${f.position.line}, column ${f.position.column})`,
    )
    .join('; ');
  return unread.length === 1
    ? `${files}: fix it first; the service "${id}" may be declared there.`
    : `${files}: fix them first; the service "${id}" may be declared in one of them.`;
}
