import { promises as fs } from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  loadRegistry,
  renderRegistryDocs,
} from '@service-registry/plugin-service-registry-common';
import {
  bareRepositoryOf,
  cleanUp,
  configWith,
  contextFor,
  git,
  snapshot,
  tempDir,
} from '../__testUtils__/workspace';
import { createServiceRegistryAddServiceAction } from './addService';
import { createServiceRegistryDeprecateServiceAction } from './deprecateService';
import { createServiceRegistryFetchAction } from './fetchRegistry';
import { createServiceRegistryPublishBranchAction } from './publishBranch';
import { createServiceRegistryValidateAction } from './validate';

afterEach(cleanUp);

function actions(bare: string) {
  const config = configWith([bare], { registryUrl: bare });
  return {
    fetch: createServiceRegistryFetchAction({
      config,
      reader: mockServices.urlReader.mock(),
    }),
    add: createServiceRegistryAddServiceAction(),
    deprecate: createServiceRegistryDeprecateServiceAction(),
    validate: createServiceRegistryValidateAction(),
    publish: createServiceRegistryPublishBranchAction({ config }),
  };
}

/** The files of a branch of a bare repository, as the registry loader takes them. */
function filesOf(bare: string, ref: string) {
  return git(bare, 'ls-tree', '-r', '--name-only', ref)
    .split('\n')
    .filter(p => p.endsWith('.toml'))
    .map(p => ({ path: p, text: git(bare, 'show', `${ref}:${p}`) }));
}

