import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { z } from 'zod';

/**
 * A project in a path parameter or a `project` filter, the same on every endpoint: a project
 * folder name as a catalog System can be named (1 to 63 letters, digits, `.`, `_` or `-`, not
 * only dots), or `:global` (`GLOBAL_PROJECT_ID`) for the global services. `global` is a project
 * id like any other (a folder `projects/global/`).
 */
export const projectIdSchema = z
  .string()
  .refine(
    value =>
      value === GLOBAL_PROJECT_ID ||
      (/^[A-Za-z0-9._-]{1,63}$/.test(value) && !/^\.+$/.test(value)),
    `not a registry project id: give the project's folder name, or ${GLOBAL_PROJECT_ID} for the global services`,
  );

/** The project of a service or record (null: a global service) as a project filter value. */
export function projectKey(project: string | null | undefined): string {
  return project ?? GLOBAL_PROJECT_ID;
}
