import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';

/**
 * The project key of the services of no project (the global services, and services no file
 * declares): `GLOBAL_PROJECT_ID` (`:global`), which no project id can be, so a project whose folder
 * is named `global` stays a project of its own.
 */
export const GLOBAL_PROJECT_KEY = GLOBAL_PROJECT_ID;

/**
 * The owner key of the services without owner: `:none`, with the colon of `:global`, so an owner
 * named `none` stays an owner of its own. (An owner is a team name, at most written as a `user:` or
 * `group:` reference; a name that starts with a colon is no owner the catalog can resolve.)
 */
export const NO_OWNER_KEY = ':none';

/**
 * How the topology shows a project or owner key: `global` for the global services and `none` for
 * no owner, as it always has; when `names` (the projects and owners of the graph) has a project or
 * owner of that name, `Global services` and `No owner` instead, so the two are told apart.
 *
 * @param key - a project or owner key (see `filterValues`)
 * @param names - the real project and owner names the view shows beside it
 */
export function categoryLabel(
  key: string,
  names: ReadonlySet<string> = new Set(),
): string {
  if (key === GLOBAL_PROJECT_KEY) {
    return names.has('global') ? 'Global services' : 'global';
  }
  if (key === NO_OWNER_KEY) return names.has('none') ? 'No owner' : 'none';
  return key;
}
