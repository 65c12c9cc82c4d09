/**
 * What the pages and cards call the global services (those `services/catalog.toml` declares, of
 * no project): the name of the project filters' option, of the shared System's link and of the
 * map's group when a project is named `global` (see `categoryLabel`).
 */
export const GLOBAL_SERVICES_LABEL = 'Global services';

/**
 * The project of one service as a field, column or caption shows it: the project by `name` when
 * given, else by its id, and a global service as "Global services". Never the bare word `global`
 * for a global service: `global` is a valid project id (`projects/global/`), and a row or card
 * shows one service without the other project names beside it, so unlike the map's labels it
 * cannot fall back to `global` when no project has that name.
 *
 * @param project - the service's project id; null, undefined or empty for a global service
 * @param name - how to show the project instead of its id (such as its display name)
 */
export function serviceProjectLabel(
  project: string | null | undefined,
  name?: string,
): string {
  if (!project) return GLOBAL_SERVICES_LABEL;
  return name ?? project;
}

/**
 * The project of one service in running text (a list of its facts, a screen reader's
 * description): `project <id>`, or "Global services" for a global service, so the project named
 * `global` reads `project global` and the global services read as everywhere else.
 *
 * @param project - the service's project id; null, undefined or empty for a global service
 */
export function serviceProjectPhrase(
  project: string | null | undefined,
): string {
  return project ? `project ${project}` : GLOBAL_SERVICES_LABEL;
}
