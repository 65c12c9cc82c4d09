import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { followRenamedRefs, RenamedEntity } from './followRenamedRefs';

function component(
  name: string,
  spec: Record<string, unknown> = {},
  namespace?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team',
      system: 'shop',
      ...spec,
    },
  };
}

const system = (name: string, namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { owner: 'group:default/team' },
});

/** The run as the mapping made it, then as `transform` leaves each entity. */
function run(
  mapped: Entity[],
  transform: (entity: Entity) => Entity | undefined,
): RenamedEntity[] {
  return mapped.flatMap(entity => {
    const originalRef = stringifyEntityRef(entity);
    const out = transform(structuredClone(entity));
    return out ? [{ entity: out, originalRef }] : [];
  });
}

const renamed =
  (kind: string, prefix: string) =>
  (entity: Entity): Entity =>
    entity.kind === kind
      ? {
          ...entity,
          metadata: {
            ...entity.metadata,
            name: `${prefix}${entity.metadata.name}`,
          },
        }
      : entity;

const moved =
  (kind: string, namespace: string) =>
  (entity: Entity): Entity =>
    entity.kind === kind
      ? { ...entity, metadata: { ...entity.metadata, namespace } }
      : entity;

const byName = (entities: Entity[], name: string) =>
  entities.find(e => e.metadata.name === name)!;

describe('followRenamedRefs', () => {
  const registry = () => [
    system('shop'),
    component('cart', {
      dependsOn: [
        'component:default/shop-api',
        'component:default/not-in-the-registry',
        'resource:default/orders-db',
      ],
    }),
    component('shop-api'),
  ];

  it("points consumers' dependsOn at the Components a transformer renamed, and nothing else", () => {
    const out = followRenamedRefs(
      run(registry(), renamed('Component', 'acme-')),
    );
    expect(byName(out, 'acme-cart').spec?.dependsOn).toEqual([
      'component:default/acme-shop-api',
      'component:default/not-in-the-registry',
      'resource:default/orders-db',
    ]);
    expect(byName(out, 'acme-cart').spec?.system).toBe('shop');
    expect(byName(out, 'acme-cart').spec?.owner).toBe('group:default/team');
  });

  it("points the Components' system at the System a transformer renamed", () => {
    const out = followRenamedRefs(run(registry(), renamed('System', 'acme-')));
    expect(byName(out, 'cart').spec?.system).toBe('system:default/acme-shop');
    expect(byName(out, 'shop-api').spec?.system).toBe(
      'system:default/acme-shop',
    );
  });

  it('writes in full a short ref of a Component moved to another namespace, which the catalog would read in the new one', () => {
    const out = followRenamedRefs(
      run(registry(), moved('Component', 'platform')),
    );
    // the System stayed in the default namespace, as did the owner Group
    expect(byName(out, 'cart').spec?.system).toBe('system:default/shop');
    expect(byName(out, 'cart').spec?.owner).toBe('group:default/team');
    expect(byName(out, 'cart').spec?.dependsOn).toEqual([
      'component:platform/shop-api',
      'component:default/not-in-the-registry',
      'resource:default/orders-db',
    ]);
  });

  it('keeps a short ref that already resolves to the moved entity, when everything moved together', () => {
    const out = followRenamedRefs(
      run(registry(), entity =>
        moved('System', 'platform')(moved('Component', 'platform')(entity)),
      ),
    );
    expect(byName(out, 'cart').spec?.system).toBe('shop');
  });

  it('keeps the refs a transformer wrote itself, and refs to an entity it dropped', () => {
    const out = followRenamedRefs(
      run([...registry(), component('legacy')], entity => {
        if (entity.metadata.name === 'legacy') return undefined;
        if (entity.metadata.name === 'cart') {
          return {
            ...renamed('Component', 'acme-')(entity),
            spec: {
              ...entity.spec,
              system: 'system:platform/platform-shop',
              dependsOn: [
                'component:default/acme-shop-api',
                'component:default/legacy',
              ],
            },
          };
        }
        return renamed('Component', 'acme-')(entity);
      }),
    );
    expect(byName(out, 'acme-cart').spec).toMatchObject({
      system: 'system:platform/platform-shop',
      dependsOn: [
        'component:default/acme-shop-api',
        'component:default/legacy',
      ],
    });
  });

  it('follows a ref written in another case, as the catalog reads refs without case', () => {
    const out = followRenamedRefs(
      run(
        [
          component('cart', { dependsOn: ['Component:Default/Shop-API'] }),
          component('shop-api'),
        ],
        renamed('Component', 'acme-'),
      ),
    );
    expect(byName(out, 'acme-cart').spec?.dependsOn).toEqual([
      'component:default/acme-shop-api',
    ]);
  });

  it("follows a Group's parent and children", () => {
    const group = (name: string, spec: Record<string, unknown>): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name },
      spec: { type: 'team', children: [], ...spec },
    });
    const out = followRenamedRefs(
      run(
        [group('platform', { children: ['payments'] }), group('payments', {})],
        entity =>
          entity.metadata.name === 'payments'
            ? renamed('Group', 'org-')(entity)
            : entity,
      ),
    );
    expect(byName(out, 'platform').spec?.children).toEqual([
      'group:default/org-payments',
    ]);
  });

  it('returns the same entities when no transformer renamed or moved one', () => {
    const items = run(registry(), entity => ({
      ...entity,
      metadata: { ...entity.metadata, labels: { team: 'a' } },
    }));
    const out = followRenamedRefs(items);
    out.forEach((entity, index) => expect(entity).toBe(items[index].entity));
  });

  it('copies an entity whose refs change, leaving the one the transformer returned as it was', () => {
    const items = run(registry(), renamed('Component', 'acme-'));
    const cart = items.find(i => i.entity.metadata.name === 'acme-cart')!;
    const out = followRenamedRefs(items);
    expect(byName(out, 'acme-cart')).not.toBe(cart.entity);
    expect(cart.entity.spec?.dependsOn).toContain('component:default/shop-api');
  });
});
