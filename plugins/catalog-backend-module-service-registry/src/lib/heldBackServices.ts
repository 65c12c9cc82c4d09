import {
  declaredServiceHeaders,
  misspeltServiceHeaders,
  RegistryFileInput,
  serviceIdOfEntityRef,
  SourcePosition,
} from '@service-registry/plugin-service-registry-common';

/**
 * The entities a run would remove that a file it could not take as written still declares: the
 * Components of the `[service.<id>]` headers in the new text of the files replaced by their last
 * good version or skipped (a service moved, in one change, into a file that does not parse or into
 * a new one), and the Components of the tables a file misspelt (`[services.<id>]`, which the
 * loader ignores with an error, in a file taken as written: a service moved into a new file so, or
 * a second table misspelt where the last good version had one already). Such a service is still in
 * the registry; removing it from the catalog would cut every relation to it until the file is
 * fixed, and bring it back with a new uid. By ref, with where the file declares it.
 *
 * @param removed - the refs the run would remove
 * @param files - the files of the run as read
 * @param notTaken - the paths of the files not taken as written
 * @param misspelt - the paths of the files with tables the loader does not know
 *   (`schema/unknown-table`)
 */
export function heldBackServices(
  removed: readonly string[],
  files: readonly RegistryFileInput[],
  notTaken: ReadonlySet<string>,
  misspelt: ReadonlySet<string> = new Set(),
): Map<string, SourcePosition> {
  const held = new Map<string, SourcePosition>();
  if (removed.length === 0 || (notTaken.size === 0 && misspelt.size === 0)) {
    return held;
  }
  const declared = new Map<string, SourcePosition>();
  for (const file of files) {
    if (notTaken.has(file.path)) {
      declaredServiceHeaders(file.path, file.text, declared);
    } else if (misspelt.has(file.path)) {
      misspeltServiceHeaders(file.path, file.text, declared);
    }
  }
  for (const ref of removed) {
    const id = serviceIdOfEntityRef(ref);
    if (id === undefined) continue;
    const where = declared.get(id);
    if (where) held.set(ref, where);
  }
  return held;
}
