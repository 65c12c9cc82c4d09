import { AuthService } from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ENTITY_REFS_PER_REQUEST,
  serviceEntityRefs,
} from './serviceEntityRefs';

/**
 * Builds the `reachable` check of {@link ConsumerNotifier} from the catalog: a consuming service
 * of a registry is reachable at its Components (see {@link serviceEntityRefs}: those annotated
 * with its id and the registry, which a transformer may have renamed or moved, else
 * `component:default/<id>` unless that is annotated as another registry's service or another
 * service's) that are in the catalog with an owner relation, which is what the notifications
 * backend follows to find the users to tell.
 *
 * @param catalog - the catalog service
 * @param auth - for the module's own service credentials
 * @returns the check: for each reachable consumer, the refs of its owned Components
 */
export function reachableInCatalog(
  catalog: CatalogService,
  auth: AuthService,
): (
  consumers: string[],
  registryId: string,
) => Promise<ReadonlyMap<string, readonly string[]>> {
  return async (consumers, registryId) => {
    const reachable = new Map<string, string[]>();
    if (consumers.length === 0) return reachable;
    const refsOf = await serviceEntityRefs(
      { catalog, auth },
      registryId,
      consumers,
    );
    const refs = [...new Set([...refsOf.values()].flat())];
    const owned = new Set<string>();
    const credentials = await auth.getOwnServiceCredentials();
    for (let i = 0; i < refs.length; i += ENTITY_REFS_PER_REQUEST) {
      const chunk = refs.slice(i, i + ENTITY_REFS_PER_REQUEST);
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: chunk, fields: ['relations'] },
        { credentials },
      );
      items.forEach((entity, index) => {
        if (entity?.relations?.some(r => r.type === RELATION_OWNED_BY)) {
          owned.add(chunk[index]);
        }
      });
    }
    for (const [consumer, consumerRefs] of refsOf) {
      const routable = consumerRefs.filter(ref => owned.has(ref));
      if (routable.length > 0) reachable.set(consumer, routable);
    }
    return reachable;
  };
}
