import { Entity } from '@backstage/catalog-model';

/** What {@link registryComponent} and {@link registrySystem} build. */
export interface RegistryEntityOptions {
  /** The entity's namespace; none (the default namespace) when undefined. */
  namespace?: string;
  /** The registry (catalog provider id) of the entity; `default` when undefined. */
  registry?: string;
  /** More annotations, written last (they may override the registry's). */
  annotations?: Record<string, string>;
  /** `metadata.title`; none when undefined. */
  title?: string;
}

function registryAnnotations(
  options: RegistryEntityOptions,
  id: Record<string, string>,
): Record<string, string> {
  return {
    'service-registry.io/registry-id': options.registry ?? 'default',
    ...id,
    ...options.annotations,
  };
}

/**
 * A Component as the catalog provider emits it for a registry service, under any name (an entity
 * transformer may have renamed it): annotated with its registry and, when given, the service id.
 *
 * @param name - the entity's name
 * @param options - its service id, lifecycle, namespace, registry and more annotations
 */
export function registryComponent(
  name: string,
  options: RegistryEntityOptions & {
    /** The registry id of the service (`service-registry.io/service-id`); none when undefined. */
    serviceId?: string;
    /** `spec.lifecycle`; `production` when undefined. */
    lifecycle?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: options.namespace,
      title: options.title,
      annotations: registryAnnotations(
        options,
        options.serviceId
          ? { 'service-registry.io/service-id': options.serviceId }
          : {},
      ),
    },
    spec: {
      type: 'service',
      owner: 'team',
      lifecycle: options.lifecycle ?? 'production',
    },
  };
}

/**
 * A System as the catalog provider emits it for a registry project, under any name: annotated with
 * its registry and, when given, the project id (the shared System of global services has none).
 *
 * @param name - the entity's name
 * @param options - its project id, namespace, registry and more annotations
 */
export function registrySystem(
  name: string,
  options: RegistryEntityOptions & {
    /** The registry id of the project (`service-registry.io/project`); none when undefined. */
    project?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      namespace: options.namespace,
      title: options.title,
      annotations: registryAnnotations(
        options,
        options.project
          ? { 'service-registry.io/project': options.project }
          : {},
      ),
    },
    spec: { owner: 'team' },
  };
}
