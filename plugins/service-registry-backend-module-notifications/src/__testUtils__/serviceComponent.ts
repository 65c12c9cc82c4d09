import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_SERVICE_ID,
} from '@service-registry/plugin-service-registry-common';

/** What the catalog holds of a registry service's Component. */
export interface ServiceComponentOptions {
  /** The Component's name: the service's id, or what a transformer renamed it to. */
  name: string;
  /** The Component's namespace; `default` (the provider's) unless a transformer moved it. */
  namespace?: string;
  /**
   * The registry service the Component stands for, as the provider annotates it
   * (`ANNOTATION_SERVICE_ID`, `ANNOTATION_REGISTRY_ID`); left out, the Component has no
   * annotations, as one ingested before the provider wrote them.
   */
  service?: { id: string; registry: string };
  /** The name of the owning group, in `spec.owner`; `shop-team` unless given. */
  owner?: string;
  /**
   * Whether the catalog has processed `spec.owner` into an `ownedBy` relation to
   * `group:default/<owner>` (what reaching the owners reads); true unless given. False: a
   * Component not processed yet, with no relations.
   */
  ownedBy?: boolean;
}

/**
 * A catalog Component of a registry service, as the service-registry provider writes it or as a
 * transformer renamed or moved it.
 *
 * @param options - its name, namespace, annotations and owner
 * @returns the entity, to serve from a catalog mock
 */
export function serviceComponent(options: ServiceComponentOptions): Entity {
  const {
    name,
    namespace = 'default',
    service,
    owner = 'shop-team',
    ownedBy = true,
  } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace,
      ...(service && {
        annotations: {
          [ANNOTATION_SERVICE_ID]: service.id,
          [ANNOTATION_REGISTRY_ID]: service.registry,
        },
      }),
    },
    spec: { type: 'service', owner, lifecycle: 'production' },
    relations: ownedBy
      ? [{ type: RELATION_OWNED_BY, targetRef: `group:default/${owner}` }]
      : [],
  };
}
