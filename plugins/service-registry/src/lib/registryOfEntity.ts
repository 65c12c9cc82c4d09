import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_REGISTRY_ID } from '@service-registry/plugin-service-registry-common';

/**
 * The registry (catalog provider id) an entity was ingested from: its
 * `service-registry.io/registry-id` annotation. Undefined when the entity has none, or an empty
 * one: a request then names no registry and the backend answers its only one (or `default`), where
 * `default` would be a 404 for a portal whose single registry is configured under another key, and
 * an empty `registry=` a 400.
 *
 * @param entity - the entity of the page the card is on
 */
export function registryOfEntity(entity: Entity): string | undefined {
  const id = entity.metadata.annotations?.[ANNOTATION_REGISTRY_ID]?.trim();
  return id ? id : undefined;
}

/**
 * A registry in words: `registry "<id>"`, or `the service registry` when the card names none (see
 * {@link registryOfEntity}).
 *
 * @param registry - the registry id, if any
 * @param sentenceStart - capitalised, to start a sentence
 */
export function registryWords(
  registry: string | undefined,
  sentenceStart = false,
): string {
  const words = registry ? `registry "${registry}"` : 'the service registry';
  return sentenceStart ? words[0].toUpperCase() + words.slice(1) : words;
}
