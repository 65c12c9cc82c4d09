import path from 'node:path';
import {
  isRegistryLayoutFile,
  normalizeRegistryPath,
  RegistryFileInput,
  registryRootBelow,
} from '@service-registry/plugin-service-registry-common';
import { forTerminal } from '../format/text';
import { UsageError } from './errors';
import { CliIO } from './io';

/**
 * What to tell on stderr when the folder a command reads is not a registry root: it holds no
 * `*.toml` file at all (an empty registry, valid), or none of its files is where the registry
 * layout puts them (each is ignored with a `registry/unknown-file` warning). Either passes
 * validation and gives empty documents, so a CI job pointed at the wrong folder (the repository's
 * root, with the registry in `registry/`) would pass without having read anything; the note names
 * the folders below that look like the registry's root (`nested`). Undefined when a file of the
 * layout is there.
 *
 * @param label - the folder as given on the command line
 * @param files - the files read from it, with paths relative to it
 * @returns the note, one line without the trailing line break, and whether a folder below looks
 *   like the registry's root; or undefined
 */
export function registryRootNote(
  label: string,
  files: readonly Pick<RegistryFileInput, 'path'>[],
): { note: string; nested: boolean } | undefined {
  const paths = files.map(f => normalizeRegistryPath(f.path));
  const layout =
    'the folder of services/catalog.toml, projects/<project>/ and policies/';
  if (paths.length === 0) {
    return {
      note: `${label} holds no registry file (*.toml), so it is read as an empty registry; if the registry is elsewhere, give its root directory (${layout}).`,
      nested: false,
    };
  }
  if (paths.some(isRegistryLayoutFile)) return undefined;
  // the folders below whose files would be files of the layout
  const roots = new Set<string>();
  for (const file of paths) {
    const below = registryRootBelow(file);
    if (below) roots.add(path.join(label, ...below.folder.split('/')));
  }
  const candidates = [...roots].sort();
  const which =
    paths.length === 1
      ? `the only *.toml file of ${label} is not`
      : `none of the ${paths.length} *.toml files of ${label} is`;
  if (candidates.length > 0) {
    return {
      note: `${which} a file of the registry layout: the registry's root looks to be ${candidates
        .slice(0, 3)
        .join(', ')}${
        candidates.length > 3 ? ', …' : ''
      }: give it (${layout}).`,
      nested: true,
    };
  }
  return {
    note: `${which} a file of the registry layout, so it is read as an empty registry (each is ignored, with a registry/unknown-file warning); give the registry's root directory (${layout}).`,
    nested: false,
  };
}

/**
 * Checks that the folder a command reads is a registry root, as {@link registryRootNote} words it:
 * a folder whose registry files all lie in a folder below it (the repository's root given where
 * the registry is `registry/`) is refused, as the catalog provider refuses such a target, since
 * the command would pass having read nothing; an empty folder, or one whose `*.toml` files are
 * none of the layout and nowhere near it, is an empty registry, said on stderr.
 *
 * @param source - the folder as given (`label`) and the files read from it
 * @throws UsageError (exit code 2) when the registry's root looks to be a folder below
 */
export function checkRegistryRoot(
  source: { label: string; files: readonly Pick<RegistryFileInput, 'path'>[] },
  io: CliIO,
): void {
  const found = registryRootNote(source.label, source.files);
  if (!found) return;
  if (found.nested) throw new UsageError(found.note);
  io.stderr(`service-registry: ${forTerminal(found.note)}\n`);
}
