import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity, parseEntityRef } from '@backstage/catalog-model';

/**
 * An entity as the catalog of a test backend serves it to a signed-in user, by its ref
 * (`component:default/cart-api`); undefined while the catalog does not have it.
 *
 * @param backend - a backend from `startTestBackend` with the catalog plugin
 * @param ref - the entity's full ref
 */
export async function catalogEntity(
  backend: { server: Parameters<typeof request>[0] },
  ref: string,
): Promise<Entity | undefined> {
  const { kind, namespace, name } = parseEntityRef(ref);
  const res = await request(backend.server)
    .get(
      `/api/catalog/entities/by-name/${encodeURIComponent(
        kind,
      )}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    )
    .set('Authorization', mockCredentials.user.header());
  return res.status === 200 ? res.body : undefined;
}
