import { RegistryService } from '../model/types';

const QUOTED_KEY = /^"((?:[^"\\]|\\.)*)"/;

/** The first key of a dotted position path (`metadata.replicas` → `metadata`; quoted keys unquoted). */
function topLevelKey(path: string): string {
  const quoted = QUOTED_KEY.exec(path);
  if (quoted) {
    try {
      return JSON.parse(quoted[0]) as string;
    } catch {
      return quoted[1];
    }
  }
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}

/**
 * The top-level fields a project's override of a global service writes: the keys of the project's
 * view (`registry.overrides`) whose position is in the override's own file, sorted. A field the
 * override writes with the global value counts too; it is written there.
 *
 * @param view - the project's view of the global service
 */
export function overrideFields(view: RegistryService): string[] {
  const fields = new Set<string>();
  for (const [path, position] of Object.entries(view.positions)) {
    if (path === '' || position.file !== view.source.file) continue;
    fields.add(topLevelKey(path));
  }
  return [...fields].sort();
}
