import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import {
  loadRegistry,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { loadRegistryFromDirectory } from '@service-registry/plugin-service-registry-node';
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
import { createServiceRegistryUpdateServiceAction } from './updateService';

const action = createServiceRegistryUpdateServiceAction();
afterEach(cleanUp);

describe('service-registry:service:update', () => {
  it('changes only the given fields, in place', async () => {
    const workspace = await workspaceWithRegistry();
    const file = path.join(
      workspace,
      'registry/projects/project-a/services.toml',
    );
    const before = await fs.readFile(file, 'utf8');
    const { ctx, outputs } = contextFor(workspace, {
      id: 'project-a-catalog',
      version: '2.3.0',
      owner: '@catalog-team',
      dependencies: { requires: ['project-a-db', 'shared-config'] },
    });
    await action.handler(ctx as any);
    const after = await fs.readFile(file, 'utf8');
    expect(after).toBe(
      before.replace(
        'owner = "ecommerce-team"\nversion = "2.2.0"\nstatus = "ga"\ntier = "high"\nport = 8082\ndependencies.requires = ["project-a-db"]',
        'owner = "@catalog-team"\nversion = "2.3.0"\nstatus = "ga"\ntier = "high"\nport = 8082\ndependencies.requires = ["project-a-db", "shared-config"]',
      ),
    );
    expect(outputs).toEqual({
      serviceId: 'project-a-catalog',
      file: 'projects/project-a/services.toml',
      changedFields: ['owner', 'version', 'dependencies.requires'],
      removedFields: [],
      shadowedBy: [],
      diff: expect.stringContaining('+version = "2.3.0"'),
    });
  });

  it.each([
    [{ id: 'project-a-catalog' }, /Nothing to change/],
    [
      // as written already: a branch of no change would fail only at publishing
      { id: 'project-a-catalog', version: '2.2.0', owner: 'ecommerce-team' },
      /^Nothing to change for project-a-catalog: projects\/project-a\/services.toml already has the owner, version given\.$/,
    ],
    [{ id: 'ghost', version: '1.0.0' }, /declares no service "ghost"/],
    [
      { id: 'project-a-catalog', status: 'deprecated' },
      /Use service-registry:service:deprecate/,
    ],
    [
      {
        id: 'project-a-catalog',
        dependencies: { requires: ['payments-gateway-v1'] },
      },
      /is retired/,
    ],
    [
      { id: 'project-a-catalog', dependencies: { requires: ['ghost'] } },
      /declares no service "ghost"/,
    ],
    [
      {
        id: 'project-a-catalog',
        dependencies: { requires: ['search-service'] },
      },
      /search-service is listed more than once/,
    ],
    [
      { id: 'project-a-catalog', registryPath: '../../x', version: '1.0.0' },
      /outside the task's workspace/,
    ],
    [
      {
        id: 'project-a-catalog',
        repository: 'https://ci:Sup3rS3cretPassw0rd@git.example.com/x.git',
      },
      /^repository looks like .*secret manager.*reference/,
    ],
    [
      { id: 'project-a-catalog', owner: 'group:default/' },
      /owner "group:default\/" names no team/,
    ],
    [
      { id: 'project-a-catalog', removeDependencies: ['shared-auth'] },
      /project-a-catalog does not depend on "shared-auth"; its dependencies are project-a-db, search-service/,
    ],
    [
      {
        id: 'project-a-catalog',
        addDependencies: { requires: ['search-service@^3'] },
        removeDependencies: ['component:default/search-service'],
      },
      /search-service is both added and removed/,
    ],
    [
      {
        id: 'project-a-catalog',
        dependencies: { requires: ['project-a-db'] },
        addDependencies: { requires: ['shared-config'] },
      },
      /give either the whole list or what to add and remove/,
    ],
    [
      { id: 'project-a-catalog', addDependencies: { requires: ['ghost'] } },
      /addDependencies.requires: the registry declares no service "ghost"/,
    ],
    [
      { id: 'project-a-catalog', status: 'retired' },
      /project-a-catalog is ga: only a deprecated service can be retired/,
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

  it.each(['ga', 'beta', 'maintenance', 'development'])(
    'setting a deprecated service back to %s removes its deprecation dates, successor and migration guide, and says so',
    async status => {
      const workspace = await workspaceWithRegistry();
      const { ctx, outputs } = contextFor(workspace, { id: 'old-api', status });
      await action.handler(ctx as any);
      const text = await fs.readFile(
        path.join(workspace, 'registry/services/catalog.toml'),
        'utf8',
      );
      const table = text.slice(
        text.indexOf('[service.old-api]'),
        text.indexOf('[service.new-api]'),
      );
      expect(table).toBe(
        `[service.old-api]\nname = "old-api"\nstatus = "${status}"\n`,
      );
      expect(outputs.changedFields).toEqual(['status']);
      expect(outputs.removedFields).toEqual([
        'deprecation_date',
        'sunset_date',
        'replacement_service',
        'migration',
      ]);
      expect(outputs.diff).toContain('-sunset_date = "2026-05-20"');
      const registry = await loadRegistryFromDirectory(
        path.join(workspace, 'registry'),
      );
      expect(registry.services.get('old-api')).toMatchObject({ status });
      expect(registry.services.get('old-api')?.sunsetDate).toBeUndefined();
      expect(
        registry.services.get('old-api')?.replacementService,
      ).toBeUndefined();
    },
  );

  it('removes nothing when a service that is not deprecated changes status', async () => {
    const workspace = await workspaceWithRegistry();
    const { ctx, outputs } = contextFor(workspace, {
      id: 'new-api',
      status: 'maintenance',
    });
    await action.handler(ctx as any);
    expect(outputs.removedFields).toEqual([]);
  });

  describe('control characters', () => {
    it.each([
      ['name', 'U+001B (escape)', { name: '\u001b[1mCatalog\u001b[0m' }],
      ['description', 'U+007F (DEL)', { description: 'The catalog\u007f' }],
      ['owner', 'U+0000 (NUL)', { owner: '@catalog-team\u0000' }],
      ['tags[1]', 'U+0090', { tags: ['catalog', 'shop\u0090'] }],
      ['tags[0]', 'U+0009 (tab)', { tags: ['cata\tlog'] }],
    ])(
      'refuses %s holding %s, naming the input and the character, and writes nothing',
      async (label, escape, fields) => {
        const workspace = await workspaceWithRegistry();
        const before = await snapshot(workspace);
        const run = action.handler(
          contextFor(workspace, { id: 'project-a-catalog', ...fields })
            .ctx as any,
        );
        await expect(run).rejects.toBeInstanceOf(InputError);
        const message = await run.then(
          () => '',
          (e: Error) => e.message,
        );
        const start = `${label} holds the control character ${escape} (the first at character `;
        expect(message.slice(0, start.length)).toBe(start);
        expect(message).toMatch(/nothing was written\.$/);
        expect(await snapshot(workspace)).toEqual(before);
      },
    );

    it('keeps tabs and line breaks in a description, which loads without a warning', async () => {
      const description = 'The catalog.\n\tSearch included.';
      const workspace = await workspaceWithRegistry();
      await action.handler(
        contextFor(workspace, { id: 'project-a-catalog', description })
          .ctx as any,
      );
      const registry = await loadRegistryFromDirectory(
        path.join(workspace, 'registry'),
      );
      expect(registry.services.get('project-a-catalog')?.description).toBe(
        description,
      );
      expect(
        registry.findings.filter(
          f =>
            f.code === 'schema/control-character' &&
            f.service === 'project-a-catalog',
        ),
      ).toEqual([]);
    });
  });

  describe('adding and removing dependencies', () => {
    const catalogTable = async (workspace: string) => {
      const text = await fs.readFile(
        path.join(workspace, 'registry/projects/project-a/services.toml'),
        'utf8',
      );
      const start = text.indexOf('[service.project-a-catalog]');
      return text.slice(start, text.indexOf('\n\n', start));
    };

    it('adds an entry at the end of the list written, and leaves the other list alone', async () => {
      const workspace = await workspaceWithRegistry();
      const { ctx, outputs } = contextFor(workspace, {
        id: 'project-a-catalog',
        addDependencies: { requires: ['component:default/shared-config'] },
      });
      await action.handler(ctx as any);
      const table = await catalogTable(workspace);
      expect(table).toContain(
        'dependencies.requires = ["project-a-db", "shared-config"]',
      );
      expect(table).toContain('dependencies.optional = ["search-service@^3"]');
      expect(outputs.changedFields).toEqual(['dependencies.requires']);
    });

    it('moves an optional dependency into requires with its new range, and removes another', async () => {
      const workspace = await workspaceWithRegistry();
      const { ctx, outputs } = contextFor(workspace, {
        id: 'project-a-catalog',
        addDependencies: { requires: ['search-service@^3.1'] },
        removeDependencies: ['component:default/project-a-db'],
      });
      await action.handler(ctx as any);
      const table = await catalogTable(workspace);
      expect(table).toContain(
        'dependencies.requires = ["search-service@^3.1"]',
      );
      expect(table).toContain('dependencies.optional = []');
      expect(outputs.changedFields).toEqual([
        'dependencies.requires',
        'dependencies.optional',
      ]);
    });
  });

  it('retires a deprecated service', async () => {
    const workspace = await workspaceWithRegistry();
    const { ctx, outputs } = contextFor(workspace, {
      id: 'legacy-search',
      status: 'retired',
    });
    await action.handler(ctx as any);
    expect(outputs.diff).toContain(
      '-status = "deprecated"\n+status = "retired"',
    );
  });

  it('never shows a credential already written in the file in its diff or log', async () => {
    const SECRET = 'Sup3rS3cretPassw0rd!';
    const workspace = await workspaceWithFiles({
      'services/catalog.toml': `[service]\nlegacy = { version = "1.0.0", status = "ga", metadata = { db_password = "${SECRET}", replicas = 2 } }\n`,
    });
    const { ctx, outputs } = contextFor(workspace, { id: 'legacy', port: 81 });
    const logged = captureLogs(ctx as any);
    await action.handler(ctx as any);
    expect(
      await fs.readFile(
        path.join(workspace, 'registry/services/catalog.toml'),
        'utf8',
      ),
    ).toContain(SECRET);
    expect(outputs.diff).toContain(
      '+legacy = { version = "1.0.0", status = "ga", metadata = { db_password = "(hidden)", replicas = 2 }, port = 81 }',
    );
    for (const text of [outputs.diff, ...logged]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it.each([
    ['an element of a multi-line array', 'api_tokens = [\n  "SECRET",\n]'],
    ['a line of a multi-line string', 'db_password = """\nSECRET"""'],
  ])(
    'never shows a credential on a line next to the change, %s, in its diff or log',
    async (_, value) => {
      const SECRET = 'Sup3rS3cretPassw0rd!';
      const workspace = await workspaceWithFiles({
        'services/catalog.toml': [
          '[service.orders]',
          'name = "Orders"',
          'version = "1.0.0"',
          value.replace('SECRET', SECRET),
          'status = "ga"',
          '',
        ].join('\n'),
      });
      const { ctx, outputs } = contextFor(workspace, {
        id: 'orders',
        version: '1.1.0',
      });
      const logged = captureLogs(ctx as any);
      await action.handler(ctx as any);
      expect(outputs.diff).toContain('-version = "1.0.0"\n+version = "1.1.0"');
      expect(outputs.diff).toContain('(hidden)');
      for (const text of [outputs.diff, ...logged]) {
        expect(text).not.toContain(SECRET);
      }
    },
  );

  describe('project overrides', () => {
    const files = {
      'services/catalog.toml': `[service.api]
owner = "platform-team"
version = "1.0.0"
status = "ga"
port = 8080

[service.api.dependencies]
requires = []
`,
      'projects/a/services.toml': `[project]
name = "A"

[service.api]
port = 9090 # project a's load balancer
`,
      'projects/b/services.toml': `[project]
name = "B"

[service.api]
owner = "b-team"
dependencies.requires = ["db"]

[service.db]
owner = "b-team"
version = "1.0.0"
`,
    };

    it('changes the global declaration only, and names the projects whose override keeps its own value', async () => {
      const workspace = await workspaceWithFiles(files);
      const { ctx, outputs } = contextFor(workspace, {
        id: 'api',
        port: 8081,
        version: '1.1.0',
        addDependencies: { requires: ['db'] },
      });
      const logs = captureLogs(ctx as any);
      await action.handler(ctx as any);
      const read = (file: string) =>
        fs.readFile(path.join(workspace, 'registry', file), 'utf8');
      expect(await read('services/catalog.toml')).toBe(
        files['services/catalog.toml']
          .replace('port = 8080', 'port = 8081')
          .replace('version = "1.0.0"', 'version = "1.1.0"')
          .replace('requires = []', 'requires = ["db"]'),
      );
      expect(await read('projects/a/services.toml')).toBe(
        files['projects/a/services.toml'],
      );
      expect(await read('projects/b/services.toml')).toBe(
        files['projects/b/services.toml'],
      );
      expect(outputs.changedFields).toEqual([
        'version',
        'port',
        'dependencies.requires',
      ]);
      expect(outputs.shadowedBy).toEqual([
        { project: 'a', file: 'projects/a/services.toml', fields: ['port'] },
        {
          project: 'b',
          file: 'projects/b/services.toml',
          fields: ['dependencies.requires'],
        },
      ]);
      expect(logs.join('\n')).toContain(
        'The change to api does not reach every project: project "a" overrides port in projects/a/services.toml; project "b" overrides dependencies.requires in projects/b/services.toml. Those projects keep their own values; if they should follow, change their override too (or remove the field from it).',
      );
    });

    it('names no project when no override writes a changed field', async () => {
      const workspace = await workspaceWithFiles(files);
      const { ctx, outputs } = contextFor(workspace, {
        id: 'api',
        version: '1.1.0',
      });
      const logs = captureLogs(ctx as any);
      await action.handler(ctx as any);
      expect(outputs.shadowedBy).toEqual([]);
      expect(logs.join('\n')).not.toContain('does not reach');
    });
  });
});

describe("service-registry:service:update checks dependencies as the service's project sees them", () => {
  // project x overrides global services field by field: a service of x uses x's view
  const files = {
    'services/catalog.toml': `[service.auth]
version = "1.4.0"

[service.cache]
status = "retired"
replacement_service = "cache-v2"

[service.cache-v2]

[service.queue]
status = "ga"
`,
    'projects/x/services.toml': `[project]
name = "X"

[service.auth]
version = "2.1.0"

[service.cache]
status = "maintenance" # x runs its own copy until the migration

[service.queue]
status = "retired"
replacement_service = "x-queue"

[service.x-queue]

[service.x-app]
dependencies.requires = ["x-queue"]
`,
  };
  const xFile = (workspace: string) =>
    fs.readFile(
      path.join(workspace, 'registry/projects/x/services.toml'),
      'utf8',
    );

  it("adds a global retired service the project keeps live, and a range the project's version satisfies; validation agrees", async () => {
    const workspace = await workspaceWithFiles(files);
    const { ctx, outputs } = contextFor(workspace, {
      id: 'x-app',
      addDependencies: { requires: ['cache'], optional: ['auth@^2.0'] },
    });
    await action.handler(ctx as any);
    expect(outputs.changedFields).toEqual([
      'dependencies.requires',
      'dependencies.optional',
    ]);
    expect(await xFile(workspace)).toContain(
      'dependencies.requires = ["x-queue", "cache"]\ndependencies.optional = ["auth@^2.0"]\n',
    );
    const findings = validateRegistry(
      await loadRegistryFromDirectory(path.join(workspace, 'registry')),
    );
    expect(
      findings.filter(f => f.severity === 'error' && f.service === 'x-app'),
    ).toEqual([]);
  });

  it("refuses a service the project's override retires, naming the project's replacement, and writes nothing", async () => {
    const workspace = await workspaceWithFiles(files);
    const before = await snapshot(workspace);
    const { ctx } = contextFor(workspace, {
      id: 'x-app',
      dependencies: { requires: ['x-queue', 'queue'] },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      new InputError(
        "dependencies.requires: queue is retired in project x's override (projects/x/services.toml:10:1) and may not be depended on; depend on its replacement x-queue.",
      ),
    );
    expect(await snapshot(workspace)).toEqual(before);
  });

  describe('a global service whose project overrides inherit its dependency lists', () => {
    // x's override of api writes no dependency list: x's view of api gets what api gets, and
    // sees queue as x's override has it; y's writes requires (only); z's retires api
    const catalog = `[service.api]
status = "ga"

[service.queue]
status = "ga"
`;
    const x = `[project]
name = "X"

[service.api]
port = 9090

[service.queue]
status = "retired"
replacement_service = "x-queue"

[service.x-queue]
`;
    const y = `[project]
name = "Y"

[service.api]
dependencies.requires = []

[service.queue]
status = "retired"
replacement_service = "y-queue"

[service.y-queue]
`;
    const z = `[project]
name = "Z"

[service.api]
status = "retired"

[service.queue]
status = "retired"
`;
    const apiErrors = async (workspace: string) =>
      validateRegistry(
        await loadRegistryFromDirectory(path.join(workspace, 'registry')),
      )
        .filter(f => f.severity === 'error' && f.service === 'api')
        .map(f => f.message);

    it("refuses an entry that a project's view of the service would depend on retired, naming the override, and writes nothing", async () => {
      const workspace = await workspaceWithFiles({
        'services/catalog.toml': catalog,
        'projects/x/services.toml': x,
        'projects/y/services.toml': y,
        'projects/z/services.toml': z,
      });
      const before = await snapshot(workspace);
      await expect(
        action.handler(
          contextFor(workspace, {
            id: 'api',
            addDependencies: { requires: ['queue'] },
          }).ctx as any,
        ),
      ).rejects.toThrow(
        new InputError(
          "addDependencies.requires: queue is retired in project x's override (projects/x/services.toml:7:1) and may not be depended on: project x's override of api (projects/x/services.toml:4:1) inherits its dependencies.requires; depend on its replacement x-queue, or write dependencies.requires in that override.",
        ),
      );
      await expect(
        action.handler(
          contextFor(workspace, {
            id: 'api',
            dependencies: { optional: ['queue'] },
          }).ctx as any,
        ),
      ).rejects.toThrow(
        "dependencies.optional: queue is retired in project x's override (projects/x/services.toml:7:1) and may not be depended on: project x's override of api (projects/x/services.toml:4:1) inherits its dependencies.optional; depend on its replacement x-queue, or write dependencies.optional in that override.",
      );
      expect(await snapshot(workspace)).toEqual(before);
    });

    it('takes it when the overrides write that list or retire the service, as validation does', async () => {
      const workspace = await workspaceWithFiles({
        'services/catalog.toml': catalog,
        'projects/y/services.toml': y,
        'projects/z/services.toml': z,
      });
      await action.handler(
        contextFor(workspace, {
          id: 'api',
          addDependencies: { requires: ['queue'] },
        }).ctx as any,
      );
      expect(await apiErrors(workspace)).toEqual([]);
      // y writes requires only: its view inherits optional
      await expect(
        action.handler(
          contextFor(workspace, {
            id: 'api',
            addDependencies: { optional: ['queue'] },
          }).ctx as any,
        ),
      ).rejects.toThrow(
        "addDependencies.optional: queue is retired in project y's override (projects/y/services.toml:7:1) and may not be depended on: project y's override of api (projects/y/services.toml:4:1) inherits its dependencies.optional; depend on its replacement y-queue, or write dependencies.optional in that override.",
      );
    });
  });
});

describe('service-registry:service:update keeps the layout of what it edits', () => {
  const CATALOG = 'services/catalog.toml';
  const providers = [
    'shared-auth',
    'orders-db',
    'events',
    'search',
    'billing',
    'mailer',
  ]
    .map(id => `[service.${id}]\nversion = "3.0.0"\n`)
    .join('\n');

  const read = (workspace: string, file = CATALOG) =>
    fs.readFile(path.join(workspace, 'registry', file), 'utf8');

  /** The dependency lists of a service as the registry loads them from the edited file. */
  const dependenciesOf = (text: string, id: string) => {
    const registry = loadRegistry([{ path: CATALOG, text }]);
    expect(registry.failedFiles).toEqual([]);
    const { requires, optional } = registry.services.get(id)!.dependencies;
    const list = (refs: typeof requires) =>
      refs.map(r =>
        r.range === undefined ? r.service : `${r.service}@${r.range}`,
      );
    return { requires: list(requires), optional: list(optional) };
  };

  const api = [
    '[service.api]',
    'version = "1.0.0"',
    '',
    '[service.api.dependencies]',
    'requires = [',
    '  "shared-auth@^1.0", # login',
    '  { service = "orders-db", version = ">=2.0.0" },',
    '  # events go through the bus',
    '  "events",',
    ']',
    'optional = ["search"]',
    '',
  ].join('\n');

  it('adds and removes entries of a multi-line list line by line, keeping the others as written', async () => {
    const workspace = await workspaceWithFiles({
      [CATALOG]: `${api}\n${providers}`,
    });
    const { ctx, outputs } = contextFor(workspace, {
      id: 'api',
      addDependencies: { requires: ['component:default/billing'] },
      removeDependencies: ['events'],
    });
    await action.handler(ctx as any);
    const after = await read(workspace);
    expect(after).toBe(
      `${api.replace(
        '  # events go through the bus\n  "events",\n',
        '  # events go through the bus\n  "billing",\n',
      )}\n${providers}`,
    );
    expect(outputs.diff).toContain('-  "events",\n+  "billing",');
    expect(dependenciesOf(after, 'api')).toEqual({
      requires: ['shared-auth@^1.0', 'orders-db@>=2.0.0', 'billing'],
      optional: ['search'],
    });
  });

  it('writes an added entry as an inline table in a list of inline tables, and a moved one in the style of its new list', async () => {
    const text = [
      '[service.api.dependencies]',
      'requires = [',
      '  { service = "shared-auth", version = "^1.0" }, # login',
      '  { service = "orders-db" },',
      ']',
      'optional = [ "search@^3", "mailer" ]',
      '',
    ].join('\n');
    const workspace = await workspaceWithFiles({
      [CATALOG]: `${text}\n${providers}`,
    });
    const { ctx } = contextFor(workspace, {
      id: 'api',
      addDependencies: {
        requires: ['billing@^3.0'],
        optional: ['orders-db@^3'],
      },
      removeDependencies: ['mailer'],
    });
    await action.handler(ctx as any);
    const after = await read(workspace);
    expect(after).toBe(
      `${[
        '[service.api.dependencies]',
        'requires = [',
        '  { service = "shared-auth", version = "^1.0" }, # login',
        '  { service = "billing", version = "^3.0" },',
        ']',
        'optional = [ "search@^3", "orders-db@^3" ]',
        '',
      ].join('\n')}\n${providers}`,
    );
    expect(dependenciesOf(after, 'api')).toEqual({
      requires: ['shared-auth@^1.0', 'billing@^3.0'],
      optional: ['search@^3', 'orders-db@^3'],
    });
  });

  it('changes the range of a listed entry where it is, in its own form, and writes an emptied list as []', async () => {
    const workspace = await workspaceWithFiles({
      [CATALOG]: `${api}\n${providers}`,
    });
    const { ctx } = contextFor(workspace, {
      id: 'api',
      addDependencies: { requires: ['orders-db@^3'] },
      removeDependencies: ['search'],
    });
    await action.handler(ctx as any);
    const after = await read(workspace);
    expect(after).toBe(
      `${api
        .replace(
          '{ service = "orders-db", version = ">=2.0.0" }',
          '{ service = "orders-db", version = "^3" }',
        )
        .replace('optional = ["search"]', 'optional = []')}\n${providers}`,
    );
    expect(dependenciesOf(after, 'api')).toEqual({
      requires: ['shared-auth@^1.0', 'orders-db@^3', 'events'],
      optional: [],
    });
  });

  it('leaves an entry the registry reports as invalid alone when another entry changes', async () => {
    const text =
      '[service.api.dependencies]\nrequires = ["Not_An_Id", "events"] # to fix\n';
    const workspace = await workspaceWithFiles({
      [CATALOG]: `${text}\n${providers}`,
    });
    const { ctx } = contextFor(workspace, {
      id: 'api',
      addDependencies: { requires: ['billing'] },
      removeDependencies: ['events'],
    });
    await action.handler(ctx as any);
    expect(await read(workspace)).toBe(
      `${text.replace('"events"', '"billing"')}\n${providers}`,
    );
  });

  it('keeps CRLF line endings and the BOM of the file it edits', async () => {
    const crlf = `\ufeff${api}\n${providers}`.replace(/\n/g, '\r\n');
    const workspace = await workspaceWithFiles({ [CATALOG]: crlf });
    const { ctx } = contextFor(workspace, {
      id: 'api',
      addDependencies: { requires: ['mailer@^3'] },
      removeDependencies: ['shared-auth'],
    });
    await action.handler(ctx as any);
    const after = await read(workspace);
    expect(after).toBe(
      crlf
        .replace('  "shared-auth@^1.0", # login\r\n', '')
        .replace('  "events",\r\n', '  "events",\r\n  "mailer@^3",\r\n'),
    );
    expect(dependenciesOf(after, 'api').requires).toEqual([
      'orders-db@>=2.0.0',
      'events',
      'mailer@^3',
    ]);
  });

  it('changes one value of a service written as one inline table, and leaves the rest of it as written', async () => {
    const legacy = [
      '[service]',
      'legacy = { version = \'1.0.0\', port = 0x1F90, weight = 1e3, tier = "low", dependencies.requires = [{ service = "search", version = "^3" }] } # old style',
      '',
    ].join('\n');
    const workspace = await workspaceWithFiles({
      [CATALOG]: `${legacy}\n${providers}`,
    });
    const { ctx } = contextFor(workspace, {
      id: 'legacy',
      version: '1.1.0',
      status: 'ga',
      addDependencies: { requires: ['events@^3'] },
    });
    await action.handler(ctx as any);
    const after = await read(workspace);
    expect(after).toBe(
      `${legacy.replace(
        'legacy = { version = \'1.0.0\', port = 0x1F90, weight = 1e3, tier = "low", dependencies.requires = [{ service = "search", version = "^3" }] } # old style',
        'legacy = { version = "1.1.0", port = 0x1F90, weight = 1e3, tier = "low", dependencies.requires = [{ service = "search", version = "^3" }, { service = "events", version = "^3" }], status = "ga" } # old style',
      )}\n${providers}`,
    );
    expect(dependenciesOf(after, 'legacy').requires).toEqual([
      'search@^3',
      'events@^3',
    ]);
  });
});

describe('service-registry:service:update with catalog entity refs', () => {
  /** A registry whose services the catalog shows under other names (a transformer renamed them). */
  const REGISTRY = renamedRegistry({
    auth: { owner: 'platform-team' },
    search: { owner: 'search-team' },
    storefront: { requires: ['search', 'shop-api@^2'], optional: ['gone'] },
  });
  const ENTITIES = [
    component({ name: 'acme-storefront', namespace: 'shop' }, 'storefront'),
    component({ name: 'acme-shop-api', namespace: 'shop' }, 'shop-api'),
    // named like another service of the registry: its annotation says which one it is
    component({ name: 'shop-api' }, 'shop-api-next'),
    component({ name: 'acme-auth' }, 'auth'),
    component({ name: 'acme-search', namespace: 'shop' }, 'search'),
  ];
  const storefront = async (workspace: string) => {
    const registry = await loadRegistryFromDirectory(
      path.join(workspace, 'registry'),
    );
    const service = registry.services.get('storefront')!;
    const entries = (list: 'requires' | 'optional') =>
      service.dependencies[list].map(d =>
        d.range ? `${d.service}@${d.range}` : d.service,
      );
    return {
      version: service.version,
      requires: entries('requires'),
      optional: entries('optional'),
    };
  };

  it("changes the registry service of a renamed entity, its dependencies added and removed by their entities' annotations, in one catalog lookup", async () => {
    const { catalog, lookups } = catalogWith(ENTITIES);
    const workspace = await workspaceWithFiles(REGISTRY);
    const { ctx, outputs } = contextFor(workspace, {
      id: 'component:shop/acme-storefront',
      version: '1.1.0',
      addDependencies: {
        requires: ['component:default/acme-auth'],
        optional: ['component:default/shop-api@^1'],
      },
      removeDependencies: ['component:shop/acme-shop-api'],
    });
    await createServiceRegistryUpdateServiceAction({ catalog }).handler(
      ctx as any,
    );
    expect(await storefront(workspace)).toEqual({
      version: '1.1.0',
      requires: ['search', 'auth'],
      optional: ['gone', 'shop-api-next@^1'],
    });
    expect(outputs.serviceId).toBe('storefront');
    expect(lookups).toEqual([
      {
        entityRefs: [
          'component:shop/acme-storefront',
          'component:default/acme-auth',
          'component:default/shop-api',
          'component:shop/acme-shop-api',
        ],
        credentials: await ctx.getInitiatorCredentials(),
      },
    ]);
  });

  it('replaces a whole list given as refs with ranges', async () => {
    const { catalog } = catalogWith(ENTITIES);
    const workspace = await workspaceWithFiles(REGISTRY);
    const { ctx } = contextFor(workspace, {
      id: 'storefront',
      dependencies: {
        requires: [
          'component:shop/acme-search@^1',
          'component:default/acme-auth',
        ],
      },
    });
    await createServiceRegistryUpdateServiceAction({ catalog }).handler(
      ctx as any,
    );
    expect(await storefront(workspace)).toMatchObject({
      requires: ['search@^1', 'auth'],
    });
  });

  it('removes a dependency the catalog and the registry no longer know, by the name of its ref, as the service lists it', async () => {
    const { catalog } = catalogWith(ENTITIES);
    const workspace = await workspaceWithFiles(REGISTRY);
    const { ctx } = contextFor(workspace, {
      id: 'storefront',
      removeDependencies: ['component:default/gone'],
    });
    await createServiceRegistryUpdateServiceAction({ catalog }).handler(
      ctx as any,
    );
    expect(await storefront(workspace)).toMatchObject({ optional: [] });
  });

  it('refuses a dependency neither the catalog nor the registry knows, naming the input, and writes nothing', async () => {
    const { catalog } = catalogWith(ENTITIES);
    const workspace = await workspaceWithFiles(REGISTRY);
    const before = await snapshot(workspace);
    const { ctx } = contextFor(workspace, {
      id: 'component:shop/acme-storefront',
      addDependencies: { requires: ['component:default/acme-payments'] },
    });
    await expect(
      createServiceRegistryUpdateServiceAction({ catalog }).handler(ctx as any),
    ).rejects.toThrow(
      'addDependencies.requires: the catalog has no entity component:default/acme-payments (or none you may see), and the registry declares no service "acme-payments".',
    );
    expect(await snapshot(workspace)).toEqual(before);
  });
});
