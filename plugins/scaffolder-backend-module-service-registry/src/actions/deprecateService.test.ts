import { promises as fs } from 'node:fs';
import path from 'node:path';
import { getServiceForProject } from '@service-registry/plugin-service-registry-common';
import { loadRegistryFromDirectory } from '@service-registry/plugin-service-registry-node';
import { NotAllowedError } from '@backstage/errors';
import { catalogWith, component } from '../__testUtils__/catalog';
import { renamedRegistry } from '../__testUtils__/renamedRegistry';
import {
  captureLogs,
  cleanUp,
  contextFor,
  snapshot,
  workspaceWithFiles,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { createServiceRegistryDeprecateServiceAction } from './deprecateService';

const action = createServiceRegistryDeprecateServiceAction();

/** The comment of examples/registry right after search-service's tables: where the edit must stop. */
const NEXT_COMMENT =
  '# Deprecated, consumers remain: the migration is on track until 30 days before the sunset';
afterEach(cleanUp);

describe('service-registry:service:deprecate', () => {
  it('deprecates a service in place and lists the consumers that must migrate', async () => {
    const workspace = await workspaceWithRegistry();
    const file = path.join(workspace, 'registry/services/catalog.toml');
    const before = await fs.readFile(file, 'utf8');
    const { ctx, outputs } = contextFor(workspace, {
      id: 'search-service',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-01',
      replacementService: 'new-api',
      migration: {
        guideUrl: 'https://wiki.example.com/search-migration',
        difficulty: 'moderate',
        estimatedEffortHours: 8,
      },
    });
    await action.handler(ctx as any);
    const after = await fs.readFile(file, 'utf8');
    expect(after).toContain(`[service.search-service]
name = "Search Service"
description = "Full-text and faceted search, successor of legacy-search."
type = "api"
owner = "search-team"
version = "3.1.0"
status = "deprecated"
tier = "high"
port = 9200
tags = ["search"]
repository = "https://github.com/example-org/search-service"
deprecation_date = "2026-12-01"
sunset_date = "2027-06-01"
replacement_service = "new-api"

[service.search-service.dependencies]
requires = ["shared-auth@^1.0"]

[service.search-service.sla]
availability = "99.9%"
response_time_p99 = "200ms"

[service.search-service.migration]
guide_url = "https://wiki.example.com/search-migration"
support_until = "2027-06-01"
migration_difficulty = "moderate"
estimated_effort_hours = 8

${NEXT_COMMENT}`);
    // outside the service's lines, the file is unchanged
    const start = before.indexOf('[service.search-service]');
    const end = before.indexOf(NEXT_COMMENT);
    expect(after.slice(0, start)).toBe(before.slice(0, start));
    expect(after.slice(after.indexOf(NEXT_COMMENT))).toBe(before.slice(end));
    const registry = await loadRegistryFromDirectory(
      path.join(workspace, 'registry'),
    );
    const service = registry.services.get('search-service')!;
    expect(service).toMatchObject({
      status: 'deprecated',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-01',
      replacementService: 'new-api',
      migration: {
        guideUrl: 'https://wiki.example.com/search-migration',
        supportUntil: '2027-06-01',
        migrationDifficulty: 'moderate',
        estimatedEffortHours: 8,
      },
    });
    expect(outputs.file).toBe('services/catalog.toml');
    expect(outputs.consumers).toContainEqual({
      service: 'project-a-catalog',
      project: 'project-a',
      owner: 'ecommerce-team',
      optional: true,
    });
    expect(outputs.consumersMarkdown).toContain(
      'Consumers that must migrate off `search-service`',
    );
    expect(outputs.consumersMarkdown).toContain(
      '| `project-a-catalog` | `project-a` | ecommerce-team | optional |',
    );
  });

  it.each([
    [{ id: 'nope', sunsetDate: '2027-01-01' }, /declares no service "nope"/],
    [
      { id: 'payments-gateway-v1', sunsetDate: '2027-01-01' },
      /already retired/,
    ],
    [
      {
        id: 'search-service',
        deprecationDate: '2027-01-01',
        sunsetDate: '2026-01-01',
      },
      /must come after the deprecation date/,
    ],
    [
      {
        id: 'search-service',
        sunsetDate: '2099-01-01',
        replacementService: 'legacy-search',
      },
      /replacement legacy-search is deprecated/,
    ],
    [
      {
        id: 'search-service',
        sunsetDate: '2099-01-01',
        replacementService: 'search-service',
      },
      /cannot replace itself/,
    ],
    [
      {
        id: 'search-service',
        sunsetDate: '2099-01-01',
        replacementService: 'ghost',
      },
      /declares no service "ghost"/,
    ],
    [{ id: 'a"]\n[x', sunsetDate: '2099-01-01' }, /declares no service/],
    [
      // deprecated already, as given: a branch of no change would fail only at publishing
      {
        id: 'payments-gateway-v2',
        sunsetDate: '2026-12-10',
        replacementService: 'payments-gateway-v3',
      },
      /^Nothing to change for payments-gateway-v2: services\/catalog.toml already deprecates it with the dates, replacement and migration given\.$/,
    ],
  ])(
    'refuses %j and leaves the workspace unchanged',
    async (input, message) => {
      const workspace = await workspaceWithRegistry();
      const before = await snapshot(workspace);
      await expect(
        action.handler(contextFor(workspace, input).ctx as any),
      ).rejects.toThrow(message);
      expect(await snapshot(workspace)).toEqual(before);
    },
  );

  it('refuses a migration guide URL holding a control character, naming it, and writes nothing', async () => {
    // the JSON Schema's uri format refuses white space, not an escape character
    const workspace = await workspaceWithRegistry();
    const before = await snapshot(workspace);
    await expect(
      action.handler(
        contextFor(workspace, {
          id: 'search-service',
          sunsetDate: '2099-01-01',
          migration: { guideUrl: 'https://wiki.example.com/\u001b[31mmigrate' },
        }).ctx as any,
      ),
    ).rejects.toThrow(
      /^migration\.guideUrl holds the control character U\+001B \(escape\) \(the first at character 26\): .*nothing was written\.$/,
    );
    expect(await snapshot(workspace)).toEqual(before);
  });

  it('keeps the deprecation date of a deprecated service, and the TOML dates as dates', async () => {
    const workspace = await workspaceWithRegistry();
    const file = path.join(workspace, 'registry/services/catalog.toml');
    const before = await fs.readFile(file, 'utf8');
    const { ctx, outputs } = contextFor(workspace, {
      id: 'legacy-search',
      sunsetDate: '2027-09-01',
    });
    await action.handler(ctx as any);
    const after = await fs.readFile(file, 'utf8');
    expect(after).toBe(
      before
        .replace('sunset_date = 2027-03-01', 'sunset_date = 2027-09-01')
        .replace('support_until = 2027-03-01', 'support_until = 2027-09-01'),
    );
    expect(outputs.diff).not.toMatch(/^[-+]deprecation_date/m);
    expect(outputs.consumersMarkdown).toContain('before 2027-09-01');
  });

  it('sets a new deprecation date when one is given, keeping its type', async () => {
    const workspace = await workspaceWithRegistry();
    await action.handler(
      contextFor(workspace, {
        id: 'legacy-search',
        deprecationDate: '2026-10-01',
        sunsetDate: '2027-09-01',
      }).ctx as any,
    );
    const after = await fs.readFile(
      path.join(workspace, 'registry/services/catalog.toml'),
      'utf8',
    );
    expect(after).toContain(
      'deprecation_date = 2026-10-01\nsunset_date = 2027-09-01\n',
    );
  });

  it('refuses a sunset before the deprecation date already written', async () => {
    const workspace = await workspaceWithRegistry();
    const before = await snapshot(workspace);
    await expect(
      action.handler(
        contextFor(workspace, { id: 'legacy-search', sunsetDate: '2026-08-01' })
          .ctx as any,
      ),
    ).rejects.toThrow(
      'The sunset date 2026-08-01 must come after the deprecation date 2026-09-01',
    );
    expect(await snapshot(workspace)).toEqual(before);
  });

  it('deprecates without a successor', async () => {
    const workspace = await workspaceWithRegistry();
    const { ctx, outputs } = contextFor(workspace, {
      id: 'search-service',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-01',
    });
    await action.handler(ctx as any);
    const registry = await loadRegistryFromDirectory(
      path.join(workspace, 'registry'),
    );
    expect(registry.services.get('search-service')).toMatchObject({
      status: 'deprecated',
      sunsetDate: '2027-06-01',
    });
    expect(
      registry.services.get('search-service')?.replacementService,
    ).toBeUndefined();
    expect(outputs.consumersMarkdown).toContain('must move before 2027-06-01');
  });

  it('deprecates a service written with dotted keys', async () => {
    const workspace = await workspaceWithFiles({
      'services/catalog.toml':
        '# dotted\nservice.old.version = "1.0.0"\nservice.old.status = "ga" # keep\n\n[service.new]\nversion = "1.0.0"\nstatus = "ga"\n',
    });
    const { ctx } = contextFor(workspace, {
      id: 'old',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-01',
      replacementService: 'new',
    });
    await action.handler(ctx as any);
    expect(
      await fs.readFile(
        path.join(workspace, 'registry/services/catalog.toml'),
        'utf8',
      ),
    ).toBe(
      '# dotted\nservice.old.version = "1.0.0"\nservice.old.status = "deprecated" # keep\nservice.old.deprecation_date = "2026-12-01"\nservice.old.sunset_date = "2027-06-01"\nservice.old.replacement_service = "new"\nservice.old.migration.support_until = "2027-06-01"\n\n[service.new]\nversion = "1.0.0"\nstatus = "ga"\n',
    );
  });

  it('lists at most 100 consumers in the markdown and counts the others', async () => {
    const consumers = Array.from(
      { length: 250 },
      (_, i) =>
        `[service.app-${String(i).padStart(
          3,
          '0',
        )}]\nversion = "1.0.0"\ndependencies.requires = ["old"]\n`,
    ).join('\n');
    const workspace = await workspaceWithFiles({
      'services/catalog.toml': `[service.old]\nversion = "1.0.0"\nstatus = "ga"\n\n${consumers}`,
    });
    const { ctx, outputs } = contextFor(workspace, {
      id: 'old',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-01',
    });
    await action.handler(ctx as any);
    expect(outputs.consumers).toHaveLength(250);
    const markdown: string = outputs.consumersMarkdown;
    expect(markdown).toContain('250 services must move before 2027-06-01');
    expect(markdown).toContain('| `app-099` | global |');
    expect(markdown).not.toContain('`app-100`');
    expect(markdown).toContain(
      "… and 150 more: the task's `consumers` output lists them all",
    );
  });

  it("keeps the consumers table whole when an owner's name holds a pipe", async () => {
    const workspace = await workspaceWithFiles({
      'services/catalog.toml':
        '[service.old]\nversion = "1.0.0"\nstatus = "ga"\n\n[service.app]\nowner = "Ops | SRE"\nversion = "1.0.0"\nstatus = "ga"\ndependencies.requires = ["old"]\n',
    });
    const { ctx, outputs } = contextFor(workspace, {
      id: 'old',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-01',
    });
    await action.handler(ctx as any);
    expect(outputs.consumersMarkdown).toContain(
      '| `app` | global | Ops \\| SRE | required |',
    );
  });

  describe('project overrides', () => {
    const catalog = `[service.legacy]
owner = "platform-team"
version = "1.0.0"
status = "ga"
port = 8080

[service.next]
owner = "platform-team"
version = "2.0.0"
status = "ga"

[service.gateway]
owner = "platform-team"
version = "1.0.0"
status = "ga"
`;
    const projectA = `[project]
name = "A"

# project a keeps legacy generally available until its own sunset
[service.legacy]
status = "ga" # pinned by project a
port = 9090
sunset_date = 2028-01-01

[service.legacy.migration]
# our own guide
guide_url = "https://wiki.example.com/a"
support_until = 2028-01-01

[service.a-web]
owner = "a-team"
version = "1.0.0"
dependencies.requires = ["legacy"]
`;
    const projectB = `service.legacy.status = "beta"
service.legacy.replacement_service = "next"
service.legacy.migration = { guide_url = "https://wiki.example.com/b", migration_difficulty = "easy" }

[project]
name = "B"
`;
    const projectC = `[project]
name = "C"

[service.legacy]
port = 9191
`;

    it('removes the lifecycle of every project override, so that each project sees the deprecation, and says so', async () => {
      const workspace = await workspaceWithFiles({
        'services/catalog.toml': catalog,
        'projects/a/services.toml': projectA,
        'projects/b/services.toml': projectB,
        'projects/c/services.toml': projectC,
      });
      const { ctx, outputs } = contextFor(workspace, {
        id: 'legacy',
        deprecationDate: '2026-12-01',
        sunsetDate: '2027-06-01',
        replacementService: 'next',
      });
      const logs = captureLogs(ctx);
      await action.handler(ctx as any);
      const read = (file: string) =>
        fs.readFile(path.join(workspace, 'registry', file), 'utf8');
      expect(await read('projects/a/services.toml')).toBe(`[project]
name = "A"

# project a keeps legacy generally available until its own sunset
[service.legacy]
port = 9090

[service.a-web]
owner = "a-team"
version = "1.0.0"
dependencies.requires = ["legacy"]
`);
      expect(await read('projects/b/services.toml')).toBe(`[project]
name = "B"
`);
      expect(await read('projects/c/services.toml')).toBe(projectC);

      const registry = await loadRegistryFromDirectory(
        path.join(workspace, 'registry'),
      );
      for (const project of ['a', 'c']) {
        expect(getServiceForProject(registry, project, 'legacy')).toMatchObject(
          {
            status: 'deprecated',
            sunsetDate: '2027-06-01',
            replacementService: 'next',
            migration: { supportUntil: '2027-06-01' },
          },
        );
      }
      expect(getServiceForProject(registry, 'a', 'legacy')?.port).toBe(9090);

      expect(outputs.file).toBe('services/catalog.toml');
      expect(outputs.alignedOverrides).toEqual([
        {
          project: 'a',
          file: 'projects/a/services.toml',
          removedKeys: ['status', 'sunset_date', 'migration'],
        },
        {
          project: 'b',
          file: 'projects/b/services.toml',
          removedKeys: ['status', 'replacement_service', 'migration'],
        },
      ]);
      expect(outputs.consumersMarkdown).toContain(
        '### Project overrides of `legacy` aligned with the deprecation',
      );
      expect(outputs.consumersMarkdown).toContain(
        '- `projects/a/services.toml` (project `a`): removed `status = "ga"`, `sunset_date = 2028-01-01`, the `migration` sub-table from its override of `legacy`, so that project `a` sees the deprecation.',
      );
      expect(outputs.consumersMarkdown).toContain(
        '- `projects/b/services.toml` (project `b`): removed `status = "beta"`, `replacement_service = "next"`, the `migration` sub-table',
      );
      expect(outputs.consumersMarkdown).not.toContain('projects/c/');
      expect(outputs.diff).toContain('--- a/projects/a/services.toml');
      expect(outputs.diff).toContain('-status = "ga" # pinned by project a');
      expect(logs.join('\n')).toContain(
        'projects/a/services.toml (project a): removed status = "ga", sunset_date = 2028-01-01, the migration sub-table from its override of legacy, so that project a sees the deprecation.',
      );
    });

    it('removes a lifecycle-only override written as dotted keys, with the comments on it, and keeps its neighbours intact', async () => {
      const projectD = `[project]
name = "D"

# legacy stays generally available for our launch
[service]
legacy.status = "ga"
# agreed with the platform team
legacy.sunset_date = 2028-01-01

# our gateway, on the legacy API
[service.d-web]
owner = "d-team"
version = "1.0.0"
dependencies.requires = ["legacy"]
`;
      const projectE = `[project]
name = "E"

[service.legacy]
# pinned by project e
status = "ga"
# our own port

port = 9292
`;
      const workspace = await workspaceWithFiles({
        'services/catalog.toml': catalog,
        'projects/d/services.toml': projectD,
        'projects/e/services.toml': projectE,
      });
      const { ctx, outputs } = contextFor(workspace, {
        id: 'legacy',
        deprecationDate: '2026-12-01',
        sunsetDate: '2027-06-01',
        replacementService: 'next',
      });
      await action.handler(ctx as any);
      const read = (file: string) =>
        fs.readFile(path.join(workspace, 'registry', file), 'utf8');
      expect(await read('projects/d/services.toml')).toBe(`[project]
name = "D"

# our gateway, on the legacy API
[service.d-web]
owner = "d-team"
version = "1.0.0"
dependencies.requires = ["legacy"]
`);
      expect(await read('projects/e/services.toml')).toBe(`[project]
name = "E"

[service.legacy]
# our own port

port = 9292
`);
      expect(outputs.alignedOverrides).toEqual([
        {
          project: 'd',
          file: 'projects/d/services.toml',
          removedKeys: ['status', 'sunset_date'],
        },
        {
          project: 'e',
          file: 'projects/e/services.toml',
          removedKeys: ['status'],
        },
      ]);
      const registry = await loadRegistryFromDirectory(
        path.join(workspace, 'registry'),
      );
      for (const project of ['d', 'e']) {
        expect(getServiceForProject(registry, project, 'legacy')).toMatchObject(
          { status: 'deprecated', sunsetDate: '2027-06-01' },
        );
      }
      expect(getServiceForProject(registry, 'e', 'legacy')?.port).toBe(9292);
      expect(outputs.consumers).toContainEqual({
        service: 'd-web',
        project: 'd',
        owner: 'd-team',
        optional: false,
      });
    });

    it('leaves overrides alone when they write no lifecycle key', async () => {
      const workspace = await workspaceWithFiles({
        'services/catalog.toml': catalog,
        'projects/c/services.toml': projectC,
      });
      const { ctx, outputs } = contextFor(workspace, {
        id: 'legacy',
        sunsetDate: '2099-06-01',
      });
      await action.handler(ctx as any);
      expect(
        await fs.readFile(
          path.join(workspace, 'registry/projects/c/services.toml'),
          'utf8',
        ),
      ).toBe(projectC);
      expect(outputs.alignedOverrides).toEqual([]);
      expect(outputs.consumersMarkdown).not.toContain('aligned');
    });

    it('reports a consumer that only a project override makes, with that project and its owner', async () => {
      const workspace = await workspaceWithFiles({
        'services/catalog.toml': catalog,
        'projects/shop/services.toml': `[project]
name = "Shop"

[service.gateway]
owner = "shop-team"

[service.gateway.dependencies]
requires = ["legacy"]
`,
      });
      const { ctx, outputs } = contextFor(workspace, {
        id: 'legacy',
        sunsetDate: '2099-06-01',
        replacementService: 'next',
      });
      await action.handler(ctx as any);
      expect(outputs.consumers).toEqual([
        {
          service: 'gateway',
          project: 'shop',
          owner: 'shop-team',
          optional: false,
        },
      ]);
      expect(outputs.consumerProjects).toEqual(['shop']);
      expect(outputs.consumersMarkdown).toContain(
        '| `gateway` | `shop` | shop-team | required |',
      );
    });

    it('lists a service once per view that depends on the deprecated one', async () => {
      const workspace = await workspaceWithFiles({
        'services/catalog.toml': catalog.replace(
          '[service.gateway]\n',
          '[service.gateway]\ndependencies.optional = ["legacy"]\n',
        ),
        'projects/shop/services.toml': `[project]
name = "Shop"

[service.gateway]
owner = "shop-team"
dependencies.requires = ["legacy"]
`,
        'projects/a/services.toml': projectA,
      });
      const { ctx, outputs } = contextFor(workspace, {
        id: 'legacy',
        sunsetDate: '2099-06-01',
      });
      await action.handler(ctx as any);
      expect(outputs.consumers).toEqual([
        { service: 'a-web', project: 'a', owner: 'a-team', optional: false },
        {
          service: 'gateway',
          project: 'shop',
          owner: 'shop-team',
          optional: false,
        },
        {
          service: 'gateway',
          project: null,
          owner: 'platform-team',
          optional: true,
        },
      ]);
      expect(outputs.consumerProjects).toEqual(['a', 'shop']);
    });
  });
});

describe('service-registry:service:deprecate with catalog entity refs', () => {
  /** A registry whose services the catalog shows under other names (a transformer renamed them). */
  const REGISTRY = renamedRegistry({ orders: { requires: ['shop-api@^2'] } });
  /** What the transformer made of them: `acme-` names, and a Component named like another service. */
  const ENTITIES = [
    component({ name: 'acme-shop-api', namespace: 'shop' }, 'shop-api'),
    component({ name: 'shop-api' }, 'shop-api-next'),
    component({ name: 'orders' }),
  ];
  const deprecated = async (workspace: string) =>
    [
      ...(
        await loadRegistryFromDirectory(path.join(workspace, 'registry'))
      ).services.values(),
    ]
      .filter(s => s.status === 'deprecated')
      .map(s => ({ id: s.id, replacement: s.replacementService }));
  /**
   * A workspace holding REGISTRY, a catalog holding ENTITIES and a context with the input, its
   * logs kept; `run` runs the action on them.
   */
  const setUp = async (
    input: Record<string, unknown>,
    extra: { isDryRun?: boolean } = {},
  ) => {
    const { catalog, lookups } = catalogWith(ENTITIES);
    const workspace = await workspaceWithFiles(REGISTRY);
    const { ctx, outputs } = contextFor(workspace, input, extra);
    const logs = captureLogs(ctx as any);
    const run = () =>
      createServiceRegistryDeprecateServiceAction({ catalog }).handler(
        ctx as any,
      );
    return { catalog, workspace, ctx, outputs, lookups, logs, run };
  };
  /** Sets up as {@link setUp} does and runs the action. */
  const deprecate = async (
    input: Record<string, unknown>,
    extra: { isDryRun?: boolean } = {},
  ) => {
    const setup = await setUp(input, extra);
    await setup.run();
    return setup;
  };

  it("deprecates the registry service of a renamed entity, with the replacement of the entity's annotation, in one catalog lookup with the initiator's credentials", async () => {
    const { workspace, ctx, outputs, lookups } = await deprecate({
      id: 'component:shop/acme-shop-api',
      sunsetDate: '2099-06-01',
      replacementService: 'component:default/shop-api',
    });
    expect(await deprecated(workspace)).toEqual([
      { id: 'shop-api', replacement: 'shop-api-next' },
    ]);
    expect(outputs.serviceId).toBe('shop-api');
    expect(outputs.consumers).toEqual([
      { service: 'orders', project: null, owner: 'shop-team', optional: false },
    ]);
    expect(outputs.consumersMarkdown).toContain(
      '1 service must move to `shop-api-next`',
    );
    expect(lookups).toEqual([
      {
        entityRefs: [
          'component:shop/acme-shop-api',
          'component:default/shop-api',
        ],
        credentials: await ctx.getInitiatorCredentials(),
      },
    ]);
  });

  it('takes plain registry ids as they are, without asking the catalog', async () => {
    const { workspace, outputs, lookups } = await deprecate({
      id: 'shop-api',
      sunsetDate: '2099-06-01',
      replacementService: 'shop-api-next',
    });
    expect(await deprecated(workspace)).toEqual([
      { id: 'shop-api', replacement: 'shop-api-next' },
    ]);
    expect(outputs.serviceId).toBe('shop-api');
    expect(lookups).toEqual([]);
  });

  it('takes the name of an entity without the annotation', async () => {
    const { workspace, outputs } = await deprecate({
      id: 'component:default/orders',
      sunsetDate: '2099-06-01',
    });
    expect(await deprecated(workspace)).toEqual([
      { id: 'orders', replacement: undefined },
    ]);
    expect(outputs.serviceId).toBe('orders');
  });

  it('takes a ref the catalog does not know by its name when the registry declares that service (added and not ingested yet)', async () => {
    const { workspace, logs } = await deprecate({
      id: 'component:default/shop-api-next',
      sunsetDate: '2099-06-01',
    });
    expect(await deprecated(workspace)).toEqual([
      { id: 'shop-api-next', replacement: undefined },
    ]);
    expect(logs.join('\n')).toContain(
      'component:default/shop-api-next is not in the catalog (or not visible to you): taken as the registry id shop-api-next',
    );
  });

  it('refuses a ref neither the catalog nor the registry knows, saying how to fix it, and writes nothing', async () => {
    const { workspace, run } = await setUp({
      id: 'shop-api',
      sunsetDate: '2099-06-01',
      replacementService: 'component:default/acme-shop-api-next',
    });
    const before = await snapshot(workspace);
    await expect(run()).rejects.toThrow(
      'replacementService: the catalog has no entity component:default/acme-shop-api-next (or none you may see), and the registry declares no service "acme-shop-api-next". Pick the service again in the form, or give its registry id (the annotation service-registry.io/service-id of its Component). Nothing was written.',
    );
    expect(await snapshot(workspace)).toEqual(before);
  });

  it('resolves the refs the same way in a dry run', async () => {
    const { outputs, lookups } = await deprecate(
      {
        id: 'component:shop/acme-shop-api',
        sunsetDate: '2099-06-01',
        replacementService: 'component:default/shop-api',
      },
      { isDryRun: true },
    );
    expect(outputs.serviceId).toBe('shop-api');
    expect(outputs.diff).toContain('+replacement_service = "shop-api-next"');
    expect(lookups).toHaveLength(1);
  });

  it('fails, writing nothing, when the catalog refuses the lookup, and says to give registry ids', async () => {
    const { catalog, workspace, run } = await setUp({
      id: 'component:shop/acme-shop-api',
      sunsetDate: '2099-06-01',
    });
    catalog.getEntitiesByRefs = async () => {
      throw new NotAllowedError('no read access');
    };
    const before = await snapshot(workspace);
    await expect(run()).rejects.toThrow(
      'The catalog refused to look up component:shop/acme-shop-api with your credentials (NotAllowedError: no read access), so the registry ids the entities stand for are unknown: give registry ids instead of entity refs (the annotation service-registry.io/service-id of each Component), or ask for read access to these entities. Nothing was written.',
    );
    expect(await snapshot(workspace)).toEqual(before);
  });
});
