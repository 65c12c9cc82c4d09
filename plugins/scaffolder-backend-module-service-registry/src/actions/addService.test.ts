import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import {
  renderRegistryDocs,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { loadRegistryFromDirectory } from '@service-registry/plugin-service-registry-node';
import { catalogWith, component, system } from '../__testUtils__/catalog';
import { renamedRegistry } from '../__testUtils__/renamedRegistry';
import {
  captureLogs,
  cleanUp,
  contextFor,
  DEMO_REGISTRY,
  snapshot,
  workspaceWithFiles,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { createServiceRegistryAddServiceAction } from './addService';
import { createServiceRegistryValidateAction } from './validate';

const action = createServiceRegistryAddServiceAction();
afterEach(cleanUp);

const read = (workspace: string, file: string) =>
  fs.readFile(path.join(workspace, 'registry', file), 'utf8');

describe('service-registry:service:add', () => {
  it('adds a global service, every byte of catalog.toml before it unchanged', async () => {
    const workspace = await workspaceWithRegistry();
    const before = await read(workspace, 'services/catalog.toml');
    const { ctx, outputs } = contextFor(workspace, {
      id: 'orders-api',
      name: 'Orders API',
      type: 'api',
      owner: 'group:default/ecommerce-team',
      tier: 'high',
      port: 8090,
      dependencies: {
        requires: ['shared-auth@^1.0', 'component:default/shared-config'],
        optional: ['legacy-search'],
      },
      sla: { availability: '99.9%', responseTimeP99: '200ms' },
    });
    await action.handler(ctx as any);

    const after = await read(workspace, 'services/catalog.toml');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(`
[service.orders-api]
name = "Orders API"
type = "api"
owner = "ecommerce-team"
version = "0.1.0"
status = "development"
tier = "high"
port = 8090

[service.orders-api.dependencies]
requires = ["shared-auth@^1.0", "shared-config"]
optional = ["legacy-search"]

[service.orders-api.sla]
availability = "99.9%"
response_time_p99 = "200ms"
`);
    expect(outputs).toMatchObject({
      serviceId: 'orders-api',
      file: 'services/catalog.toml',
      createdFile: false,
    });
    const registry = await loadRegistryFromDirectory(
      path.join(workspace, 'registry'),
    );
    expect(registry.services.get('orders-api')).toMatchObject({
      owner: 'ecommerce-team',
      port: 8090,
      project: undefined,
    });
  });

  it('keeps an owner of another namespace as its ref, which the catalog maps as written', async () => {
    const workspace = await workspaceWithRegistry();
    const owners = {
      'sre-probe': 'group:ops/sre',
      'jane-probe': 'user:default/jane',
      'team-probe': 'group:default/ecommerce-team',
    };
    for (const [id, owner] of Object.entries(owners)) {
      await action.handler(
        contextFor(workspace, {
          id,
          owner,
          governance: { approvers: [owner] },
        }).ctx as any,
      );
    }
    const registry = await loadRegistryFromDirectory(
      path.join(workspace, 'registry'),
    );
    // a bare `sre` would be group:default/sre, another team
    expect(registry.services.get('sre-probe')?.owner).toBe('group:ops/sre');
    expect(registry.services.get('jane-probe')?.owner).toBe(
      'user:default/jane',
    );
    expect(registry.services.get('team-probe')?.owner).toBe('ecommerce-team');
    const catalog = await read(workspace, 'services/catalog.toml');
    expect(catalog).toContain('approvers = ["group:ops/sre"]');
    expect(catalog).toContain('approvers = ["@ecommerce-team"]');
  });

  it('refuses to add to a file that is not UTF-8, which an edit would corrupt, and writes nothing', async () => {
    // an editor saved the project's file in Latin-1: "Café" with é as the single byte 0xE9
    const latin1 = Buffer.concat([
      Buffer.from('[project]\nname = "Caf'),
      Buffer.from([0xe9]),
      Buffer.from('"\n'),
    ]);
    const workspace = await workspaceWithFiles({
      'services/catalog.toml': '[service.auth]\nversion = "1.0.0"\n',
      'projects/billing/services.toml': latin1,
    });
    const file = path.join(
      workspace,
      'registry/projects/billing/services.toml',
    );
    await expect(
      action.handler(
        contextFor(workspace, { id: 'billing-api', project: 'billing' })
          .ctx as any,
      ),
    ).rejects.toThrow(
      'projects/billing/services.toml is not UTF-8 (an invalid byte at line 2, column 12), so it cannot be edited without changing its other characters: save it as UTF-8 in the registry first. Nothing was written.',
    );
    expect(Buffer.compare(await fs.readFile(file), latin1)).toBe(0);
  });

  it('adds a service to an existing project and creates the file of a new project', async () => {
    const workspace = await workspaceWithRegistry();
    await action.handler(
      contextFor(workspace, { id: 'project-b-labels', project: 'project-b' })
        .ctx as any,
    );
    const { ctx, outputs } = contextFor(workspace, {
      id: 'billing-worker',
      project: 'billing',
      createProject: true,
      projectName: 'Billing',
      type: 'worker',
    });
    await action.handler(ctx as any);
    expect(outputs).toMatchObject({
      file: 'projects/billing/services.toml',
      createdFile: true,
    });
    expect(await read(workspace, 'projects/billing/services.toml')).toBe(
      '[project]\nname = "Billing"\n\n[service.billing-worker]\nname = "billing-worker"\ntype = "worker"\nversion = "0.1.0"\nstatus = "development"\n',
    );
    const registry = await loadRegistryFromDirectory(
      path.join(workspace, 'registry'),
    );
    expect(registry.services.get('project-b-labels')?.project).toBe(
      'project-b',
    );
    expect(registry.projects.get('billing')?.name).toBe('Billing');
  });

  it('writes the name of a new project as TOML, whatever printable characters it holds', async () => {
    // quotes, a backslash and a bracket: valid in a TOML string only when escaped
    const projectName = 'Billing "EU" \\ ]';
    const workspace = await workspaceWithRegistry();
    await action.handler(
      contextFor(workspace, {
        id: 'billing-worker',
        project: 'billing',
        createProject: true,
        projectName,
      }).ctx as any,
    );
    const registry = await loadRegistryFromDirectory(
      path.join(workspace, 'registry'),
    );
    expect(registry.failedFiles).toEqual([]);
    // written and loaded as given, without a finding about it
    const billing = registry.projects.get('billing');
    expect(billing?.raw.name).toBe(projectName);
    expect(billing?.name).toBe(projectName);
    expect(
      registry.findings.filter(f => f.code === 'schema/control-character'),
    ).toEqual([]);
    expect(registry.services.get('billing-worker')?.project).toBe('billing');
  });

  it('refuses the name of a new project holding a control character, naming it, and writes nothing', async () => {
    // a DEL character: the loader would drop it with a schema/control-character warning
    const workspace = await workspaceWithRegistry();
    const before = await snapshot(workspace);
    const run = action.handler(
      contextFor(workspace, {
        id: 'billing-worker',
        project: 'billing',
        createProject: true,
        projectName: 'Billing "EU"\u007f \\ ]',
      }).ctx as any,
    );
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(
      /^projectName holds the control character U\+007F \(DEL\) \(the first at character 13\): .*registry removes them.*nothing was written\.$/,
    );
    expect(await snapshot(workspace)).toEqual(before);
  });

  describe('a project whose id is "global"', () => {
    const files = {
      'services/catalog.toml': '[service.shared-auth]\nversion = "1.0.0"\n',
      'projects/global/services.toml':
        '[project]\nname = "Global ops"\n\n[service.ops-api]\nversion = "1.0.0"\n',
    };

    it("gets the service when named by its catalog ref, as the template's picker gives it", async () => {
      const workspace = await workspaceWithFiles(files);
      const { ctx, outputs } = contextFor(workspace, {
        id: 'g-svc',
        owner: 'ops-team',
        project: 'system:default/global',
      });
      await action.handler(ctx as any);
      expect(outputs.file).toBe('projects/global/services.toml');
      expect(await read(workspace, 'projects/global/services.toml')).toContain(
        '[service.g-svc]',
      );
      expect(await read(workspace, 'services/catalog.toml')).not.toContain(
        'g-svc',
      );
      const registry = await loadRegistryFromDirectory(
        path.join(workspace, 'registry'),
      );
      expect(registry.services.get('g-svc')?.project).toBe('global');
    });

    it('refuses the bare word "global" as ambiguous, saying how to name either', async () => {
      const workspace = await workspaceWithFiles(files);
      const before = await snapshot(workspace);
      const { ctx } = contextFor(workspace, {
        id: 'g-svc',
        owner: 'ops-team',
        project: 'global',
      });
      await expect(action.handler(ctx as any)).rejects.toThrow(
        /"global" names both the project global .* and a global service: write system:default\/global for the project, or leave project empty for a global service/,
      );
      expect(await snapshot(workspace)).toEqual(before);
    });

    it('still takes an empty project as a global service', async () => {
      const workspace = await workspaceWithFiles(files);
      const { ctx, outputs } = contextFor(workspace, {
        id: 'g-svc',
        owner: 'ops-team',
        project: '',
      });
      await action.handler(ctx as any);
      expect(outputs.file).toBe('services/catalog.toml');
    });
  });

  describe('control characters', () => {
    it.each([
      ['name', 'U+001B (escape)', { name: '\u001b[31mOrders API\u001b[0m' }],
      ['description', 'U+0000 (NUL)', { description: 'Orders\u0000' }],
      ['owner', 'U+007F (DEL)', { owner: 'ecommerce-team\u007f' }],
      ['tags[1]', 'U+009B', { tags: ['orders', 'api\u009b'] }],
      ['type', 'U+0085', { type: 'api\u0085' }],
      [
        'sla.supportHours',
        'U+0007 (bell)',
        { sla: { supportHours: '24/7\u0007' } },
      ],
      [
        'governance.approvers[0]',
        'U+001B (escape)',
        { governance: { approvers: ['@sre\u001b'] } },
      ],
      [
        'metadata.image',
        'U+0008 (backspace)',
        { metadata: { image: 'orders:1.0\u0008' } },
      ],
      // one line: a tab or a line break is refused too (the loader would keep them)
      ['name', 'U+0009 (tab)', { name: 'Orders\tAPI' }],
      ['tags[0]', 'U+000A (line feed)', { tags: ['line\nbreak'] }],
    ])(
      'refuses %s holding %s, naming the input and the character, and writes nothing',
      async (label, escape, fields) => {
        const workspace = await workspaceWithRegistry();
        const before = await snapshot(workspace);
        const { ctx } = contextFor(workspace, { id: 'orders-api', ...fields });
        const run = action.handler(ctx as any);
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
      const description = 'Takes orders.\r\n\tThen ships them.\n';
      const workspace = await workspaceWithRegistry();
      await action.handler(
        contextFor(workspace, {
          id: 'orders-api',
          name: 'Orders API',
          description,
          governance: { changeLog: 'CHANGELOG.md\nand the wiki' },
        }).ctx as any,
      );
      const registry = await loadRegistryFromDirectory(
        path.join(workspace, 'registry'),
      );
      const orders = registry.services.get('orders-api');
      // trimmed, as every description the action writes
      expect(orders?.description).toBe(description.trim());
      expect(orders?.governance?.changeLog).toBe('CHANGELOG.md\nand the wiki');
      expect(
        registry.findings.filter(
          f =>
            f.code === 'schema/control-character' && f.service === 'orders-api',
        ),
      ).toEqual([]);
    });
  });

  it('writes its change in a dry run too, as later steps of the dry run need it', async () => {
    // a dry run works on a workspace of its own that is thrown away afterwards
    const workspace = await workspaceWithRegistry();
    const { ctx, outputs } = contextFor(
      workspace,
      { id: 'orders-api' },
      { isDryRun: true },
    );
    await action.handler(ctx as any);
    expect(outputs.diff).toContain('+[service.orders-api]');
    expect(await read(workspace, 'services/catalog.toml')).toContain(
      '[service.orders-api]',
    );
  });

  describe('the generated documentation of the registry (docs/)', () => {
    it('is brought up to date in the same change, when the registry keeps it', async () => {
      // the demo registry keeps docs/SERVICES.md, TOPOLOGY.md and RUNBOOK.md from `service-registry docs`
      const workspace = await workspaceWithRegistry();
      const { ctx, outputs } = contextFor(workspace, {
        id: 'orders-api',
        owner: 'ecommerce-team',
        port: 8095,
      });
      await action.handler(ctx as any);
      const head = await loadRegistryFromDirectory(
        path.join(workspace, 'registry'),
      );
      for (const doc of renderRegistryDocs(head)) {
        expect(await read(workspace, `docs/${doc.name}`)).toBe(doc.content);
      }
      expect(await read(workspace, 'docs/SERVICES.md')).toContain(
        '| 8095 | `orders-api` | shared |',
      );
      expect(outputs.diff).toContain('| 8095 | `orders-api` | shared |');
    });

    it('is not created for a registry that has none, nor are documents written by hand touched', async () => {
      const bare = await workspaceWithRegistry();
      await fs.rm(path.join(bare, 'registry/docs'), { recursive: true });
      await action.handler(contextFor(bare, { id: 'orders-api' }).ctx as any);
      await expect(
        fs.stat(path.join(bare, 'registry/docs')),
      ).rejects.toMatchObject({ code: 'ENOENT' });

      const handWritten = await workspaceWithRegistry();
      const own = '# Our services\n\nWritten by the platform team.\n';
      await fs.writeFile(
        path.join(handWritten, 'registry/docs/SERVICES.md'),
        own,
      );
      await fs.rm(path.join(handWritten, 'registry/docs/TOPOLOGY.md'));
      await fs.rm(path.join(handWritten, 'registry/docs/RUNBOOK.md'));
      await action.handler(
        contextFor(handWritten, { id: 'orders-api' }).ctx as any,
      );
      expect(await read(handWritten, 'docs/SERVICES.md')).toBe(own);
      await expect(
        fs.stat(path.join(handWritten, 'registry/docs/TOPOLOGY.md')),
      ).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it('regenerates only the documents that are themselves generated', async () => {
      const workspace = await workspaceWithRegistry();
      const own = '# Our topology\n\nHand-written by the platform team.\n';
      await fs.writeFile(
        path.join(workspace, 'registry/docs/TOPOLOGY.md'),
        own,
      );
      const { ctx, outputs } = contextFor(workspace, { id: 'orders-api' });
      await action.handler(ctx as any);
      expect(await read(workspace, 'docs/TOPOLOGY.md')).toBe(own);
      expect(await read(workspace, 'docs/SERVICES.md')).toContain(
        '`orders-api`',
      );
      expect(outputs.diff).toContain('+++ b/docs/SERVICES.md');
      expect(outputs.diff).not.toContain('docs/TOPOLOGY.md');
    });
  });

  it.each([
    [{ id: 'a"]\n[x' }, /not a valid service id/],
    [{ id: 'Orders' }, /not a valid service id/],
    [{ id: 'shared-auth' }, /already declares service "shared-auth"/],
    [{ id: 'project-a-api' }, /already declares service "project-a-api"/],
    [{ id: 'x', project: 'nope' }, /Unknown project "nope".*createProject/],
    [
      { id: 'x', project: '../../etc', createProject: true },
      /not a valid project id/,
    ],
    [{ id: 'x', registryPath: '../outside' }, /outside the task's workspace/],
    [{ id: 'x', registryPath: '/etc' }, /outside the task's workspace/],
    [
      { id: 'x', dependencies: { requires: ['missing-service'] } },
      /declares no service "missing-service"/,
    ],
    [
      { id: 'x', dependencies: { requires: ['payments-gateway-v1'] } },
      /payments-gateway-v1 is retired.*payments-gateway-v2/,
    ],
    [{ id: 'x', dependencies: { requires: ['x'] } }, /cannot depend on itself/],
    [
      {
        id: 'x',
        governance: { approvers: ['@platform-team', 'group:default/'] },
      },
      /governance\.approvers\[1\] "group:default\/" names no team/,
    ],
    [
      { id: 'x', governance: { approvers: [''] } },
      /governance\.approvers\[0\] "" names no team/,
    ],
    [
      { id: 'x', governance: { approvers: ['   '] } },
      /governance\.approvers\[0\] " {3}" names no team/,
    ],
    [
      { id: 'x', owner: 'platform-team', status: 'deprecated' },
      /cannot be added as deprecated.*service-registry:service:deprecate/,
    ],
    [
      { id: 'x', owner: 'platform-team', status: 'retired' },
      /cannot be added as retired.*only a deprecated service can be retired/,
    ],
    [
      { id: 'x', dependencies: { requires: ['shared-auth@not a range'] } },
      /is not a semver range/,
    ],
    [
      {
        id: 'x',
        dependencies: { requires: ['shared-auth'], optional: ['shared-auth'] },
      },
      /listed more than once/,
    ],
    [
      { id: 'x', dependencies: { requires: ['a"]\n[x'] } },
      /is not a service id/,
    ],
    [{ id: 'x', description: 'bad \ud800 text' }, /unpaired UTF-16 surrogate/],
    [
      {
        id: 'x',
        project: 'billing',
        createProject: true,
        projectName: 'bad \ud800 text',
      },
      /unpaired UTF-16 surrogate/,
    ],
    [
      { id: 'x', sla: { responseTimeP99: 'fast' } },
      /sla\.response_time_p99 must be a duration.*nothing was written/,
    ],
    [
      { id: 'x', sla: { availability: 'always' } },
      /sla\.availability.*nothing was written/,
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

  describe('credentials', () => {
    const SECRET = 'Sup3rS3cretPassw0rd!';

    it.each([
      [{ metadata: { db_password: SECRET } }, 'metadata.db_password'],
      [{ metadata: { aws_key: 'AKIAIOSFODNN7EXAMPLE' } }, 'metadata.aws_key'],
      [
        { repository: `https://deploy:${SECRET}@git.example.com/orders.git` },
        'repository',
      ],
      [{ description: `DB_PASSWORD=${SECRET}` }, 'description'],
      [
        {
          project: 'billing',
          createProject: true,
          projectName: `postgres://billing:${SECRET}@db.internal/billing`,
        },
        'project.name',
      ],
    ])(
      'refuses to write %j, naming the key and never the value',
      async (fields, key) => {
        const workspace = await workspaceWithRegistry();
        const before = await snapshot(workspace);
        const { ctx, outputs } = contextFor(workspace, {
          id: 'leaky',
          ...fields,
        });
        const logged = captureLogs(ctx as any);
        const run = action.handler(ctx as any);
        await expect(run).rejects.toBeInstanceOf(InputError);
        const message = await run.catch((e: Error) => e.message);
        expect(message).toContain(key);
        expect(message).toMatch(/secret manager/);
        expect(message).toMatch(/reference/);
        for (const text of [message, ...logged, JSON.stringify(outputs)]) {
          expect(text).not.toContain(SECRET);
          expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
        }
        expect(await snapshot(workspace)).toEqual(before);
      },
    );

    it('accepts a reference to a secret store', async () => {
      const workspace = await workspaceWithRegistry();
      await action.handler(
        contextFor(workspace, {
          id: 'orders-api',
          metadata: { db_password: 'vault:orders/db' },
        }).ctx as any,
      );
      expect(await read(workspace, 'services/catalog.toml')).toContain(
        'db_password = "vault:orders/db"',
      );
    });
  });

  describe("dependencies, as the new service's project sees them", () => {
    // project x overrides global services field by field: a service added to x uses x's view
    const files = {
      'services/catalog.toml': `[service.auth]
version = "1.4.0"

[service.cache]
status = "retired"
replacement_service = "cache-v2"

[service.cache-v2]

[service.queue]
status = "ga"

[service.store]
status = "retired"
replacement_service = "store-v2"

[service.store-v2]
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

[service.store-v2]
status = "retired"
replacement_service = "x-store"

[service.x-store]
`,
    };
    const errorsAbout = async (workspace: string, id: string) =>
      validateRegistry(
        await loadRegistryFromDirectory(path.join(workspace, 'registry')),
      )
        .filter(f => f.severity === 'error' && f.service === id)
        .map(f => f.message);

    it("accepts a global retired service the project keeps live, and a range the project's version satisfies; validation agrees", async () => {
      const workspace = await workspaceWithFiles(files);
      const { ctx, outputs } = contextFor(workspace, {
        id: 'x-worker',
        project: 'system:default/x',
        dependencies: { requires: ['cache', 'auth@^2.0'] },
      });
      await action.handler(ctx as any);
      expect(outputs.file).toBe('projects/x/services.toml');
      expect(await read(workspace, 'projects/x/services.toml')).toContain(
        '[service.x-worker.dependencies]\nrequires = ["cache", "auth@^2.0"]\n',
      );
      expect(await errorsAbout(workspace, 'x-worker')).toEqual([]);
    });

    it("refuses a service the project's override retires, naming the project's replacement, and writes nothing", async () => {
      const workspace = await workspaceWithFiles(files);
      const before = await snapshot(workspace);
      const { ctx } = contextFor(workspace, {
        id: 'x-worker',
        project: 'x',
        dependencies: { optional: ['queue'] },
      });
      await expect(action.handler(ctx as any)).rejects.toThrow(
        new InputError(
          "dependencies.optional: queue is retired in project x's override (projects/x/services.toml:10:1) and may not be depended on; depend on its replacement x-queue.",
        ),
      );
      expect(await snapshot(workspace)).toEqual(before);
    });

    it('names the live end of the replacement chain as the project sees it', async () => {
      const workspace = await workspaceWithFiles(files);
      const { ctx } = contextFor(workspace, {
        id: 'x-worker',
        project: 'x',
        dependencies: { requires: ['store'] },
      });
      await expect(action.handler(ctx as any)).rejects.toThrow(
        new InputError(
          'dependencies.requires: store is retired and may not be depended on; depend on x-store, the live end of its replacements store-v2 → x-store.',
        ),
      );
    });

    it("takes a range the project's version of the provider does not satisfy, which validate then reports against that version", async () => {
      const workspace = await workspaceWithFiles(files);
      await action.handler(
        contextFor(workspace, {
          id: 'x-worker',
          project: 'x',
          dependencies: { requires: ['auth@^1.4'] },
        }).ctx as any,
      );
      const { ctx, outputs } = contextFor(workspace, {
        today: '2026-11-22',
        title: 'Add x-worker',
      });
      const logs = captureLogs(ctx as any);
      await expect(
        createServiceRegistryValidateAction().handler(ctx as any),
      ).rejects.toThrow(/the change brings 1 error/);
      expect(outputs).toMatchObject({ valid: false, errors: 1 });
      expect(logs.join('\n')).toMatch(
        /projects\/x\/services\.toml:\d+:\d+ \(x-worker\): .*needs "auth" \^1\.4, but "auth" is at version 2\.1\.0 in project "x"'s override/,
      );
    });

    it('checks a global service against the global declarations, which the project overrides do not change', async () => {
      const workspace = await workspaceWithFiles(files);
      const { ctx } = contextFor(workspace, {
        id: 'global-worker',
        dependencies: { requires: ['queue', 'auth@^1.4'] },
      });
      await action.handler(ctx as any);
      expect(await read(workspace, 'services/catalog.toml')).toContain(
        'requires = ["queue", "auth@^1.4"]',
      );
      expect(await errorsAbout(workspace, 'global-worker')).toEqual([]);
      await expect(
        action.handler(
          contextFor(workspace, {
            id: 'global-app',
            dependencies: { requires: ['cache'] },
          }).ctx as any,
        ),
      ).rejects.toThrow(
        'dependencies.requires: cache is retired and may not be depended on; depend on its replacement cache-v2.',
      );
    });
  });

  it('says how to get a registry when the workspace has none', async () => {
    const workspace = await workspaceWithRegistry();
    await expect(
      action.handler(
        contextFor(workspace, { id: 'x', registryPath: 'elsewhere' })
          .ctx as any,
      ),
    ).rejects.toThrow(/run service-registry:registry:fetch first/);
    expect(DEMO_REGISTRY).toBeTruthy();
  });
});

describe('service-registry:service:add with catalog entity refs', () => {
  const REGISTRY = {
    ...renamedRegistry(),
    'projects/shop/services.toml': '[project]\nname = "Shop"\n',
  };
  /** What a transformer made of them: `acme-` names, and a Component named like another service. */
  const ENTITIES = [
    component({ name: 'acme-shop-api', namespace: 'shop' }, 'shop-api'),
    component({ name: 'shop-api' }, 'shop-api-next'),
    system({ name: 'acme-shop' }, 'shop'),
  ];

  it("adds a service to the project of a renamed System, depending on the registry services of the picked entities' annotations, in one catalog lookup", async () => {
    const { catalog, lookups } = catalogWith(ENTITIES);
    const workspace = await workspaceWithFiles(REGISTRY);
    const { ctx, outputs } = contextFor(workspace, {
      id: 'checkout',
      owner: 'group:default/shop-team',
      project: 'system:default/acme-shop',
      dependencies: {
        requires: ['component:shop/acme-shop-api@^2'],
        optional: ['component:default/shop-api'],
      },
    });
    await createServiceRegistryAddServiceAction({ catalog }).handler(
      ctx as any,
    );
    expect(outputs).toMatchObject({
      serviceId: 'checkout',
      file: 'projects/shop/services.toml',
    });
    const added = (
      await loadRegistryFromDirectory(path.join(workspace, 'registry'))
    ).services.get('checkout')!;
    expect({
      project: added.project,
      requires: added.dependencies.requires.map(d => d.raw),
      optional: added.dependencies.optional.map(d => d.raw),
    }).toEqual({
      project: 'shop',
      requires: ['shop-api@^2'],
      optional: ['shop-api-next'],
    });
    expect(lookups).toEqual([
      {
        entityRefs: [
          'component:shop/acme-shop-api',
          'component:default/shop-api',
          'system:default/acme-shop',
        ],
        credentials: await ctx.getInitiatorCredentials(),
      },
    ]);
  });

  it('creates a project named by a System ref the catalog does not know yet', async () => {
    const { catalog } = catalogWith(ENTITIES);
    const workspace = await workspaceWithFiles(REGISTRY);
    const { ctx, outputs } = contextFor(workspace, {
      id: 'checkout',
      project: 'system:default/payments',
      createProject: true,
    });
    await createServiceRegistryAddServiceAction({ catalog }).handler(
      ctx as any,
    );
    expect(outputs.file).toBe('projects/payments/services.toml');
  });

  it('refuses a dependency neither the catalog nor the registry knows, and writes nothing', async () => {
    const { catalog } = catalogWith(ENTITIES);
    const workspace = await workspaceWithFiles(REGISTRY);
    const before = await snapshot(workspace);
    const { ctx } = contextFor(workspace, {
      id: 'checkout',
      dependencies: { requires: ['component:shop/acme-payments'] },
    });
    await expect(
      createServiceRegistryAddServiceAction({ catalog }).handler(ctx as any),
    ).rejects.toThrow(
      'dependencies.requires: the catalog has no entity component:shop/acme-payments (or none you may see), and the registry declares no service "acme-payments".',
    );
    expect(await snapshot(workspace)).toEqual(before);
  });
});
