import { AuthService } from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Refs per catalog request. */
const CHUNK = 500;

/**
 * Builds the `reachable` check of {@link ConsumerNotifier} from the catalog: a consuming service
 * is reachable when its Component entity (`component:default/<id>`) is in the catalog with an
 * owner relation, which is what the notifications backend follows to find the users to tell.
 *
 * @param catalog - the catalog service
 * @param auth - for the module's own service credentials
 * @returns the check
 */
export function reachableInCatalog(
  catalog: CatalogService,
  auth: AuthService,
): (consumers: string[]) => Promise<ReadonlySet<string>> {
  return async consumers => {
    const reachable = new Set<string>();
    const credentials = await auth.getOwnServiceCredentials();
    for (let i = 0; i < consumers.length; i += CHUNK) {
      const chunk = consumers.slice(i, i + CHUNK);
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: chunk.map(id => `component:default/${id}`),
          fields: ['metadata.name', 'relations'],
        },
        { credentials },
      );
      items.forEach((entity, index) => {
        if (entity?.relations?.some(r => r.type === RELATION_OWNED_BY)) {
          reachable.add(chunk[index]);
        }
      });
    }
    return reachable;
  };
}
