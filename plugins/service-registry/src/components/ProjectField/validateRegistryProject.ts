import { parseEntityRef } from '@backstage/catalog-model';
import { ApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_PROJECT,
  isEntityName,
  SERVICE_ID_PATTERN,
} from '@service-registry/plugin-service-registry-common';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { isUnknownProjectError } from '../../api/notFound';

/** What {@link validateRegistryProject} needs of the app and of the rest of the form. */
export interface RegistryProjectContext {
  /** The app's APIs: the service registry's, and the catalog's when the app has it. */
  apiHolder: ApiHolder;
  /** The registry (catalog provider id) to look in; absent, the backend's default registry. */
  registry?: string;
  /**
   * The form's answer to "create the project if it does not exist yet": `true` or `false` as
   * ticked, `undefined` when the form does not ask (a project must then exist).
   */
  createProject?: boolean;
}

/** A System ref as the project pickers give it (`system:default/shop`), told from a bare id. */
const SYSTEM_REF = /^system:/i;

/**
 * The registry project a form value names, as the add-service action reads it: a System ref is
 * the project of the System's `service-registry.io/project` annotation (else its name, also for a
 * System the catalog does not know); anything else is the project id as typed.
 */
async function projectIdOf(
  value: string,
  apiHolder: ApiHolder,
): Promise<{ id: string; isRef: boolean }> {
  if (!SYSTEM_REF.test(value)) return { id: value, isRef: false };
  const ref = parseEntityRef(value);
  const catalogApi = apiHolder.get(catalogApiRef);
  const entity = await catalogApi?.getEntityByRef(ref).catch(() => undefined);
  const annotated = entity?.metadata.annotations?.[ANNOTATION_PROJECT]?.trim();
  return { id: annotated || ref.name, isRef: true };
}

/**
 * Why a value cannot be the project of a new service, or `undefined` when it can: it is no
 * project id, it is the word `global` (which the add-service action reads as "a global service"),
 * or the registry has no such project while the form does not ask to create it.
 *
 * The answer is advice for the form: when the registry's backend cannot be asked (unreachable,
 * no such API in the app), nothing is said, as the scaffolder action checks the registry it
 * changes again.
 *
 * @param value - the project as the form holds it: a System ref (picked) or a project id (typed)
 * @param context - the app's APIs, the registry to look in and the form's "create" answer
 */
export async function validateRegistryProject(
  value: string,
  context: RegistryProjectContext,
): Promise<string | undefined> {
  const written = value.trim();
  if (written === '') return undefined;
  let project: { id: string; isRef: boolean };
  try {
    project = await projectIdOf(written, context.apiHolder);
  } catch {
    return `"${written}" is not a System reference: pick a project from the list, or type a project id such as checkout.`;
  }
  const { id } = project;
  if (!project.isRef && id === 'global') {
    return 'The word "global" places the service among the global services (services/catalog.toml): choose "Global" as the scope, or pick a project called global from the list if the registry has one.';
  }
  if (!SERVICE_ID_PATTERN.test(id)) {
    return id.length > 63
      ? `A project id is at most 63 characters; this one has ${id.length}.`
      : 'Use lowercase letters, digits and "-" only for a project id, e.g. checkout.';
  }
  if (!isEntityName(id)) {
    return 'Start and end the project id with a letter or digit: the catalog cannot name its System otherwise.';
  }
  const registryApi = context.apiHolder.get(serviceRegistryApiRef);
  if (!registryApi) return undefined;
  try {
    await registryApi.getProjectSummary(id, { registry: context.registry });
    return undefined;
  } catch (error) {
    // any other failure (not ready, unreachable, an unknown registry) is left to the action
    if (!isUnknownProjectError(error)) return undefined;
  }
  const file = `projects/${id}/services.toml`;
  if (context.createProject === true) return undefined;
  if (context.createProject === false) {
    return `The registry has no project "${id}" yet: pick one of its projects, or tick the box to create the project (${file}).`;
  }
  return `The registry has no project "${id}": pick one of its projects.`;
}
