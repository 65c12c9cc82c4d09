import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATION_PROJECT,
  ANNOTATION_SERVICE_ID,
} from '@service-registry/plugin-service-registry-common';

/**
 * A Component as the catalog provider emits it for a registry service, after a transformer
 * renamed it: its name (and namespace) are the transformer's, its `service-registry.io/service-id`
 * annotation the registry id. Without `serviceId`, a Component without the annotation (one
 * ingested before the provider wrote it, or written by hand).
 */
export function component(
  ref: { name: string; namespace?: string },
  serviceId?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: ref.name,
      namespace: ref.namespace ?? 'default',
      annotations: serviceId ? { [ANNOTATION_SERVICE_ID]: serviceId } : {},
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'shop-team' },
  };
}

/** A System as the provider emits it for a registry project, its id in `service-registry.io/project`. */
export function system(
  ref: { name: string; namespace?: string },
  projectId?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: ref.name,
      namespace: ref.namespace ?? 'default',
      annotations: projectId ? { [ANNOTATION_PROJECT]: projectId } : {},
    },
    spec: { owner: 'shop-team' },
  };
}

/** A catalog in memory holding the entities, each `getEntitiesByRefs` call recorded. */
export function catalogWith(entities: Entity[]): {
  catalog: CatalogService;
  lookups: { entityRefs: string[]; credentials: unknown }[];
} {
  const catalog = catalogServiceMock({ entities });
  const lookups: { entityRefs: string[]; credentials: unknown }[] = [];
  const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
  catalog.getEntitiesByRefs = (request, options) => {
    lookups.push({
      entityRefs: [...request.entityRefs],
      credentials:
        options && 'credentials' in options ? options.credentials : undefined,
    });
    return getEntitiesByRefs(request, options);
  };
  return { catalog, lookups };
}