describe('the template flow on a local bare repository', () => {
  it('fetches, adds, validates and pushes a branch that holds the new service', async () => {
    const bare = await bareRepositoryOf();
    const a = actions(bare);
    const workspace = await tempDir('sr-ws-');

    const fetched = contextFor(workspace, {});
    await a.fetch.handler(fetched.ctx as any);
    expect(fetched.outputs).toEqual({
      registryPath: 'registry',
      basePath: '.service-registry/base',
      provider: 'local',
      repoUrl: `file://${bare}`,
      remoteUrl: `file://${bare}`,
      repoSubPath: '',
      targetBranch: 'main',
    });
    const base = await snapshot(path.join(workspace, '.service-registry/base'));
    expect(Object.keys(base)).toContain('services/catalog.toml');

    await a.add.handler(
      contextFor(workspace, {
        id: 'orders-api',
        owner: 'ecommerce-team',
        project: 'system:default/project-a',
        tier: 'medium',
        dependencies: { requires: ['component:default/project-a-db'] },
      }).ctx as any,
    );
    const validated = contextFor(workspace, { today: '2026-11-22' });
    await a.validate.handler(validated.ctx as any);
    expect(validated.outputs.valid).toBe(true);

    const published = contextFor(workspace, {
      branchName: 'service-registry/add-orders-api',
      title: 'Add service orders-api',
      description: validated.outputs.report,
    });
    await a.publish.handler(published.ctx as any);
    expect(published.outputs).toMatchObject({
      branchName: 'service-registry/add-orders-api',
      targetBranch: 'main',
      remoteUrl: `file://${bare}`,
      changedFiles: [
        'docs/RUNBOOK.md',
        'docs/SERVICES.md',
        'docs/TOPOLOGY.md',
        'projects/project-a/services.toml',
      ],
    });

    // the branch holds exactly the change, on top of main; main is untouched. The demo registry
    // keeps generated documents (docs/): they are current on the branch, as its CI's
    // `service-registry docs --check` requires
    const branch = 'refs/heads/service-registry/add-orders-api';
    expect(git(bare, 'rev-parse', branch)).toBe(published.outputs.commitHash);
    expect(git(bare, 'rev-parse', `${branch}^`)).toBe(
      git(bare, 'rev-parse', 'main'),
    );
    expect(
      git(bare, 'diff', '--name-only', 'main', branch).split('\n'),
    ).toEqual([
      'docs/RUNBOOK.md',
      'docs/SERVICES.md',
      'docs/TOPOLOGY.md',
      'projects/project-a/services.toml',
    ]);
    const documents = renderRegistryDocs(loadRegistry(filesOf(bare, branch)));
    for (const doc of documents) {
      expect(git(bare, 'show', `${branch}:docs/${doc.name}`)).toBe(
        doc.content.trimEnd(),
      );
    }
    expect(documents[0].content).toContain('| `orders-api` |');
    expect(git(bare, 'log', '-1', '--format=%B', branch)).toContain(
      '- Added: `orders-api`',
    );
    const head = loadRegistry(filesOf(bare, branch));
    expect(head.services.get('orders-api')).toMatchObject({
      project: 'project-a',
      owner: 'ecommerce-team',
    });
    expect(loadRegistry(filesOf(bare, 'main')).services.has('orders-api')).toBe(
      false,
    );

    // the same branch again is refused, nothing is pushed
    const again = await tempDir('sr-ws-');
    await a.fetch.handler(contextFor(again, {}).ctx as any);
    await a.add.handler(contextFor(again, { id: 'orders-api' }).ctx as any);
    await expect(
      a.publish.handler(
        contextFor(again, {
          branchName: 'service-registry/add-orders-api',
          title: 'x',
        }).ctx as any,
      ),
    ).rejects.toThrow(/already exists/);
    expect(git(bare, 'rev-parse', branch)).toBe(published.outputs.commitHash);
  });

  it('deprecates on a branch whose commit lists the consumers', async () => {
    const bare = await bareRepositoryOf();
    const a = actions(bare);
    const workspace = await tempDir('sr-ws-');
    await a.fetch.handler(contextFor(workspace, {}).ctx as any);
    const deprecated = contextFor(workspace, {
      id: 'payments-gateway-v3',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-12-01',
      replacementService: 'new-api',
    });
    await a.deprecate.handler(deprecated.ctx as any);
    await a.publish.handler(
      contextFor(workspace, {
        branchName: 'deprecate-payments-v3',
        title: 'Deprecate payments-gateway-v3',
        description: deprecated.outputs.consumersMarkdown,
      }).ctx as any,
    );
    expect(
      git(bare, 'log', '-1', '--format=%B', 'deprecate-payments-v3'),
    ).toContain(
      '| `project-a-api` | `project-a` | ecommerce-team | required |',
    );
  });

  it('runs every step of a dry run on its own workspace: validate sees the edit, publish only reports', async () => {
    const bare = await bareRepositoryOf();
    const a = actions(bare);
    const refs = git(bare, 'for-each-ref');
    const workspace = await tempDir('sr-ws-');
    const dry = <T extends Record<string, any>>(input: T) =>
      contextFor(workspace, input, { isDryRun: true });

    await a.fetch.handler(dry({}).ctx as any);
    const added = dry({
      id: 'orders-api',
      project: 'project-a',
      tier: 'medium',
      // a range shared-auth's version does not satisfy: the add takes it, validate refuses it
      dependencies: { requires: ['shared-auth@^9.0'] },
    });
    await a.add.handler(added.ctx as any);
    expect(added.outputs.file).toBe('projects/project-a/services.toml');

    // validate checks the edited registry, as in a real run: the new service and its error
    const validated = dry({ today: '2026-11-22', title: 'Add orders-api' });
    const errors: string[] = [];
    validated.ctx.logger.error = ((message: string) => {
      errors.push(message);
    }) as any;
    await expect(a.validate.handler(validated.ctx as any)).rejects.toThrow(
      /the change brings 1 error/,
    );
    expect(validated.outputs).toMatchObject({
      valid: false,
      errors: 1,
      added: ['orders-api'],
    });
    expect(errors.join('\n')).toMatch(
      /projects\/project-a\/services.toml:\d+:\d+ \(orders-api\): .*needs "shared-auth" \^9\.0, but "shared-auth" is at version 1\.2\.3/,
    );

    // publish reports what it would commit and push, and pushes nothing
    const published = dry({
      branchName: 'service-registry/add-orders-api',
      title: 'Add service orders-api',
    });
    const infos: string[] = [];
    published.ctx.logger.info = ((message: string) => {
      infos.push(message);
    }) as any;
    await a.publish.handler(published.ctx as any);
    expect(published.outputs).toMatchObject({
      branchName: 'service-registry/add-orders-api',
      remoteUrl: `file://${bare}`,
      targetBranch: 'main',
      changedFiles: [
        'docs/RUNBOOK.md',
        'docs/SERVICES.md',
        'docs/TOPOLOGY.md',
        'projects/project-a/services.toml',
      ],
    });
    expect(infos.join('\n')).toContain(
      `Dry run: would commit docs/RUNBOOK.md, docs/SERVICES.md, docs/TOPOLOGY.md, projects/project-a/services.toml on service-registry/add-orders-api and push it to file://${bare}`,
    );
    expect(git(bare, 'for-each-ref')).toBe(refs);
  });

  it('refuses repositories the config does not allow, and fetching over files', async () => {
    const bare = await bareRepositoryOf();
    const other = await bareRepositoryOf();
    const a = actions(bare);
    const workspace = await tempDir('sr-ws-');
    await expect(
      a.fetch.handler(contextFor(workspace, { url: other }).ctx as any),
    ).rejects.toThrow(
      /is not allowed: list it in scaffolder.serviceRegistry.localRepositories/,
    );
    await expect(
      a.fetch.handler(
        contextFor(workspace, { url: `file://${other}` }).ctx as any,
      ),
    ).rejects.toThrow(/is not allowed/);
    await expect(
      a.fetch.handler(contextFor(workspace, { targetPath: '../x' }).ctx as any),
    ).rejects.toThrow(/outside the task's workspace/);
    await fs.mkdir(path.join(workspace, 'registry'));
    await fs.writeFile(path.join(workspace, 'registry/x'), 'x');
    await expect(
      a.fetch.handler(contextFor(workspace, {}).ctx as any),
    ).rejects.toThrow(/already holds files/);
  });

  it('refuses to publish a registry that was not cloned, or has no change', async () => {
    const bare = await bareRepositoryOf();
    const a = actions(bare);
    const workspace = await tempDir('sr-ws-');
    await a.fetch.handler(contextFor(workspace, {}).ctx as any);
    await expect(
      a.publish.handler(
        contextFor(workspace, { branchName: 'b', title: 't' }).ctx as any,
      ),
    ).rejects.toThrow(/Nothing to publish/);
    await expect(
      a.publish.handler(
        contextFor(workspace, { branchName: 'bad..name', title: 't' })
          .ctx as any,
      ),
    ).rejects.toThrow(/not a valid git branch name/);
    const plain = await tempDir('sr-ws-');
    await fs.mkdir(path.join(plain, 'registry'));
    await expect(
      a.publish.handler(
        contextFor(plain, { branchName: 'b', title: 't' }).ctx as any,
      ),
    ).rejects.toThrow(/not a git checkout/);
  });
});
