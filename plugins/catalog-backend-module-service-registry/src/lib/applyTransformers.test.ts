import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import {
  applyTransformers,
  EntityTransform,
  TransformerError,
} from './applyTransformers';
import { MappedEntity, mapRegistryToEntities } from './mapRegistryToEntities';
import { TEST_MAP_OPTIONS } from '../__testUtils__/mapOptions';

const options = TEST_MAP_OPTIONS;

const CATALOG = `[service.auth]
owner = "platform"

[service.billing]
owner = "platform"
description = "Invoices"
`;

function mapped(): MappedEntity[] {
  return mapRegistryToEntities(
    loadRegistry([{ path: 'services/catalog.toml', text: CATALOG }]),
    options,
  );
}

const refs = (items: MappedEntity[]) =>
  items.map(item => stringifyEntityRef(item.entity));

/**
 * The time limit of the tests that are not about it: generous, as the catalog's checks of the
 * first entities (its schemas compiled on first use) take a while on a busy machine.
 */
const UNHURRIED = { timeoutMs: 60_000 };

/** The error applyTransformers fails with. */
async function failure(
  transformers: Array<EntityTransform<MappedEntity>>,
  extra: Partial<Parameters<typeof applyTransformers>[2]> = {},
): Promise<TransformerError> {
  const error = await applyTransformers(mapped(), transformers, {
    ...UNHURRIED,
    ...extra,
  }).then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(TransformerError);
  return error;
}

function withSpec(entity: Entity, spec: Entity['spec']): Entity {
  return { ...entity, spec };
}

