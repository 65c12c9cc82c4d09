import {
  ANNOTATION_PROJECT,
  ANNOTATION_SERVICE_ID,
  ANNOTATION_SHARED_SYSTEM,
  hasControlCharacter,
  loadRegistry,
} from '@service-registry/plugin-service-registry-common';
import { mapRegistryToEntities } from './mapRegistryToEntities';
import { TEST_MAP_OPTIONS } from '../__testUtils__/mapOptions';

const options = TEST_MAP_OPTIONS;

function linksOf(repository: string) {
  const registry = loadRegistry([
    {
      path: 'services/catalog.toml',
      text: `[service.billing]\nowner = "billing-team"\nversion = "1.0.0"\nstatus = "ga"\nrepository = "${repository}"\n`,
    },
  ]);
  const [billing] = mapRegistryToEntities(registry, options).filter(
    m => m.entity.kind === 'Component',
  );
  return billing.entity.metadata.links;
}

describe('mapRegistryToEntities: the repository link', () => {
  it('is the repository URL as written', () => {
    expect(linksOf('https://github.com/acme/billing')).toEqual([
      {
        url: 'https://github.com/acme/billing',
        title: 'Repository',
        type: 'repository',
      },
    ]);
  });

  it('never carries a user name or password written into the URL', () => {
    const [link] = linksOf(
      'https://deploy:s3cretpass@git.example.com/billing.git',
    )!;
    expect(link.url).toBe('https://git.example.com/billing.git');
    const [token] = linksOf('https://ghp_tokenvalue@github.com/acme/billing')!;
    expect(token.url).toBe('https://github.com/acme/billing');
  });

  it('percent-encodes a bidirectional override or a line separator written into the URL', () => {
    // displayed raw, U+202E would show the rest of the link reversed ("Trojan Source")
    const [link] = linksOf('https://github.com/acme/billing\\u202egnp.exe')!;
    expect(link.url).toBe('https://github.com/acme/billing%E2%80%AEgnp.exe');
    const [separator] = linksOf('https://github.com/acme/billing?q=a\\u2028b')!;
    expect(separator.url).toBe('https://github.com/acme/billing?q=a%E2%80%A8b');
  });
});

describe('mapRegistryToEntities: control characters', () => {
  /** Every string of a JSON value (keys too), with its path. */
  function stringsOf(value: unknown, path = '$'): [string, string][] {
    if (typeof value === 'string') return [[path, value]];
    if (Array.isArray(value)) {
      return value.flatMap((v, k) => stringsOf(v, `${path}[${k}]`));
    }
    if (value && typeof value === 'object') {
      return Object.entries(value).flatMap(([key, v]) => [
        [`${path}.<key>`, key] as [string, string],
        ...stringsOf(v, `${path}.${key}`),
      ]);
    }
    return [];
  }

  it('puts none in any string of an entity', () => {
    const registry = loadRegistry([
      {
        path: 'projects/shop/services.toml',
        text: [
          '[project]',
          'name = "Shop\\u001b[2J"',
          'description = "The\\u0000 shop"',
          'environment = "prod\\u009b"',
          'owner = "shop\\u0007-team"',
          '[service.orders]',
          'version = "1.0.0"',
          'status = "ga"',
          'name = "Orders\\b\\f"',
          'description = "bad\\u001b[31mred\\u202e"',
          'type = "worker\\u007f"',
          'owner = "orders\\u001b-team"',
          'tags = ["pay\\u0085ments", "\\u001b[1m"]',
          'repository = "https://github.com/acme/orders\\u001b[31m?q=\\u0085#x\\u007f\\u202e"',
          '',
        ].join('\n'),
      },
    ]);
    expect(
      registry.findings.filter(f => f.code === 'schema/control-character'),
    ).toHaveLength(10);
    const mapped = mapRegistryToEntities(registry, {
      ...options,
      ownerGroups: true,
    });
    const orders = mapped.find(m => m.entity.metadata.name === 'orders')!;
    expect(orders.entity.metadata.description).toBe('bad[31mred');
    expect(orders.entity.metadata.title).toBe('Orders');
    expect(orders.entity.metadata.links).toEqual([
      {
        url: 'https://github.com/acme/orders%1B[31m?q=%C2%85#x%7F%E2%80%AE',
        title: 'Repository',
        type: 'repository',
      },
    ]);
    const shop = mapped.find(m => m.entity.kind === 'System')!;
    expect(shop.entity.metadata.title).toBe('Shop[2J');
    expect(mapped.length).toBeGreaterThan(2);
    for (const { entity } of mapped) {
      const bad = stringsOf(entity).filter(([, text]) =>
        hasControlCharacter(text),
      );
      expect(bad).toEqual([]);
    }
  });
});

