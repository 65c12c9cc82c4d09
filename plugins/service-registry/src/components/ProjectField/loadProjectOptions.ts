import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  CATALOG_FILTER_EXISTS,
  CatalogApi,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_PROJECT,
  ANNOTATION_REGISTRY_ID,
} from '@service-registry/plugin-service-registry-common';

/** A project of the registry the form offers: the System that stands for it in the catalog. */
export interface ProjectOption {
  /** The System's ref, the value a picked project gives the form (`system:default/shop`). */
  ref: string;
  /** The project id (the folder under `projects/`). */
  id: string;
  /** The System's title, else the project id. */
  label: string;
}

/**
 * The registry's projects as the catalog has them: every System with a
 * `service-registry.io/project` annotation (of `registry` only, when one is named), sorted by
 * label.
 *
 * @param catalogApi - the app's catalog API
 * @param registry - the registry (catalog provider id) the form adds to, if it names one
 */
export async function loadProjectOptions(
  catalogApi: CatalogApi,
  registry?: string,
): Promise<ProjectOption[]> {
  const { items } = await catalogApi.getEntities({
    filter: {
      kind: 'system',
      [`metadata.annotations.${ANNOTATION_PROJECT}`]: CATALOG_FILTER_EXISTS,
      ...(registry && {
        [`metadata.annotations.${ANNOTATION_REGISTRY_ID}`]: registry,
      }),
    },
    fields: [
      'kind',
      'metadata.namespace',
      'metadata.name',
      'metadata.title',
      'metadata.annotations',
    ],
  });
  return items
    .map(entity => {
      const id =
        entity.metadata.annotations?.[ANNOTATION_PROJECT]?.trim() ||
        entity.metadata.name;
      return {
        ref: stringifyEntityRef(entity),
        id,
        label: entity.metadata.title?.trim() || id,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}
