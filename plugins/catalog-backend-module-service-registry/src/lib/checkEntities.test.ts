import {
  FieldFormatEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  hasControlCharacter,
  loadRegistry,
} from '@service-registry/plugin-service-registry-common';
import { applyTransformers } from './applyTransformers';
import { checkEntities } from './checkEntities';
import { mapRegistryToEntities } from './mapRegistryToEntities';
import { TEST_MAP_OPTIONS } from '../__testUtils__/mapOptions';

const options = TEST_MAP_OPTIONS;

function mapped(files: Record<string, string>) {
  const registry = loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
  return mapRegistryToEntities(registry, options);
}

describe('checkEntities', () => {
  it('reports a project named like the shared System, keeping the project', async () => {
    const items = mapped({
      'services/catalog.toml': '[service.auth]\nowner = "platform"\n',
      'projects/shared/services.toml':
        '[project]\nname = "Shared stuff"\nowner = "ops"\n\n[service.shared-api]\n',
    });
    const { entities, findings } = await checkEntities(items, options);

    const systems = entities.filter(e => e.entity.kind === 'System');
    expect(systems.map(e => stringifyEntityRef(e.entity))).toEqual([
      'system:default/shared',
    ]);
    expect(systems[0].entity.metadata.title).toBe('Shared stuff');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'catalog/duplicate-entity',
        file: 'projects/shared/services.toml',
        line: 1,
        column: 1,
        project: 'shared',
        message: expect.stringContaining('sharedSystem'),
      }),
    ]);
  });

  it('leaves out entities the catalog would refuse, naming the declaration', async () => {
    const items = mapped({
      'services/catalog.toml':
        '[service.good]\nowner = "platform"\n\n[service.-lead]\nowner = "platform"\n',
    });
    const { entities, findings } = await checkEntities(items, options);

    expect(entities.map(e => e.entity.metadata.name)).not.toContain('-lead');
    expect(entities.map(e => e.entity.metadata.name)).toContain('good');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'catalog/invalid-entity',
        file: 'services/catalog.toml',
        line: 4,
        service: '-lead',
        message: expect.stringMatching(/metadata\.name.*Rename/),
      }),
    ]);
  });

  it('names an entity it leaves out with escapes for the control characters of its id', async () => {
    // found by the fuzz test: `[service."a\u202eb"]` (an invalid id, still mapped) was named
    // with a raw right-to-left override, in the message and in the catalog's reason it quotes
    const items = mapped({
      'services/catalog.toml':
        '[service."a\\u202eb"]\nowner = "platform"\n[service."c\\u0000d"]\n',
    });
    const { findings } = await checkEntities(items, options);
    expect(findings.map(f => [f.code, f.line, f.service])).toEqual([
      ['catalog/invalid-entity', 1, 'a\u202eb'],
      ['catalog/invalid-entity', 3, 'c\u0000d'],
    ]);
    expect(findings[0].message).toMatch(
      /^service "a\\u202eb" cannot become a catalog Component, and is left out: .*found "a\\u202eb"/,
    );
    expect(findings[1].message).toContain('service "c\\u0000d"');
    for (const { message } of findings) {
      expect(hasControlCharacter(message)).toBe(false);
    }
  });

  it('emits without a System the services of a project whose System is left out, also when a transformer moved them to another namespace', async () => {
    const items = await applyTransformers(
      mapped({
        'projects/Payments Team/services.toml':
          '[project]\nowner = "payments"\n\n[service.pay-api]\n',
        'projects/orders/services.toml':
          '[project]\nowner = "orders"\n\n[service.order-api]\n',
      }),
      [
        function intoTeamNamespace(entity) {
          return entity.kind === 'Component'
            ? { ...entity, metadata: { ...entity.metadata, namespace: 'team' } }
            : entity;
        },
      ],
      { timeoutMs: 60_000 },
    );
    const { entities } = await checkEntities(items, options);
    const spec = (name: string) =>
      entities.find(e => e.entity.metadata.name === name)!.entity.spec;
    expect(spec('pay-api')).not.toHaveProperty('system');
    // the ref the provider wrote in full for the moved Component
    expect(spec('order-api')!.system).toBe('system:default/orders');
  });

  it('emits the services of a project whose System is left out without a System', async () => {
    const items = mapped({
      'services/catalog.toml': '[service.auth]\nowner = "platform"\n',
      'projects/Payments Team/services.toml':
        '[project]\nowner = "payments"\n\n[service.pay-api]\n',
      'projects/orders/services.toml':
        '[project]\nowner = "orders"\n\n[service.order-api]\n',
    });
    const { entities, findings } = await checkEntities(items, options);

    const system = (name: string) =>
      entities.find(e => e.entity.metadata.name === name)!.entity.spec!.system;
    expect(
      entities.find(e => e.entity.metadata.name === 'pay-api')!.entity.spec,
    ).not.toHaveProperty('system');
    expect(system('order-api')).toBe('orders');
    expect(system('auth')).toBe('shared');
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'catalog/invalid-entity',
        file: 'projects/Payments Team/services.toml',
        project: 'Payments Team',
        message: expect.stringContaining(
          'Until then its services are in the catalog without a System.',
        ),
      }),
    ]);
  });

  it('passes every mapped entity through the catalog’s own field checks', async () => {
    const items = mapped({
      'services/catalog.toml':
        '[service.billing]\nowner = "user:jane"\ntags = ["a - b", "C++ / Rust", "x--y", "-edge-"]\n',
    });
    const { entities, findings } = await checkEntities(items, options);
    expect(findings).toEqual([]);
    const policy = new FieldFormatEntityPolicy();
    for (const { entity } of entities) {
      await expect(policy.enforce(entity)).resolves.toBeDefined();
    }
  });
});