describe('mapRegistryToEntities: credentials in free text', () => {
  it('hides credentials of a known form in titles and descriptions, keeping the rest', () => {
    const registry = loadRegistry([
      {
        path: 'projects/shop/services.toml',
        text: [
          '[project]',
          'id = "shop"',
          'name = "Shop (postgres://app:Hunter2Secret@db.internal/shop)"',
          'description = "Deploy with ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"',
          'environment = "https://admin:Hunter2Secret@env.internal"',
          '[service.orders]',
          'version = "1.0.0"',
          'name = "Orders (postgres://app:Hunter2Secret@db.internal/orders)"',
          'description = "Admin at https://admin:Hunter2Secret@orders.internal/admin"',
          '',
        ].join('\n'),
      },
    ]);
    const entities = mapRegistryToEntities(registry, options).map(
      m => m.entity,
    );
    const text = JSON.stringify(entities);
    expect(text).not.toContain('Hunter2Secret');
    expect(text).not.toContain('ghp_A1b2');
    const orders = entities.find(e => e.kind === 'Component')!;
    expect(orders.metadata.title).toBe(
      'Orders (postgres://app:(hidden)@db.internal/orders)',
    );
    const shop = entities.find(e => e.kind === 'System')!;
    expect(shop.metadata.title).toBe(
      'Shop (postgres://app:(hidden)@db.internal/shop)',
    );
  });
});

describe('mapRegistryToEntities: credentials given to a flag in a description', () => {
  function descriptionOf(description: string) {
    const registry = loadRegistry([
      {
        path: 'projects/shop/services.toml',
        text: [
          '[service.orders]',
          'version = "1.0.0"',
          `description = "${description}"`,
          '',
        ].join('\n'),
      },
    ]);
    const [orders] = mapRegistryToEntities(registry, options).filter(
      m => m.entity.kind === 'Component',
    );
    return orders.entity.metadata.description;
  }

  it('shows the flag and hides its value', () => {
    expect(
      descriptionOf('Start it with: app --password hunter2 --port 80'),
    ).toBe('Start it with: app --password (hidden) --port 80');
    expect(descriptionOf('Start it with: app --token=abc123 --port 80')).toBe(
      'Start it with: app --token=(hidden) --port 80',
    );
  });

  it('leaves a description that only names the flag as it is', () => {
    expect(descriptionOf('Log in with --password and the user name')).toBe(
      'Log in with --password and the user name',
    );
    expect(
      descriptionOf('Start it with: app --password-file /run/secrets/db'),
    ).toBe('Start it with: app --password-file /run/secrets/db');
  });
});

describe('mapRegistryToEntities: credentials in names', () => {
  it('takes no owner, type or tag that holds a credential: the owner falls back, the type is service, the tag is left out', () => {
    const token = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const registry = loadRegistry([
      {
        path: 'projects/shop/services.toml',
        text: [
          '[project]',
          'owner = "shop-team"',
          '[service.orders]',
          'version = "1.0.0"',
          `owner = "${token}"`,
          `type = "${token}"`,
          `tags = ["orders", "${token}"]`,
          '[service.cart]',
          'version = "1.0.0"',
          `owner = "@team-${token}"`,
          '',
        ].join('\n'),
      },
    ]);
    const mapped = mapRegistryToEntities(registry, options);
    // however a name is normalised (lower case, `_` as `-`)
    expect(
      JSON.stringify(mapped.map(m => m.entity)).toLowerCase(),
    ).not.toContain(token.slice(4).toLowerCase());
    const component = (id: string) =>
      mapped.find(
        m => m.entity.kind === 'Component' && m.entity.metadata.name === id,
      )!.entity;
    expect(component('orders').spec!.owner).toBe('group:default/shop-team');
    expect(component('orders').spec!.type).toBe('service');
    expect(component('orders').metadata.tags).toEqual(['orders']);
    expect(component('cart').spec!.owner).toBe('group:default/shop-team');
    expect(
      mapped
        .filter(m => m.entity.kind === 'Group')
        .map(m => m.entity.metadata.name),
    ).toEqual(['shop-team']);
  });
});

