import { ApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_SERVICE_ID,
  isEntityName,
  SERVICE_ID_PATTERN,
} from '@service-registry/plugin-service-registry-common';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { errorMessage } from '../../api/errorMessage';
import {
  isHeldBackServiceError,
  isUnknownServiceError,
} from '../../api/notFound';

/** What {@link validateNewServiceId} needs of the app. */
export interface NewServiceIdContext {
  /** The app's APIs: the service registry's, and the catalog's when the app has it. */
  apiHolder: ApiHolder;
  /** The registry (catalog provider) id to look in; absent, the backend's default registry. */
  registry?: string;
}

/** What {@link checkNewServiceId} found of an id. */
export interface NewServiceIdCheck {
  /** Why the id cannot be a new service's, if it cannot. */
  problem?: string;
  /**
   * Without a problem: true when both the registry's backend and the catalog were asked and
   * neither has the id, false when one of them could not be asked (unreachable, no such API in
   * the app), so that nothing can be said of it.
   */
  free: boolean;
}

/**
 * Whether an id can be a new service's: it is a registry id, the registry does not declare it
 * (in a file the catalog takes or holds back), and the catalog has no Component of that name or
 * of that service id from another source, which the new service's Component would clash with.
 *
 * @param id - the id typed in the form
 * @param context - the app's APIs and the registry to look in
 */
export async function checkNewServiceId(
  id: string,
  context: NewServiceIdContext,
): Promise<NewServiceIdCheck> {
  if (!SERVICE_ID_PATTERN.test(id)) {
    return {
      free: false,
      problem:
        id.length > 63
          ? `An id is at most 63 characters; this one has ${id.length}.`
          : 'Use lowercase letters, digits and "-" only, e.g. orders-api.',
    };
  }
  if (!isEntityName(id)) {
    return {
      free: false,
      problem:
        'Start and end the id with a letter or digit: the catalog cannot name a Component otherwise.',
    };
  }
  let asked = true;
  const registryApi = context.apiHolder.get(serviceRegistryApiRef);
  if (registryApi) {
    try {
      const existing = await registryApi.getServiceSummary(id, {
        registry: context.registry,
      });
      const where = `${existing.source.file}:${existing.source.line}`;
      return {
        free: false,
        problem: `The registry already declares "${id}" (${where}): choose another id, or change that service with the update-service template.`,
      };
    } catch (error) {
      if (isHeldBackServiceError(error)) {
        return {
          free: false,
          problem: `The registry already declares "${id}": ${errorMessage(
            error,
          )}`,
        };
      }
      // an unknown service is what a new one should be; any other failure is left to the action
      if (!isUnknownServiceError(error)) return { free: false };
    }
  } else {
    asked = false;
  }
  const catalogApi = context.apiHolder.get(catalogApiRef);
  if (catalogApi) {
    const found = await catalogApi
      .getEntities({
        filter: [
          { kind: 'component', 'metadata.name': id },
          {
            kind: 'component',
            [`metadata.annotations.${ANNOTATION_SERVICE_ID}`]: id,
          },
        ],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      })
      .catch(() => undefined);
    if (!found) asked = false;
    const entity = found?.items[0];
    if (entity) {
      const ref = `component:${entity.metadata.namespace ?? 'default'}/${
        entity.metadata.name
      }`;
      return {
        free: false,
        problem: `The catalog already has ${ref}, which the registry does not declare here: the new service's Component would clash with it. Choose another id.`,
      };
    }
  } else {
    asked = false;
  }
  return { free: asked };
}

/**
 * Why an id cannot be a new service's, or `undefined` when it can (see {@link checkNewServiceId}).
 *
 * The answer is advice for the form: when the registry's backend or the catalog cannot be asked
 * (unreachable, no such API in the app), nothing is said, as the scaffolder action checks the
 * registry it changes again.
 *
 * @param id - the id typed in the form
 * @param context - the app's APIs and the registry to look in
 */
export async function validateNewServiceId(
  id: string,
  context: NewServiceIdContext,
): Promise<string | undefined> {
  return (await checkNewServiceId(id, context)).problem;
}