describe('applyTransformers', () => {
  it('changes and drops entities in the order of the transformers', async () => {
    const items = await applyTransformers(
      mapped(),
      [
        entity =>
          entity.metadata.name === 'auth'
            ? undefined
            : {
                ...entity,
                metadata: { ...entity.metadata, labels: { step: 'one' } },
              },
        async entity => ({
          ...entity,
          metadata: {
            ...entity.metadata,
            labels: { ...entity.metadata.labels, step2: 'two' },
          },
        }),
        entity => (entity.kind === 'Group' ? null : entity),
      ],
      UNHURRIED,
    );

    expect(refs(items)).toEqual([
      'component:default/billing',
      'system:default/shared',
    ]);
    expect(items[0].entity.metadata.labels).toEqual({
      step: 'one',
      step2: 'two',
    });
    // the registry record stays with its entity
    expect(items[0].service?.id).toBe('billing');
  });

  it('names the transformer and the entity when a transformer throws', async () => {
    function addCostCentre(entity: Entity) {
      if (entity.metadata.name === 'billing') {
        throw new Error('no cost centre for billing');
      }
      return entity;
    }
    const error = await failure([entity => entity, addCostCentre]);
    expect(error.message).toBe(
      'the entity transformer "addCostCentre" failed on component:default/billing: Error: no cost centre for billing',
    );
    // without a name, by its place
    const anonymous = await failure([
      entity => entity,
      // an inline function has no name
      ...[
        (entity: Entity) => {
          if (entity.kind === 'System') throw new Error('boom');
          return entity;
        },
      ],
    ]);
    expect(anonymous.message).toBe(
      'the entity transformer #2 failed on system:default/shared: Error: boom',
    );
  });

  it('fails a transformer whose promise does not settle within the time limit', async () => {
    const hanging: EntityTransform<MappedEntity> = entity =>
      entity.metadata.name === 'billing'
        ? new Promise<Entity>(() => {})
        : entity;
    const started = Date.now();
    const error = await failure([hanging], { timeoutMs: 300 });
    expect(error.message).toBe(
      'the entity transformer "hanging" was still running on component:default/billing when the run\'s time limit was over (300 ms, the schedule\'s timeout)',
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('shares one time limit among all the transformers of the run', async () => {
    let now = 0;
    // each call takes 400 ms of the clock; the third one has no time left
    const slow: EntityTransform<MappedEntity> = async entity => {
      now += 400;
      return entity;
    };
    const error = await failure([slow], { timeoutMs: 1000, now: () => now });
    expect(error.message).toMatch(
      /^the entity transformer "slow" was still running on /,
    );
  });

  it("counts the time limit from the deadline it is given (the run's start), not from its own start", async () => {
    let now = 900;
    let calls = 0;
    // the read and the load took 900 ms of the run's 1000: 100 ms are left for the transformers,
    // and the first call takes 200 ms
    const slow: EntityTransform<MappedEntity> = async entity => {
      if (calls++ === 0) now += 200;
      return entity;
    };
    const error = await failure([slow], {
      timeoutMs: 1000,
      deadline: 1000,
      now: () => now,
    });
    expect(error.message).toMatch(
      /^the entity transformer "slow" was still running on /,
    );
  });

  it.each([
    [
      'a kind the catalog checks, without what that kind requires',
      (entity: Entity) =>
        entity.metadata.name === 'billing'
          ? { ...entity, kind: 'API' }
          : entity,
      'returned for component:default/billing an entity the catalog would refuse (',
    ],
    [
      'a Component without owner',
      (entity: Entity) =>
        entity.metadata.name === 'billing'
          ? withSpec(entity, { ...entity.spec, owner: undefined })
          : entity,
      'returned for component:default/billing an entity the catalog would refuse (',
    ],
    [
      'a name the catalog refuses',
      (entity: Entity) =>
        entity.metadata.name === 'billing'
          ? { ...entity, metadata: { ...entity.metadata, name: 'Billing!' } }
          : entity,
      'returned for component:default/billing an entity the catalog would refuse (',
    ],
    [
      'a field the envelope does not have',
      (entity: Entity) =>
        entity.metadata.name === 'billing'
          ? { ...entity, status2: {} }
          : entity,
      'returned for component:default/billing an entity the catalog would refuse (',
    ],
  ])(
    'fails a transformer that returns %s, naming it',
    async (_, transform, expected) => {
      const error = await failure([transform]);
      expect(error.message).toContain(`the entity transformer #1 ${expected}`);
    },
  );

  it('names a synchronous transformer that takes the run past its time limit', async () => {
    let now = 0;
    function slowLookUp(entity: Entity) {
      now += 400;
      return entity;
    }
    async function fastAsync(entity: Entity) {
      return entity;
    }
    const error = await failure([slowLookUp, fastAsync], {
      timeoutMs: 1000,
      now: () => now,
    });
    expect(error.message).toMatch(
      /^the entity transformer "slowLookUp" was still running on /,
    );
  });

  it('checks an entity a transformer changed in place', async () => {
    const withoutOwner = await failure([
      function dropOwner(entity: Entity) {
        if (entity.metadata.name === 'billing') delete entity.spec!.owner;
        return entity;
      },
    ]);
    expect(withoutOwner.message).toMatch(
      /^the entity transformer "dropOwner", changing the entity in place, returned for component:default\/billing an entity the catalog would refuse \(/,
    );

    const renamed = await failure(
      [
        entity => entity,
        entity => {
          if (entity.metadata.name === 'auth') {
            entity.kind = 'Resource';
            entity.metadata.name = 'service-registry-default';
          }
          return entity;
        },
      ],
      { reservedRefs: new Set(['resource:default/service-registry-default']) },
    );
    expect(renamed.message).toBe(
      "one of the entity transformers (#1, #2), changing the entity in place, renamed component:default/auth to resource:default/service-registry-default, which is the provider's status entity",
    );
  });

  it('leaves an entity the mapping made invalid to the entity checks, whatever a transformer adds', async () => {
    const items = mapRegistryToEntities(
      loadRegistry([
        {
          path: 'services/catalog.toml',
          text: '[service.-legacy]\nowner = "platform"\n[service.ok]\n',
        },
      ]),
      options,
    );
    const out = await applyTransformers(
      items,
      [
        function addAnnotation(entity: Entity) {
          return {
            ...entity,
            metadata: {
              ...entity.metadata,
              annotations: { ...entity.metadata.annotations, 'acme.io/x': 'y' },
            },
          };
        },
      ],
      UNHURRIED,
    );
    expect(refs(out)).toContain('component:default/-legacy');
  });

  it('lets through an entity of a kind the catalog does not know (its processor checks it)', async () => {
    const items = await applyTransformers(
      mapped(),
      [
        entity =>
          entity.metadata.name === 'billing'
            ? {
                ...entity,
                apiVersion: 'acme.io/v1',
                kind: 'Service',
                spec: {},
              }
            : entity,
      ],
      UNHURRIED,
    );
    expect(refs(items)).toContain('service:default/billing');
  });

  it('fails a transformer that renames an entity into another one or into the status entity', async () => {
    const rename =
      (from: string, to: string, kind?: string) => (entity: Entity) =>
        entity.metadata.name === from
          ? {
              ...entity,
              kind: kind ?? entity.kind,
              metadata: { ...entity.metadata, name: to },
            }
          : entity;

    const taken = await failure([rename('auth', 'billing')]);
    expect(taken.message).toBe(
      'the entity transformer #1 renamed component:default/auth to component:default/billing, which another entity of the registry already is',
    );

    const reserved = await failure(
      [
        entity =>
          entity.metadata.name === 'auth'
            ? {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Resource',
                metadata: { name: 'service-registry-default' },
                spec: { type: 'x', owner: 'group:default/platform' },
              }
            : entity,
      ],
      { reservedRefs: new Set(['resource:default/service-registry-default']) },
    );
    expect(reserved.message).toBe(
      "the entity transformer #1 renamed component:default/auth to resource:default/service-registry-default, which is the provider's status entity",
    );

    // renaming into a name set free by dropping that entity is allowed
    const items = await applyTransformers(
      mapped(),
      [
        entity => (entity.metadata.name === 'billing' ? undefined : entity),
        rename('auth', 'billing'),
      ],
      UNHURRIED,
    );
    expect(refs(items)).toContain('component:default/billing');
    expect(
      items.find(i => i.entity.metadata.name === 'billing')?.service?.id,
    ).toBe('auth');
  });

  it('points the relations between the mapped entities at the names and namespaces transformers gave them', async () => {
    const registry = loadRegistry([
      { path: 'services/catalog.toml', text: CATALOG },
      {
        path: 'projects/shop/services.toml',
        text: [
          '[project]',
          'owner = "shop-team"',
          '[service.cart]',
          'owner = "shop-team"',
          '[service.cart.dependencies]',
          'requires = ["auth", "billing"]',
        ].join('\n'),
      },
    ]);
    // every Component prefixed and moved to its System's namespace; the shop System renamed
    const items = await applyTransformers(
      mapRegistryToEntities(registry, options),
      [
        function intoNamespaces(entity) {
          if (entity.kind === 'Component') {
            return {
              ...entity,
              metadata: {
                ...entity.metadata,
                name: `acme-${entity.metadata.name}`,
                namespace: String(entity.spec?.system),
              },
            };
          }
          if (entity.kind === 'System' && entity.metadata.name === 'shop') {
            return {
              ...entity,
              metadata: { ...entity.metadata, name: 'web-shop' },
            };
          }
          return entity;
        },
      ],
      UNHURRIED,
    );
    const cart = items.find(i => i.service?.id === 'cart')!.entity;
    expect(stringifyEntityRef(cart)).toBe('component:shop/acme-cart');
    expect(cart.spec).toMatchObject({
      system: 'system:default/web-shop',
      owner: 'group:default/shop-team',
      dependsOn: [
        'component:shared/acme-auth',
        'component:shared/acme-billing',
      ],
    });
    // the global services' System kept its name: their short ref now reads it in full
    const auth = items.find(i => i.service?.id === 'auth')!.entity;
    expect(auth.spec?.system).toBe('system:default/shared');
  });

  it('returns the mapped entities as they are without transformers', async () => {
    const items = mapped();
    expect(await applyTransformers(items, [], { timeoutMs: 1 })).toEqual(items);
  });
});