describe('mapRegistryToEntities: credentials pasted as ids', () => {
  // a valid registry id (the loader takes it in a dependency list too)
  const serviceToken = 'glpat-a1b2c3d4e5f6g7h8i9j0k1l2';
  const projectToken = 'ghp_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
  const registry = () =>
    loadRegistry([
      {
        path: 'services/catalog.toml',
        text: [
          `[service.${serviceToken}]`,
          'version = "1.0.0"',
          '[service.db]',
          'version = "1.0.0"',
          '[service.api]',
          'version = "1.0.0"',
          `dependencies.requires = ["${serviceToken}", "db"]`,
          '[service.old]',
          'version = "1.0.0"',
          'status = "deprecated"',
          `replacement_service = "${serviceToken}"`,
          '',
        ].join('\n'),
      },
      {
        path: `projects/${projectToken}/services.toml`,
        text: [
          '[project]',
          'owner = "shop-team"',
          '[service.cart]',
          'version = "1.0.0"',
          'dependencies.requires = ["db"]',
          '',
        ].join('\n'),
      },
    ]);

  it('puts no credential into any entity: the service and the project are left out, and reported where they are', () => {
    const leftOut: unknown[] = [];
    const mapped = mapRegistryToEntities(registry(), {
      ...options,
      fileLocation: file => ({
        location: `url:https://git.example.com/registry/${file}`,
        viewUrl: line =>
          `https://git.example.com/registry/blob/main/${file}#L${line}`,
        editUrl: `https://git.example.com/registry/edit/main/${file}`,
      }),
      onLeftOut: item => leftOut.push(item),
    });
    const json = JSON.stringify(mapped.map(m => m.entity)).toLowerCase();
    expect(json).not.toContain(serviceToken.slice(6));
    expect(json).not.toContain(projectToken.slice(4).toLowerCase());
    expect(
      mapped.map(m => `${m.entity.kind}:${m.entity.metadata.name}`).sort(),
    ).toEqual([
      'Component:api',
      'Component:cart',
      'Component:db',
      'Component:old',
      'Group:shop-team',
      'Group:unknown',
      'System:shared',
    ]);
    // never the value, in the report either
    expect(JSON.stringify(leftOut)).not.toContain(serviceToken.slice(6));
    expect(JSON.stringify(leftOut)).not.toContain(projectToken.slice(4));
    expect(leftOut).toEqual([
      {
        kind: 'service',
        file: 'services/catalog.toml',
        line: 1,
        column: 1,
      },
      {
        kind: 'project',
        file: 'projects/(hidden)/services.toml',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('keeps the other dependencies of the consumers, and the services of such a project without a System', () => {
    const mapped = mapRegistryToEntities(registry(), options);
    const component = (id: string) =>
      mapped.find(
        m => m.entity.kind === 'Component' && m.entity.metadata.name === id,
      )!.entity;
    expect(component('api').spec!.dependsOn).toEqual(['component:default/db']);
    expect(component('api').spec!.system).toBe('shared');
    expect(
      component('old').metadata.annotations!['service-registry.io/replacement'],
    ).toBeUndefined();
    const cart = component('cart');
    // as the services of a project folder whose name cannot name a System
    expect(cart.spec!.system).toBeUndefined();
    expect(cart.spec!.owner).toBe('group:default/shop-team');
    expect(cart.spec!.dependsOn).toEqual(['component:default/db']);
    expect(
      cart.metadata.annotations!['service-registry.io/project'],
    ).toBeUndefined();
    // its file's path holds the credential: the entity points at the registry
    expect(cart.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': 'file:/srv/registry',
      'backstage.io/source-location': 'file:/srv/registry',
      'service-registry.io/source-file': 'projects/(hidden)/services.toml',
      'service-registry.io/source-line': '3',
    });
  });
});

describe('mapRegistryToEntities: owners and tags', () => {
  function billing(owner: string, tags = '[]') {
    const registry = loadRegistry([
      {
        path: 'services/catalog.toml',
        text: `[service.billing]\nowner = "${owner}"\ntags = ${tags}\n`,
      },
    ]);
    const all = mapRegistryToEntities(registry, options);
    const component = all.find(m => m.entity.kind === 'Component')!.entity;
    const groups = all
      .filter(m => m.entity.kind === 'Group')
      .map(m => m.entity.metadata.name);
    return { component, groups };
  }

  it('keeps an owner written as an entity ref, and emits no Group for it', () => {
    expect(billing('user:jane').component.spec!.owner).toBe(
      'user:default/jane',
    );
    expect(billing('user:jane').groups).toEqual(['unknown']);
    expect(billing('group:ops/sre').component.spec!.owner).toBe(
      'group:ops/sre',
    );
    expect(billing('group:ops/sre').groups).toEqual(['unknown']);
    expect(billing('group:default/sre').component.spec!.owner).toBe(
      'group:default/sre',
    );
    expect(billing('group:default/sre').groups).toEqual(['sre', 'unknown']);
  });

  it('still turns a team name into a Group', () => {
    expect(billing('@Platform Team').component.spec!.owner).toBe(
      'group:default/platform-team',
    );
    expect(billing('@Platform Team').groups).toEqual([
      'platform-team',
      'unknown',
    ]);
  });

  it("emits the Group of the provider's own owners, which no service names, as any owner's", () => {
    const registry = loadRegistry([
      {
        path: 'projects/shop/services.toml',
        text: '[project]\nowner = "shop-team"\n\n[service.orders]\nversion = "1.0.0"\n',
      },
    ]);
    const groups = (overrides: Partial<typeof options>) =>
      mapRegistryToEntities(registry, { ...options, ...overrides })
        .filter(m => m.entity.kind === 'Group')
        .map(m => m.entity.metadata.name);
    expect(groups({})).toEqual(['shop-team']);
    expect(groups({ providerOwners: ['@Platform Ops'] })).toEqual([
      'platform-ops',
      'shop-team',
    ]);
    // as for any owner: none for a user, or for a Group another source defines
    expect(groups({ providerOwners: ['user:jane'] })).toEqual(['shop-team']);
    expect(
      groups({
        providerOwners: ['platform-ops'],
        existingGroups: new Set(['platform-ops']),
      }),
    ).toEqual(['shop-team']);
  });

  it('makes tags the catalog accepts', () => {
    expect(
      billing('x', '["a - b", "x--y", "-edge-", "Go"]').component.metadata.tags,
    ).toEqual(['a-b', 'edge', 'go', 'x-y']);
    const long = `${'a'.repeat(62)}-b`;
    const [tag] = billing('x', `["${long}"]`).component.metadata.tags!;
    expect(tag).toBe('a'.repeat(62));
  });
});

describe('mapRegistryToEntities: the service id annotation', () => {
  const registry = () =>
    loadRegistry([
      {
        path: 'services/catalog.toml',
        text: '[service.shop-api]\nversion = "1.0.0"\n',
      },
      {
        path: 'projects/shop/services.toml',
        text: '[project]\nowner = "shop-team"\n[service.cart]\nversion = "1.0.0"\n',
      },
    ]);

  it("writes each Component's registry id, which a transformer renaming the Component leaves for the UI to find the service by", () => {
    const mapped = mapRegistryToEntities(registry(), options);
    const ids = Object.fromEntries(
      mapped
        .filter(m => m.entity.kind === 'Component')
        .map(m => [
          m.entity.metadata.name,
          m.entity.metadata.annotations![ANNOTATION_SERVICE_ID],
        ]),
    );
    expect(ids).toEqual({ 'shop-api': 'shop-api', cart: 'cart' });
  });

  it('writes none on Systems, whose project the project annotation gives', () => {
    const systems = mapRegistryToEntities(registry(), options).filter(
      m => m.entity.kind === 'System',
    );
    expect(
      systems.map(m => [
        m.entity.metadata.name,
        m.entity.metadata.annotations![ANNOTATION_SERVICE_ID],
        m.entity.metadata.annotations![ANNOTATION_PROJECT],
      ]),
    ).toEqual([
      ['shop', undefined, 'shop'],
      ['shared', undefined, undefined],
    ]);
  });

  it('marks the shared System with the name it is given, which a transformer renaming it leaves for the UI to find it by', () => {
    const marks = (sharedSystem: string) =>
      mapRegistryToEntities(registry(), { ...options, sharedSystem })
        .filter(m => m.entity.kind === 'System')
        .map(m => [
          m.entity.metadata.name,
          m.entity.metadata.annotations![ANNOTATION_SHARED_SYSTEM],
        ]);
    expect(marks('shared')).toEqual([
      ['shop', undefined],
      ['shared', 'shared'],
    ]);
    expect(marks('platform')).toEqual([
      ['shop', undefined],
      ['platform', 'platform'],
    ]);
  });
});
