import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import { ConfigReader } from '@backstage/config';
import {
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_SOURCE_FILE,
  ANNOTATION_SOURCE_LINE,
  ANNOTATION_VERSION,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { InMemoryServiceRegistrySnapshotService } from '@service-registry/plugin-service-registry-node';
import {
  createTestDatabases,
  eventually,
} from '@service-registry/test-support';
import { ProviderStateStore } from '../database/ProviderStateStore';
import { ServiceRegistryRunMetrics } from '../lib/runMetrics';
import { createRegistrySource, RegistrySource } from './RegistrySource';
import {
  ANNOTATION_INGESTION_STATE,
  ServiceRegistryEntityProvider,
  ServiceRegistryEntityProviderOptions,
} from './ServiceRegistryEntityProvider';
import { ServiceRegistryEntityProviderConfig } from './ServiceRegistryEntityProviderConfig';
import {
  providerConfig,
  RecordingConnection,
  writeRegistry,
} from '../__testUtils__/providerHarness';

const databases = createTestDatabases();
jest.setTimeout(60_000);

const CATALOG = `
[service.shared-auth]
name = "Shared auth"
type = "microservice"
owner = "@platform-team"
version = "1.2.3"
status = "ga"

[service.shared-db]
type = "database"
owner = "platform-team"
version = "14.0.0"
status = "ga"
`;

const ALPHA = `
[project]
name = "Alpha"
tier = "high"
owner = "alpha-team"

[service.alpha-api]
type = "api"
version = "2.0.0"
status = "ga"
port = 8080
[service.alpha-api.dependencies]
requires = ["shared-auth@^1.0", "shared-db"]

[service.alpha-web]
type = "web"
version = "1.0.0"
status = "beta"
[service.alpha-web.dependencies]
requires = ["alpha-api"]
`;

const BETA = `
[project-specific.beta]
name = "Beta"
owner = "beta-team"

[service.beta-worker]
type = "worker"
version = "0.3.0"
status = "development"

[service.beta-legacy]
type = "api"
version = "1.0.0"
status = "retired"
`;

/**
 * The refs that entities in the recording catalog point at through `spec.system` and `spec.owner`
 * (Groups of the default namespace) and that the catalog does not hold: relations cut, pages gone.
 */
function danglingRefs(connection: RecordingConnection): string[] {
  const dangling: string[] = [];
  for (const [ref, entity] of connection.entities) {
    const { system, owner } = (entity.spec ?? {}) as {
      system?: string;
      owner?: string;
    };
    if (system && !connection.entities.has(`system:default/${system}`)) {
      dangling.push(`${ref} -> system:default/${system}`);
    }
    if (
      owner?.startsWith('group:default/') &&
      !connection.entities.has(owner)
    ) {
      dangling.push(`${ref} -> ${owner}`);
    }
  }
  return dangling.sort();
}

describe.each(databases.eachSupportedId())(
  'ServiceRegistryEntityProvider on %p',
  databaseId => {
    let dir: string;
    let store: ProviderStateStore;
    let source: RegistrySource;

    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-'));
      await writeRegistry(dir, {
        'services/catalog.toml': CATALOG,
        'projects/alpha/services.toml': ALPHA,
        'projects/beta/services.toml': BETA,
      });
      store = await ProviderStateStore.create(await databases.init(databaseId));
      source = createRegistrySource(dir, {
        reader: mockServices.urlReader.mock(),
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
      });
    });

    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    /**
     * A provider connected to a recording catalog: of the test's registry, or, with a `target`
     * in `overrides`, of the registry in that folder.
     */
    async function connected(
      overrides?: Partial<ServiceRegistryEntityProviderConfig>,
      options?: Partial<ServiceRegistryEntityProviderOptions>,
    ) {
      const target = overrides?.target;
      const provider = new ServiceRegistryEntityProvider({
        ...options,
        config: providerConfig({ target: dir, ...overrides }),
        source: target
          ? createRegistrySource(target, {
              reader: mockServices.urlReader.mock(),
              integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
            })
          : source,
        store,
        logger: options?.logger ?? mockServices.logger.mock(),
      });
      const connection = new RecordingConnection();
      await provider.connect(connection);
      return { provider, connection };
    }

    it('hands each run to its metrics with how it ended, and a run that throws as an error', async () => {
      const runs: string[] = [];
      const metrics: ServiceRegistryRunMetrics = {
        recordRun: (id, result, seconds) =>
          runs.push(
            `${id} ${result.status.state} ${result.mutation} ${
              seconds >= 0 && seconds < 60
            }`,
          ),
        recordError: (id, seconds) =>
          runs.push(`${id} error ${seconds >= 0 && seconds < 60}`),
      };
      const unconnected = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir }),
        source,
        store,
        logger: mockServices.logger.mock(),
        metrics,
      });
      await expect(unconnected.refresh()).rejects.toThrow(/not connected/);
      const { provider } = await connected(undefined, { metrics });
      await provider.refresh();
      await provider.refresh();
      await writeRegistry(dir, { 'projects/beta/services.toml': '[service' });
      await provider.refresh();
      expect(runs).toEqual([
        'default error true',
        'default ok full true',
        'default ok none true',
        'default degraded delta true',
      ]);
    });

    it('maps services, projects and owners, leaving retired services out', async () => {
      const { provider, connection } = await connected();
      const result = await provider.refresh();

      expect(result.mutation).toBe('full');
      expect(connection.refs('component')).toEqual([
        'component:default/alpha-api',
        'component:default/alpha-web',
        'component:default/beta-worker',
        'component:default/shared-auth',
        'component:default/shared-db',
      ]);
      expect(connection.refs('system')).toEqual([
        'system:default/alpha',
        'system:default/beta',
        'system:default/shared',
      ]);
      expect(connection.refs('group')).toEqual([
        'group:default/alpha-team',
        'group:default/beta-team',
        'group:default/platform-team',
        'group:default/unknown',
      ]);

      const api = connection.entities.get('component:default/alpha-api')!;
      expect(api.spec).toMatchObject({
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/alpha-team',
        system: 'alpha',
        dependsOn: [
          'component:default/shared-auth',
          'component:default/shared-db',
        ],
      });
      expect(api.metadata.annotations).toMatchObject({
        'service-registry.io/status': 'ga',
        'service-registry.io/version': '2.0.0',
        'service-registry.io/tier': 'high',
        'service-registry.io/port': '8080',
        'service-registry.io/source-file': 'projects/alpha/services.toml',
        'service-registry.io/source-line': '7',
        'backstage.io/source-location': `file:${path.join(
          dir,
          'projects/alpha/services.toml',
        )}`,
      });
      // where it comes from, under the keys Backstage and the registry define
      const alphaFile = `file:${path.join(
        dir,
        'projects/alpha/services.toml',
      )}`;
      expect(api.metadata.annotations).toMatchObject({
        [ANNOTATION_LOCATION]: alphaFile,
        [ANNOTATION_ORIGIN_LOCATION]: `file:${dir}`,
        [ANNOTATION_SOURCE_LOCATION]: alphaFile,
        [ANNOTATION_SOURCE_FILE]: 'projects/alpha/services.toml',
        [ANNOTATION_SOURCE_LINE]: '7',
        [ANNOTATION_REGISTRY_ID]: 'default',
      });
      expect(
        connection.entities.get('component:default/alpha-web')!.spec,
      ).toMatchObject({
        type: 'website',
        lifecycle: 'experimental',
      });
      expect(
        connection.entities.get(provider.statusEntityRef)!.metadata
          .annotations![ANNOTATION_INGESTION_STATE],
      ).toBe('ok');
    });

    it('puts no service or project whose id holds a credential into the catalog, and says how many it left out and where, never the id', async () => {
      const token = 'glpat-a1b2c3d4e5f6g7h8i9j0k1l2';
      const projectToken = 'ghp_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
      await writeRegistry(dir, {
        'services/catalog.toml': `${CATALOG}[service.${token}]\nversion = "1.0.0"\n`,
        'projects/alpha/services.toml': ALPHA.replace(
          'requires = ["shared-auth@^1.0", "shared-db"]',
          `requires = ["shared-auth@^1.0", "shared-db", "${token}"]`,
        ),
        [`projects/${projectToken}/services.toml`]:
          // an error in that file: the log and the summary name the file, with the folder hidden
          '[project]\nowner = "gamma-team"\n[service.gamma-api]\nversion = "1.0.0"\ndependencies.requires = ["nowhere"]\n',
      });
      const tokenLine = CATALOG.split('\n').length;
      const logger = mockServices.logger.mock();
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      const { provider, connection } = await connected(undefined, {
        logger,
        snapshots,
        validate: registry => validateRegistry(registry),
      });
      const result = await provider.refresh();

      const secrets = [token.slice(6), projectToken.slice(4).toLowerCase()];
      const catalog = JSON.stringify([
        ...connection.entities.entries(),
      ]).toLowerCase();
      for (const secret of secrets) expect(catalog).not.toContain(secret);
      expect(
        connection.entities.get('component:default/alpha-api')!.spec!.dependsOn,
      ).toEqual([
        'component:default/shared-auth',
        'component:default/shared-db',
      ]);
      // the services of such a project are there, without a System
      const gamma = connection.entities.get('component:default/gamma-api')!;
      expect(gamma.spec!.system).toBeUndefined();
      expect(gamma.spec!.owner).toBe('group:default/gamma-team');

      const where = `the service at services/catalog.toml:${tokenLine}:1, the project at projects/(hidden)/services.toml:1:1`;
      expect(result.status.summary).toContain(
        `left out 2 ids that hold a credential (${where})`,
      );
      expect(
        connection.entities.get(provider.statusEntityRef)!.metadata
          .annotations!['service-registry.io/ingestion-summary'],
      ).toContain(`left out 2 ids that hold a credential (${where})`);
      const leftOut = result.status.findings.filter(
        f => f.code === 'catalog/credential-id',
      );
      expect(leftOut.map(f => [f.severity, f.file, f.line, f.column])).toEqual([
        ['error', 'services/catalog.toml', tokenLine, 1],
        ['error', 'projects/(hidden)/services.toml', 1, 1],
      ]);
      // the backend plugin's findings show them too
      expect(
        snapshots
          .get('default')!
          .findings.filter(f => f.code === 'catalog/credential-id'),
      ).toHaveLength(2);
      const logged = JSON.stringify([
        ...logger.error.mock.calls,
        ...logger.warn.mock.calls,
        ...logger.info.mock.calls,
        ...logger.debug.mock.calls,
      ]).toLowerCase();
      expect(logged).toContain('left out 2 ids that hold a credential');
      expect(logged).toContain(
        'projects/(hidden)/services.toml:5:26 error dependency/missing-required',
      );
      for (const secret of secrets) {
        expect(logged).not.toContain(secret);
        expect(result.status.summary.toLowerCase()).not.toContain(secret);
        expect(JSON.stringify(leftOut).toLowerCase()).not.toContain(secret);
      }
    });

    it('writes a service renamed from a credential to its real id, removing nothing: its old id was never emitted', async () => {
      const token = 'glpat-a1b2c3d4e5f6g7h8i9j0k1l2';
      await writeRegistry(dir, {
        'services/catalog.toml': `${CATALOG}[service.${token}]\nversion = "1.0.0"\n`,
      });
      const { provider, connection } = await connected();
      await provider.refresh();
      await writeRegistry(dir, {
        'services/catalog.toml': `${CATALOG}[service.billing]\nversion = "1.0.0"\n`,
      });
      const result = await provider.refresh();
      expect(result).toMatchObject({
        mutation: 'delta',
        upserted: 1, // billing
        removed: 0,
      });
      expect(connection.refs('component')).toContain(
        'component:default/billing',
      );
      expect(result.status.summary).not.toContain('credential');
    });

    it('removes an entity an earlier version emitted under a name that holds a credential', async () => {
      const token = 'glpat-a1b2c3d4e5f6g7h8i9j0k1l2';
      // as a version before this one did, for a service whose id was the token
      const transformers = [
        (entity: Entity) =>
          entity.metadata.name === 'shared-db'
            ? { ...entity, metadata: { ...entity.metadata, name: token } }
            : entity,
      ];
      const { provider, connection } = await connected(undefined, {
        transformers,
      });
      await provider.refresh();
      expect(connection.refs('component')).toContain(
        `component:default/${token}`,
      );
      transformers.length = 0;
      await writeRegistry(dir, {
        'services/catalog.toml': CATALOG.replace('14.0.0', '14.1.0'),
      });
      const result = await provider.refresh();
      expect(result.mutation).toBe('delta');
      expect(connection.refs('component')).not.toContain(
        `component:default/${token}`,
      );
      expect(connection.refs('component')).toContain(
        'component:default/shared-db',
      );
      expect(result.removed).toBe(1);
      expect(result.status.summary).not.toContain(token.slice(6));
    });

    it('applies nothing when the registry did not change, and logs so at debug level', async () => {
      const logger = mockServices.logger.mock();
      const { provider, connection } = await connected(undefined, { logger });
      await provider.refresh();
      logger.debug.mockClear();
      const again = await provider.refresh();
      expect(again.mutation).toBe('none');
      expect(connection.mutations).toHaveLength(1);
      expect(logger.debug).toHaveBeenCalledWith(
        'service-registry-provider:default: nothing to apply: not modified since the last run (state ok)',
      );
    });

    it('emits an owner Group once the source that defined it drops it, while the registry stays the same', async () => {
      // an org provider (LDAP, GitHub teams) defines alpha-team
      const elsewhere = new Set(['alpha-team']);
      const { provider, connection } = await connected(undefined, {
        findExistingGroups: async () => new Set(elsewhere),
      });
      await provider.refresh();
      expect(connection.refs('group')).not.toContain(
        'group:default/alpha-team',
      );
      expect(
        connection.entities.get('component:default/alpha-api')!.spec!.owner,
      ).toBe('group:default/alpha-team');
      expect((await provider.refresh()).mutation).toBe('none');

      // it drops the group; nothing in the registry changed, but its owner needs a Group again
      elsewhere.delete('alpha-team');
      const result = await provider.refresh();
      expect(result.mutation).toBe('delta');
      expect(connection.refs('group')).toContain('group:default/alpha-team');
      expect((await provider.refresh()).mutation).toBe('none');
    });

    it('emits no Group for an owner another source defines in another case', async () => {
      // the org provider's Group is `Alpha-Team`: the catalog takes it for alpha-team
      const { provider, connection } = await connected(undefined, {
        findExistingGroups: async () => new Set(['Alpha-Team']),
      });
      await provider.refresh();
      expect(connection.refs('group')).not.toContain(
        'group:default/alpha-team',
      );
    });

    describe('the Group of the default owner, which owns the status Resource', () => {
      // a registry whose every service and project names its owner: none falls back to defaultOwner
      let labDir: string;
      beforeEach(async () => {
        labDir = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-lab-'));
        await writeRegistry(labDir, {
          'projects/lab/services.toml':
            '[project]\nowner = "lab-team"\n\n[service.lab-api]\nversion = "0.1.0"\n',
        });
      });
      afterEach(async () => {
        await fs.rm(labDir, { recursive: true, force: true });
      });

      it('is emitted like any owner, though no service or project names it', async () => {
        const { provider, connection } = await connected({
          target: labDir,
          defaultOwner: '@platform-ops',
        });
        await provider.refresh();
        expect(
          connection.entities.get(provider.statusEntityRef)!.spec!.owner,
        ).toBe('group:default/platform-ops');
        expect(connection.refs('group')).toEqual([
          'group:default/lab-team',
          'group:default/platform-ops',
        ]);
        expect(danglingRefs(connection)).toEqual([]);
      });

      it('is emitted when transformers run, which leave out the Groups no entity is owned by', async () => {
        const { provider, connection } = await connected(
          { target: labDir, defaultOwner: '@platform-ops' },
          { transformers: [entity => entity] },
        );
        await provider.refresh();
        expect(connection.refs('group')).toContain(
          'group:default/platform-ops',
        );
        expect(danglingRefs(connection)).toEqual([]);
      });

      it('owns the status Resource under the name a transformer gives it, in applied and blocked runs, on every backend', async () => {
        // an adopter's transformer that prefixes every Group
        const prefixGroups = (entity: Entity) =>
          entity.kind === 'Group'
            ? {
                ...entity,
                metadata: {
                  ...entity.metadata,
                  name: `team-${entity.metadata.name}`,
                },
              }
            : entity;
        const { provider, connection } = await connected(
          { target: labDir, defaultOwner: '@platform-ops' },
          { transformers: [prefixGroups] },
        );
        const statusOwner = (recorded: RecordingConnection) =>
          recorded.entities.get(provider.statusEntityRef)!.spec!.owner;
        expect((await provider.refresh()).status.state).toBe('ok');
        expect(connection.refs('group')).toEqual([
          'group:default/team-lab-team',
          'group:default/team-platform-ops',
        ]);
        expect(statusOwner(connection)).toBe('group:default/team-platform-ops');
        expect(danglingRefs(connection)).toEqual([]);

        // a run that applies nothing shows its state on the status Resource, owned as before
        await fs.rm(path.join(labDir, 'projects'), { recursive: true });
        await writeRegistry(labDir, { 'README.md': '# moved' });
        expect((await provider.refresh()).status.state).toBe('blocked');
        expect(statusOwner(connection)).toBe('group:default/team-platform-ops');

        // so does another backend's, which has applied no run itself
        const other = await connected(
          { target: labDir, defaultOwner: '@platform-ops' },
          { transformers: [prefixGroups] },
        );
        expect((await other.provider.refresh()).status.state).toBe('blocked');
        expect(statusOwner(other.connection)).toBe(
          'group:default/team-platform-ops',
        );
      });

      it('is not emitted when another source defines it, or owner Groups are off', async () => {
        const org = await connected(
          { id: 'org', target: labDir, defaultOwner: '@platform-ops' },
          { findExistingGroups: async () => new Set(['Platform-Ops']) },
        );
        await org.provider.refresh();
        expect(org.connection.refs('group')).toEqual([
          'group:default/lab-team',
        ]);

        const off = await connected({
          id: 'off',
          target: labDir,
          defaultOwner: '@platform-ops',
          ownerGroups: false,
        });
        await off.provider.refresh();
        expect(off.connection.refs('group')).toEqual([]);
      });
    });

    it('keeps the groups of its last run when the catalog cannot list them', async () => {
      let failing = false;
      const { provider, connection } = await connected(undefined, {
        findExistingGroups: async () => {
          if (failing) throw new Error('catalog unavailable');
          return new Set(['alpha-team']);
        },
      });
      await provider.refresh();
      failing = true;
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace(
          'version = "0.3.0"',
          'version = "0.4.0"',
        ),
      });
      const result = await provider.refresh();
      expect(result.mutation).toBe('delta');
      expect(result.removed).toBe(0);
      expect(connection.refs('group')).not.toContain(
        'group:default/alpha-team',
      );
    });

    it('emits the owner Groups of the last applied run when the catalog cannot list them after a restart', async () => {
      // an org provider defines alpha-team; the first run leaves its Group to it
      const first = await connected(undefined, {
        findExistingGroups: async () => new Set(['alpha-team']),
      });
      await first.provider.refresh();
      const groups = first.connection.refs('group');
      expect(groups).not.toContain('group:default/alpha-team');

      // a restarted backend whose first run cannot ask the catalog: it does not take alpha-team
      // for a team nobody defines (its Group would clash with the org provider's), nor drop the
      // Groups it emitted
      const restarted = await connected(undefined, {
        findExistingGroups: async () => {
          throw new Error('catalog unavailable');
        },
      });
      const result = await restarted.provider.refresh();
      expect(result.removed).toBe(0);
      expect(restarted.connection.refs('group')).toEqual(groups);
    });

    describe('on SCM events', () => {
      const target = 'https://github.com/acme/registry/tree/main';
      const pushed = (url: string) => [
        { type: 'location.updated' as const, url },
      ];

      function hosted(
        scheduler: ReturnType<typeof mockServices.scheduler.mock>,
      ) {
        const provider = new ServiceRegistryEntityProvider({
          config: providerConfig({ target }),
          source: {
            rootLocation: `url:${target}`,
            read: async () => ({ notModified: true }),
            fileLocation: file => ({ location: `url:${target}/${file}` }),
          },
          store,
          logger: mockServices.logger.mock(),
          scheduler,
          scmEventRetryMs: 10,
        });
        return provider;
      }

      it('starts its run at once when a file of its registry changed', async () => {
        const scheduler = mockServices.scheduler.mock();
        const provider = hosted(scheduler);

        expect(
          await provider.onScmEvents(
            pushed(
              'https://github.com/acme/registry/blob/main/projects/shop/services.toml',
            ),
          ),
        ).toBe(true);
        expect(scheduler.triggerTask).toHaveBeenCalledWith(provider.taskId);
      });

      it('ignores changes elsewhere, and a registry in a local directory takes none', async () => {
        const scheduler = mockServices.scheduler.mock();
        const provider = hosted(scheduler);
        expect(
          await provider.onScmEvents(
            pushed('https://github.com/acme/other/blob/main/catalog-info.yaml'),
          ),
        ).toBe(false);

        const local = new ServiceRegistryEntityProvider({
          config: providerConfig({ target: dir }),
          source,
          store,
          logger: mockServices.logger.mock(),
          scheduler,
        });
        expect(
          await local.onScmEvents(pushed(`file:${dir}/services/catalog.toml`)),
        ).toBe(false);
        expect(scheduler.triggerTask).not.toHaveBeenCalled();
      });

      it('asks again when the change arrives during a run, which may have read the registry before it', async () => {
        const scheduler = mockServices.scheduler.mock();
        const conflict = Object.assign(new Error('task is running'), {
          name: 'ConflictError',
        });
        scheduler.triggerTask
          .mockRejectedValueOnce(conflict)
          .mockRejectedValueOnce(conflict)
          .mockResolvedValue(undefined);
        const provider = hosted(scheduler);

        await provider.onScmEvents(
          pushed(
            'https://github.com/acme/registry/blob/main/services/catalog.toml',
          ),
        );

        await eventually(
          async () => scheduler.triggerTask.mock.calls.length,
          calls => calls === 3,
          { timeoutMs: 5000, intervalMs: 5 },
        );
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(scheduler.triggerTask).toHaveBeenCalledTimes(3);
      });
    });

    it('sends only the changed entities after a one-line change', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace(
          'version = "0.3.0"',
          'version = "0.4.0"',
        ),
      });

      const result = await provider.refresh();

      expect(result.mutation).toBe('delta');
      const delta = connection.mutations[1];
      expect(delta.type).toBe('delta');
      const added =
        delta.type === 'delta'
          ? delta.added.map(e => stringifyEntityRef(e.entity))
          : [];
      expect(added.sort()).toEqual([
        'component:default/beta-worker',
        provider.statusEntityRef,
      ]);
      expect(delta.type === 'delta' && delta.removed).toEqual([]);
      expect(
        connection.entities.get('component:default/beta-worker')!.metadata
          .annotations!['service-registry.io/version'],
      ).toBe('0.4.0');
    });

    it('keeps the last good entities of a file that stops parsing, while other files update', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      await writeRegistry(dir, {
        'projects/alpha/services.toml': `${ALPHA}\n[service.alpha-broken\nname = "x"\n`,
        'projects/beta/services.toml': BETA.replace(
          'version = "0.3.0"',
          'version = "0.5.0"',
        ),
      });

      const result = await provider.refresh();

      expect(result.status.state).toBe('degraded');
      expect(result.status.summary).toMatch(
        /kept the last good version of projects\/alpha\/services.toml/,
      );
      const syntax = result.status.findings.find(
        f => f.code === 'toml/syntax',
      )!;
      expect(syntax).toMatchObject({
        file: 'projects/alpha/services.toml',
        line: 22,
      });
      expect(syntax.column).toBeGreaterThan(0);
      // the summary (the status Resource, the log) says where
      expect(result.status.summary).toContain(
        `kept the last good version of projects/alpha/services.toml (it does not parse at projects/alpha/services.toml:22:${syntax.column})`,
      );
      expect(connection.refs('component')).toContain(
        'component:default/alpha-api',
      );
      expect(connection.refs('component')).toContain(
        'component:default/alpha-web',
      );
      expect(
        connection.entities.get('component:default/beta-worker')!.metadata
          .annotations!['service-registry.io/version'],
      ).toBe('0.5.0');
      expect(
        connection.entities.get(provider.statusEntityRef)!.metadata
          .annotations![ANNOTATION_INGESTION_STATE],
      ).toBe('degraded');

      // A restarted backend (new provider instance, same database) still keeps them.
      const restarted = await connected();
      restarted.connection.entities.clear();
      const afterRestart = await restarted.provider.refresh();
      expect(afterRestart.status.state).toBe('degraded');
      expect(afterRestart.removed).toBe(0);
    });

    it('keeps the last good entities of a file that grew above the size limit, saying so, and publishes why', async () => {
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      const limited = createRegistrySource(dir, {
        reader: mockServices.urlReader.mock(),
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
        maxFileBytes: 4096,
      });
      const provider = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir, maxFileBytes: 4096 }),
        source: limited,
        store,
        logger: mockServices.logger.mock(),
        snapshots,
      });
      const connection = new RecordingConnection();
      await provider.connect(connection);
      await provider.refresh();
      await writeRegistry(dir, {
        'projects/beta/services.toml': `${BETA}\n${'# padding\n'.repeat(500)}`,
      });

      const result = await provider.refresh();

      expect(result.status.state).toBe('degraded');
      expect(result.status.summary).toContain(
        'kept the last good version of projects/beta/services.toml (it is above the size limit for a registry file)',
      );
      expect(result.status.summary).not.toMatch(/does not parse/);
      expect(connection.refs('component')).toContain(
        'component:default/beta-worker',
      );
      expect(
        snapshots
          .get()!
          .findings.find(f => f.file === 'projects/beta/services.toml'),
      ).toMatchObject({ code: 'toml/file-too-large', line: 1, column: 1 });
    });

    it('keeps the last good entities of a file saved in Latin-1, naming the byte’s line and column', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const before = connection.entities.get('component:default/beta-worker');
      // an editor saving in Windows-1252: "ó" becomes the single byte 0xF3
      const latin1 = BETA.replace(
        'version = "0.3.0"',
        'version = "0.5.0"\ndescription = "Gestión de colas"',
      );
      await fs.writeFile(
        path.join(dir, 'projects/beta/services.toml'),
        Buffer.from(latin1, 'latin1'),
      );

      const result = await provider.refresh();

      expect(result.status.state).toBe('degraded');
      const finding = result.status.findings.find(
        f => f.code === 'toml/syntax',
      )!;
      const line = latin1.split('\n').findIndex(l => l.includes('Gesti')) + 1;
      expect(finding).toMatchObject({
        file: 'projects/beta/services.toml',
        line,
        column: 'description = "Gesti'.length + 1,
        message: expect.stringContaining('is not UTF-8 text'),
      });
      // nothing mangled reaches the catalog: the last good entity stays as it was
      expect(connection.entities.get('component:default/beta-worker')).toEqual(
        before,
      );
    });

    it.each([
      [
        'a value of the wrong type',
        (text: string) => text.replace('port = 8080', 'port = "eighty"'),
        'schema/invalid-type',
        'port = "eighty"',
      ],
      [
        'an unknown status',
        (text: string) => text.replace('status = "ga"', 'status = "live"'),
        'schema/invalid-enum',
        'status = "live"',
      ],
      [
        'an invalid id (a rename)',
        (text: string) =>
          text.replace('[service.alpha-web]', '[service.Alpha_Web]'),
        'schema/invalid-id',
        '[service.Alpha_Web]',
      ],
      [
        'a misspelt [services.<id>] table',
        (text: string) => text.replace(/\[service\./g, '[services.'),
        'schema/unknown-table',
        '[services.alpha-api]',
      ],
    ])(
      'keeps the last good version of a file with %s, reporting the error, and takes the fixed one',
      async (_, edit, code, errorAt) => {
        const snapshots = new InMemoryServiceRegistrySnapshotService();
        const { provider, connection } = await connected(undefined, {
          snapshots,
          validate: registry => validateRegistry(registry),
        });
        await provider.refresh();
        const before = new Map(connection.entities);
        const alpha = path.join(dir, 'projects/alpha/services.toml');
        const broken = edit(ALPHA).replace(
          'version = "1.0.0"',
          'version = "1.1.0"',
        );
        await fs.writeFile(alpha, broken);
        // the other files still update
        await writeRegistry(dir, {
          'projects/beta/services.toml': BETA.replace('0.3.0', '0.4.0'),
        });

        const result = await provider.refresh();

        expect(result.status.state).toBe('degraded');
        const line =
          broken.split('\n').findIndex(text => text.includes(errorAt)) + 1;
        expect(result.status.summary).toContain(
          `kept the last good version of projects/alpha/services.toml (it has schema errors, the first at projects/alpha/services.toml:${line}:`,
        );
        expect(result.status.findings).toContainEqual(
          expect.objectContaining({
            severity: 'error',
            code,
            file: 'projects/alpha/services.toml',
            line,
          }),
        );
        // the service pages and the findings page show the new version's error
        expect(snapshots.get()!.findings).toContainEqual(
          expect.objectContaining({
            code,
            file: 'projects/alpha/services.toml',
            line,
          }),
        );
        for (const ref of [
          'component:default/alpha-api',
          'component:default/alpha-web',
        ]) {
          expect(connection.entities.get(ref)).toEqual(before.get(ref));
        }
        expect(connection.refs('component')).not.toContain(
          'component:default/Alpha_Web',
        );
        expect(
          connection.entities.get('component:default/beta-worker')!.metadata
            .annotations!['service-registry.io/version'],
        ).toBe('0.4.0');

        // once fixed, the file's changes are taken, the one held back with it
        await fs.writeFile(
          alpha,
          ALPHA.replace('version = "1.0.0"', 'version = "1.1.0"'),
        );
        const fixed = await provider.refresh();
        expect(fixed.status.state).toBe('ok');
        expect(
          connection.entities.get('component:default/alpha-web')!.metadata
            .annotations!['service-registry.io/version'],
        ).toBe('1.1.0');
      },
    );

    it('emits no project service for an override while the global catalog has never parsed', async () => {
      await writeRegistry(dir, {
        'services/catalog.toml': `${CATALOG}\noops = = 1\n`,
        'projects/beta/services.toml': `${BETA}\n[service.shared-auth]\nport = 9443\n`,
      });
      const { provider, connection } = await connected();

      const first = await provider.refresh();

      expect(first.status.state).toBe('degraded');
      expect(first.status.summary).toContain(
        'skipped services/catalog.toml (it does not parse at services/catalog.toml:15:8 and has no last good version)',
      );
      expect(first.status.findings).toContainEqual(
        expect.objectContaining({
          code: 'service/override-not-applied',
          file: 'projects/beta/services.toml',
          service: 'shared-auth',
        }),
      );
      expect(
        first.status.findings.filter(f => f.code === 'toml/syntax'),
      ).toHaveLength(1);
      expect(connection.refs('component')).not.toContain(
        'component:default/shared-auth',
      );

      // once the catalog parses, the global service comes with beta's override as its view
      await writeRegistry(dir, { 'services/catalog.toml': CATALOG });
      const fixed = await provider.refresh();
      expect(fixed.status.state).toBe('ok');
      const auth = connection.entities.get('component:default/shared-auth')!;
      expect(auth.spec!.owner).toBe('group:default/platform-team');
      expect(auth.spec!.system).toBe('shared');
    });

    it('emits no project service for an override of a global that only the unread version of a kept catalog declares', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const NEW_GLOBAL =
        '[service.shared-new]\ntype = "api"\nowner = "platform-team"\nversion = "1.0.0"\nstatus = "ga"\n';

      // the catalog declares a new global service but does not parse (its last good version is
      // kept); two projects override the new service in the same change
      await writeRegistry(dir, {
        'services/catalog.toml': `${CATALOG}\n${NEW_GLOBAL}\noops = = 1\n`,
        'projects/alpha/services.toml': `${ALPHA}\n[service.shared-new]\nport = 9000\n`,
        'projects/beta/services.toml': `${BETA}\n[service.shared-new]\nport = 9001\n`,
      });
      const kept = await provider.refresh();

      expect(kept.status.state).toBe('degraded');
      expect(connection.refs('component')).not.toContain(
        'component:default/shared-new',
      );
      const codes = kept.status.findings
        .filter(f => f.service === 'shared-new')
        .map(f => [f.code, f.file]);
      expect(codes).toEqual([
        ['service/override-not-applied', 'projects/alpha/services.toml'],
        ['service/override-not-applied', 'projects/beta/services.toml'],
      ]);

      // the same with a catalog kept for a new schema error
      await writeRegistry(dir, {
        'services/catalog.toml': `${CATALOG}\n${NEW_GLOBAL.replace(
          '"ga"',
          '"gaa"',
        )}`,
      });
      const invalid = await provider.refresh();
      expect(invalid.status.summary).toContain(
        'kept the last good version of services/catalog.toml (it has schema errors',
      );
      expect(connection.refs('component')).not.toContain(
        'component:default/shared-new',
      );
      expect(
        invalid.status.findings.find(
          f => f.code === 'service/override-not-applied',
        )!.message,
      ).toContain(
        'in the version of services/catalog.toml that was read; that version has errors',
      );

      // once the catalog is fixed, the global service comes with the projects' overrides
      await writeRegistry(dir, {
        'services/catalog.toml': `${CATALOG}\n${NEW_GLOBAL}`,
      });
      const fixed = await provider.refresh();
      expect(fixed.status.state).toBe('ok');
      const added = connection.entities.get('component:default/shared-new')!;
      expect(added.spec!.system).toBe('shared');
      expect(added.spec!.owner).toBe('group:default/platform-team');
    });

    it('loads a file with schema errors as it is when it has no last good version', async () => {
      await writeRegistry(dir, {
        'projects/alpha/services.toml': ALPHA.replace(
          'port = 8080',
          'port = "eighty"',
        ),
      });
      const { provider, connection } = await connected();

      const result = await provider.refresh();

      expect(result.status.state).toBe('ok');
      expect(result.status.findings).toContainEqual(
        expect.objectContaining({ code: 'schema/invalid-type' }),
      );
      const api = connection.entities.get('component:default/alpha-api')!;
      expect(api.metadata.annotations!['service-registry.io/version']).toBe(
        '2.0.0',
      );
      expect(api.metadata.annotations).not.toHaveProperty(
        'service-registry.io/port',
      );
    });

    it('counts the validation errors on the status Resource, in the summary and in the log, as the backend plugin does', async () => {
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      const logger = mockServices.logger.mock();
      const { provider, connection } = await connected(undefined, {
        logger,
        snapshots,
        validate: registry => validateRegistry(registry),
      });
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace(
          'status = "development"',
          'status = "development"\n[service.beta-worker.dependencies]\nrequires = ["ghost"]',
        ),
      });

      const result = await provider.refresh();

      const missing = result.status.findings.find(
        f => f.code === 'dependency/missing-required',
      );
      expect(missing).toMatchObject({
        severity: 'error',
        file: 'projects/beta/services.toml',
        service: 'beta-worker',
      });
      const errors = snapshots
        .get()!
        .findings.filter(f => f.severity === 'error').length;
      expect(errors).toBeGreaterThan(0);
      expect(
        result.status.findings.filter(f => f.severity === 'error'),
      ).toHaveLength(errors);
      // the catalog shows where to start: the first error's file, line and column
      const first = result.status.findings[0];
      expect(first).toMatchObject({ severity: 'error' });
      expect(result.status.summary).toContain(
        `${errors} errors in the registry, the first at ${first.file}:${first.line}:${first.column} (${first.code})`,
      );
      expect(
        connection.entities.get(provider.statusEntityRef)!.metadata
          .annotations!['service-registry.io/ingestion-summary'],
      ).toContain(`the first at ${first.file}:${first.line}:${first.column}`);
      expect(
        connection.entities.get(provider.statusEntityRef)!.metadata
          .annotations!['service-registry.io/ingestion-errors'],
      ).toBe(String(errors));
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          new RegExp(
            `projects/beta/services\\.toml:${missing!.line}:${
              missing!.column
            } error dependency/missing-required`,
          ),
        ),
      );
    });

    it('warns about an owner the catalog cannot take as written, at its key', async () => {
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace(
          'owner = "beta-team"',
          'owner = "Команда Бета"',
        ),
      });
      const { provider, connection } = await connected();

      const result = await provider.refresh();

      expect(result.status.findings).toContainEqual(
        expect.objectContaining({
          severity: 'warning',
          code: 'catalog/owner-unusable',
          file: 'projects/beta/services.toml',
          line: 4,
          project: 'beta',
        }),
      );
      expect(connection.entities.get('system:default/beta')!.spec!.owner).toBe(
        'group:default/unknown',
      );
    });

    it('applies later changes of a file whose schema error its last good version had already', async () => {
      const withError = ALPHA.replace('port = 8080', 'port = "eighty"');
      await writeRegistry(dir, { 'projects/alpha/services.toml': withError });
      const { provider, connection } = await connected();
      await provider.refresh();

      // the same error stays (its line moves), a version changes and a service is added
      await writeRegistry(dir, {
        'projects/alpha/services.toml': `# owned by the alpha team\n${withError.replace(
          'version = "2.0.0"',
          'version = "2.1.0"',
        )}\n[service.alpha-new]\nversion = "0.1.0"\n`,
      });
      const next = await provider.refresh();

      expect(next.status.state).toBe('ok');
      expect(next.status.summary).not.toContain('kept the last good version');
      expect(
        connection.entities.get('component:default/alpha-api')!.metadata
          .annotations!['service-registry.io/version'],
      ).toBe('2.1.0');
      expect(connection.refs()).toContain('component:default/alpha-new');

      // a new error in the same file keeps its last good version
      await writeRegistry(dir, {
        'projects/alpha/services.toml': `# owned by the alpha team\n${withError
          .replace('version = "2.0.0"', 'version = "2.2.0"')
          .replace(
            'status = "ga"',
            'status = "gaa"',
          )}\n[service.alpha-new]\nversion = "0.1.0"\n`,
      });
      const held = await provider.refresh();
      expect(held.status.state).toBe('degraded');
      expect(held.status.summary).toContain(
        'kept the last good version of projects/alpha/services.toml (it has schema errors, the first at projects/alpha/services.toml:',
      );
      expect(
        connection.entities.get('component:default/alpha-api')!.metadata
          .annotations!['service-registry.io/version'],
      ).toBe('2.1.0');
    });

    it('keeps a service moved into a file that does not parse in the same change', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const worker = connection.entities.get('component:default/beta-worker');
      const WORKER =
        '[service.beta-worker]\ntype = "worker"\nversion = "0.3.0"\nstatus = "development"\n';
      expect(BETA).toContain(WORKER);

      // moved from beta into alpha, which does not parse now (it has a last good version)
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace(WORKER, ''),
        'projects/alpha/services.toml': `${ALPHA}\n${WORKER}\n[oops\n`,
      });
      const result = await provider.refresh();

      expect(result.status.state).toBe('degraded');
      expect(result.removed).toBe(0);
      expect(result.status.summary).toMatch(
        /kept component:default\/beta-worker as ingested \(now declared at projects\/alpha\/services\.toml:\d+:1\)/,
      );
      expect(connection.entities.get('component:default/beta-worker')).toEqual(
        worker,
      );
      // a restarted backend holds it too, and its runs after the first have nothing to do
      const restarted = await connected();
      expect((await restarted.provider.refresh()).mutation).toBe('delta');
      expect((await restarted.provider.refresh()).mutation).toBe('none');

      // into a new project whose file does not parse (no last good version): kept as well
      await writeRegistry(dir, {
        'projects/alpha/services.toml': ALPHA,
        'projects/gamma/services.toml': `[project]\n${WORKER}\nport = = 1\n`,
      });
      const again = await provider.refresh();
      expect(again.status.summary).toContain(
        'kept component:default/beta-worker as ingested (now declared at projects/gamma/services.toml:2:1)',
      );
      expect(connection.entities.get('component:default/beta-worker')).toEqual(
        worker,
      );

      // once the file parses, the service is the new project's
      await writeRegistry(dir, {
        'projects/gamma/services.toml': `[project]\n${WORKER}`,
      });
      const fixed = await provider.refresh();
      expect(fixed.status.state).toBe('ok');
      expect(
        connection.entities.get('component:default/beta-worker')!.spec!.system,
      ).toBe('gamma');
    });

    it('tells the backend plugin which services the catalog holds back, which its registry lacks until their file is fixed', async () => {
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      const { provider } = await connected(undefined, { snapshots });
      await provider.refresh();
      const WORKER =
        '[service.beta-worker]\ntype = "worker"\nversion = "0.3.0"\nstatus = "development"\n';
      const alpha = `${ALPHA}\n${WORKER}\n[oops\n`;
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace(WORKER, ''),
        'projects/alpha/services.toml': alpha,
      });
      const result = await provider.refresh();
      expect(result.status.summary).toContain(
        'kept component:default/beta-worker as ingested',
      );
      const line = alpha.split('\n').indexOf('[service.beta-worker]') + 1;
      const expected = {
        severity: 'warning',
        code: 'catalog/held-back-service',
        file: 'projects/alpha/services.toml',
        line,
        column: 1,
        service: 'beta-worker',
      };
      const snapshot = snapshots.get('default')!;
      // the registry published has no such service: the finding says why the catalog has it
      expect(snapshot.registry.services.has('beta-worker')).toBe(false);
      expect(
        snapshot.findings.filter(f => f.code === 'catalog/held-back-service'),
      ).toEqual([expect.objectContaining(expected)]);
      expect(
        result.status.findings.filter(
          f => f.code === 'catalog/held-back-service',
        ),
      ).toEqual([expect.objectContaining(expected)]);

      // fixed: the service is in the registry again, and the finding is gone
      await writeRegistry(dir, {
        'projects/alpha/services.toml': `${ALPHA}\n${WORKER}`,
      });
      await provider.refresh();
      const fixed = snapshots.get('default')!;
      expect(fixed.registry.services.has('beta-worker')).toBe(true);
      expect(
        fixed.findings.filter(f => f.code === 'catalog/held-back-service'),
      ).toEqual([]);
    });

    it('keeps the System and owner Group of services held back by a renamed project folder whose file does not parse, until it parses', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const worker = connection.entities.get('component:default/beta-worker');
      expect(worker!.spec).toMatchObject({
        system: 'beta',
        owner: 'group:default/beta-team',
      });
      const system = connection.entities.get('system:default/beta');
      const group = connection.entities.get('group:default/beta-team');
      expect(system).toBeDefined();
      expect(group).toBeDefined();

      // projects/beta renamed to projects/billing in one change, its team renamed too; the new
      // file does not parse, and has no last good version (its path is new)
      const BILLING = BETA.replace(
        '[project-specific.beta]',
        '[project]',
      ).replace('owner = "beta-team"', 'owner = "billing-team"');
      await writeRegistry(dir, {
        'projects/beta/services.toml': undefined,
        'projects/billing/services.toml': `${BILLING}\nport = = 1\n`,
      });
      const held = await provider.refresh();

      expect(held.status.state).toBe('degraded');
      expect(held.removed).toBe(0);
      expect(connection.entities.get('component:default/beta-worker')).toEqual(
        worker,
      );
      // what the held-back service refers to stays as ingested: its System's page and its owner
      expect(connection.entities.get('system:default/beta')).toEqual(system);
      expect(connection.entities.get('group:default/beta-team')).toEqual(group);
      expect(danglingRefs(connection)).toEqual([]);
      expect(held.status.summary).toContain(
        'kept system:default/beta, group:default/beta-team as ingested',
      );

      // a restarted backend keeps them too
      const restarted = await connected();
      const again = await restarted.provider.refresh();
      expect(again.removed).toBe(0);
      expect(again.status.state).toBe('degraded');

      // once the file parses, the service is the new project's, and the old System and Group go
      await writeRegistry(dir, { 'projects/billing/services.toml': BILLING });
      const fixed = await provider.refresh();
      expect(fixed.status.state).toBe('ok');
      expect(
        connection.entities.get('component:default/beta-worker')!.spec,
      ).toMatchObject({
        system: 'billing',
        owner: 'group:default/billing-team',
      });
      expect(connection.refs('system')).toEqual([
        'system:default/alpha',
        'system:default/billing',
        'system:default/shared',
      ]);
      expect(connection.refs('group')).not.toContain('group:default/beta-team');
      expect(connection.refs('group')).toContain('group:default/billing-team');
      expect(danglingRefs(connection)).toEqual([]);
      expect((await provider.refresh()).mutation).toBe('none');
    });

    it('removes the System of a project deleted while a service is held back once the held-back file parses', async () => {
      await writeRegistry(dir, {
        'projects/gamma/services.toml':
          '[project]\nowner = "gamma-team"\n\n[service.gamma-api]\nversion = "1.0.0"\n',
      });
      const { provider, connection } = await connected();
      await provider.refresh();
      const WORKER =
        '[service.beta-worker]\ntype = "worker"\nversion = "0.3.0"\nstatus = "development"\n';

      // beta-worker moved into alpha, which does not parse; gamma deleted in the same change
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace(WORKER, ''),
        'projects/alpha/services.toml': `${ALPHA}\n${WORKER}\n[oops\n`,
        'projects/gamma/services.toml': undefined,
      });
      const held = await provider.refresh();
      expect(held.status.state).toBe('degraded');
      // its Component goes; its System and Group stay, as any while a service is held back
      expect(connection.refs()).not.toContain('component:default/gamma-api');
      expect(connection.refs()).toContain('system:default/gamma');
      expect(connection.refs()).toContain('group:default/gamma-team');
      expect(held.status.summary).toContain(
        'kept system:default/gamma, group:default/gamma-team as ingested',
      );
      expect(danglingRefs(connection)).toEqual([]);

      // alpha parses again: they go
      await writeRegistry(dir, {
        'projects/alpha/services.toml': `${ALPHA}\n${WORKER}`,
      });
      const fixed = await provider.refresh();
      expect(fixed.status.state).toBe('ok');
      expect(fixed.removed).toBe(2);
      expect(connection.refs()).not.toContain('system:default/gamma');
      expect(connection.refs()).not.toContain('group:default/gamma-team');
      expect(
        connection.entities.get('component:default/beta-worker')!.spec!.system,
      ).toBe('alpha');
      expect(danglingRefs(connection)).toEqual([]);
    });

    it('keeps the last good version of a file saved with .toml in another case', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const before = connection.refs();
      await fs.rm(path.join(dir, 'projects/beta/services.toml'));
      await writeRegistry(dir, {
        'projects/beta/services.TOML': BETA.replace('0.3.0', '0.4.0'),
      });

      const result = await provider.refresh();

      expect(result.status.state).toBe('degraded');
      expect(result.removed).toBe(0);
      expect(result.status.summary).toContain(
        'kept the last good version of projects/beta/services.toml (it is missing, and projects/beta/services.TOML is there instead: registry file names end in ".toml", in lower case)',
      );
      expect(connection.refs()).toEqual(before);
      expect(result.status.findings).toContainEqual(
        expect.objectContaining({
          code: 'registry/unknown-file',
          file: 'projects/beta/services.TOML',
        }),
      );

      // renamed back: applied as written
      await fs.rm(path.join(dir, 'projects/beta/services.TOML'));
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace('0.3.0', '0.4.0'),
      });
      const fixed = await provider.refresh();
      expect(fixed.status.state).toBe('ok');
      expect(
        connection.entities.get('component:default/beta-worker')!.metadata
          .annotations!['service-registry.io/version'],
      ).toBe('0.4.0');
    });

    it('keeps the last good version of a file emptied by mistake, until the file is deleted', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const before = connection.refs();

      // cut to its comments (a truncated write, a bad merge): its services stay
      await writeRegistry(dir, {
        'projects/alpha/services.toml': '# Alpha services\n\n',
      });
      const result = await provider.refresh();

      expect(result.status.state).toBe('degraded');
      expect(result.removed).toBe(0);
      expect(connection.refs()).toEqual(before);
      expect(result.status.summary).toContain(
        'kept the last good version of projects/alpha/services.toml (it holds no table or key; delete the file to remove its services)',
      );
      expect(result.status.findings).toContainEqual(
        expect.objectContaining({
          severity: 'warning',
          code: 'catalog/file-emptied',
          file: 'projects/alpha/services.toml',
          line: 1,
          column: 1,
        }),
      );

      // so is a file of 0 bytes, the global catalog too
      await writeRegistry(dir, { 'services/catalog.toml': '' });
      const empty = await provider.refresh();
      expect(empty.status.state).toBe('degraded');
      expect(connection.refs()).toEqual(before);

      // deleted: its services are removed, as the registry says
      await fs.rm(path.join(dir, 'projects/alpha/services.toml'));
      const deleted = await provider.refresh();
      expect(connection.refs()).not.toContain('component:default/alpha-api');
      expect(deleted.removed).toBeGreaterThan(0);
    });

    it('keeps a service whose table is misspelt, in a file taken as written', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const worker = connection.entities.get('component:default/beta-worker');
      const WORKER =
        '[service.beta-worker]\ntype = "worker"\nversion = "0.3.0"\nstatus = "development"\n';

      // moved from beta into a new project's file, with its table misspelt: the new file has no
      // last good version, so it is taken as written, and the loader ignores the table
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace(WORKER, ''),
        'projects/gamma/services.toml': `[project]\n\n${WORKER.replace(
          '[service.',
          '[services.',
        )}`,
      });
      const moved = await provider.refresh();

      expect(moved.status.state).toBe('degraded');
      expect(moved.removed).toBe(0);
      expect(moved.status.summary).toContain(
        'kept component:default/beta-worker as ingested (now declared at projects/gamma/services.toml:3:1)',
      );
      expect(connection.entities.get('component:default/beta-worker')).toEqual(
        worker,
      );

      // a second misspelt table in a file whose last good version had one already: the file is
      // taken as written (its other changes apply), the service stays
      await writeRegistry(dir, {
        'projects/gamma/services.toml': `[project]\n\n[services.legacy]\nport = 1\n\n${WORKER}`,
      });
      const fixed = await provider.refresh();
      expect(fixed.status.state).toBe('ok');
      expect(
        connection.entities.get('component:default/beta-worker')!.spec!.system,
      ).toBe('gamma');
      await writeRegistry(dir, {
        'projects/gamma/services.toml': `[project]\n\n[services.legacy]\nport = 1\n\n${WORKER.replace(
          '[service.',
          '[services.',
        )}[service.gamma-new]\nversion = "0.1.0"\n`,
      });
      const misspelt = await provider.refresh();
      expect(misspelt.status.state).toBe('degraded');
      expect(misspelt.removed).toBe(0);
      expect(connection.refs()).toContain('component:default/beta-worker');
      expect(connection.refs()).toContain('component:default/gamma-new');
    });

    it('applies a change at the next run when the catalog refused its mutation', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace('0.3.0', '0.4.0'),
      });
      connection.failing = 1;

      await expect(provider.refresh()).rejects.toThrow(
        'the catalog database is unavailable',
      );
      // the files did not change since: the run must not take them as applied
      const retried = await provider.refresh();

      expect(retried.mutation).toBe('delta');
      expect(
        connection.entities.get('component:default/beta-worker')!.metadata
          .annotations!['service-registry.io/version'],
      ).toBe('0.4.0');
    });

    it('refuses to remove more than the allowed share of entities', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const before = connection.refs();
      await writeRegistry(dir, {
        'projects/alpha/services.toml': undefined,
        'projects/beta/services.toml': undefined,
      });

      const result = await provider.refresh();

      expect(result.mutation).toBe('none');
      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toMatch(/would remove \d+ of \d+ entities/);
      expect(connection.refs()).toEqual(before);
      expect(
        connection.entities.get(provider.statusEntityRef)!.metadata
          .annotations![ANNOTATION_INGESTION_STATE],
      ).toBe('blocked');
    });

    it('refuses to remove more than the allowed share of the services, though their folders keep their Systems', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const before = connection.refs();
      // both project files left with their project only: 3 of 5 services, while the folders
      // still make Systems (a file emptied of everything keeps its last good version, see above)
      await writeRegistry(dir, {
        'projects/alpha/services.toml': '[project]\nname = "Alpha"\n',
        'projects/beta/services.toml': '# moved elsewhere\n[project]\n',
      });

      const result = await provider.refresh();

      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toContain(
        'the refresh would remove 3 of 5 services (60.0%, more than the allowed 50%)',
      );
      expect(connection.refs()).toEqual(before);
    });

    it('refuses a registry that turns empty', async () => {
      const { provider, connection } = await connected({ maxRemovalShare: 1 });
      await provider.refresh();
      const before = connection.refs();
      await fs.rm(path.join(dir, 'services'), { recursive: true });
      await fs.rm(path.join(dir, 'projects'), { recursive: true });

      const result = await provider.refresh();

      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toMatch(/holds no registry file/);
      expect(connection.refs()).toEqual(before);
    });

    it('applies nothing from a target that holds no registry file, from the first run', async () => {
      const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'not-a-registry-'));
      try {
        await writeRegistry(empty, {
          'README.md': '# the registry is elsewhere',
        });
        const { provider, connection } = await connected({ target: empty });

        const result = await provider.refresh();

        expect(result.mutation).toBe('none');
        expect(result.status.state).toBe('blocked');
        expect(result.status.summary).toBe(
          `the registry at file:${empty} holds no registry file (*.toml): check that the target names the registry's folder (for a repository, a folder URL such as https://github.com/<org>/<repo>/tree/<branch>/<folder>); nothing was applied`,
        );
        // the status Resource is all the catalog shows of it
        expect(connection.refs()).toEqual([provider.statusEntityRef]);
        expect(
          connection.entities.get(provider.statusEntityRef)!.metadata
            .annotations![ANNOTATION_INGESTION_STATE],
        ).toBe('blocked');
      } finally {
        await fs.rm(empty, { recursive: true, force: true });
      }
    });

    it('applies nothing from a target one folder above the registry, naming the folder, from the first run', async () => {
      // a repository root given where the registry is a folder of it: every *.toml file is read,
      // and none is a file of the layout
      const root = await fs.mkdtemp(path.join(os.tmpdir(), 'monorepo-'));
      try {
        await writeRegistry(root, {
          'pyproject.toml': '[tool.black]\nline-length = 100\n',
          'registry/services/catalog.toml': CATALOG,
          'registry/projects/alpha/services.toml': ALPHA,
        });
        const { provider, connection } = await connected({ target: root });

        const result = await provider.refresh();

        expect(result.mutation).toBe('none');
        expect(result.status.state).toBe('blocked');
        expect(result.status.summary).toBe(
          `the registry at file:${root} holds no file of the registry layout (services/catalog.toml, projects/<project>/services.toml, policies/<name>.toml), only 3 other *.toml files: check that the target names the registry's folder (registry/projects/alpha/services.toml is a registry file in the folder registry); nothing was applied`,
        );
        expect(connection.refs()).toEqual([provider.statusEntityRef]);
        expect(
          connection.entities.get(provider.statusEntityRef)!.metadata
            .annotations![ANNOTATION_INGESTION_STATE],
        ).toBe('blocked');
      } finally {
        await fs.rm(root, { recursive: true, force: true });
      }
    });

    it('refuses a registry whose files no longer declare any service, although its project folders remain', async () => {
      const { provider, connection } = await connected({ maxRemovalShare: 1 });
      await provider.refresh();
      const before = connection.refs();
      await fs.rm(path.join(dir, 'services'), { recursive: true });
      await writeRegistry(dir, {
        'projects/alpha/services.toml': '[project]\n',
        'projects/beta/services.toml': '[project]\n',
      });

      const result = await provider.refresh();

      expect(result.mutation).toBe('none');
      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toMatch(
        /^the registry now yields no services \(only \d+ entities from its project folders and owners\) where it had \d+ services; kept the last good state/,
      );
      expect(connection.refs()).toEqual(before);
    });

    it('blocks a run whose source never answers, keeping everything, and runs again', async () => {
      let hang = false;
      const hanging: RegistrySource = {
        rootLocation: 'url:https://git.example.com/registry',
        read: etag => (hang ? new Promise(() => {}) : source.read(etag)),
        fileLocation: file => source.fileLocation(file),
      };
      const provider = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir }),
        source: hanging,
        store,
        logger: mockServices.logger.mock(),
        readTimeoutMs: 1500,
      });
      const connection = new RecordingConnection();
      await provider.connect(connection);
      await provider.refresh();
      const before = connection.refs();
      hang = true;

      const result = await provider.refresh();

      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toBe(
        'the registry at url:https://git.example.com/registry could not be read (TimeoutError: no answer within 1500 ms); kept the last good state',
      );
      expect(connection.refs()).toEqual(before);
      hang = false;
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace('0.3.0', '0.4.0'),
      });
      expect((await provider.refresh()).status.state).toBe('ok');
      expect(
        connection.entities.get('component:default/beta-worker')!.metadata
          .annotations!['service-registry.io/version'],
      ).toBe('0.4.0');
    });

    it('applies nothing when the source cannot be read', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const before = connection.refs();
      await fs.rm(dir, { recursive: true });

      const result = await provider.refresh();

      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toMatch(/could not be read/);
      expect(connection.refs()).toEqual(before);
    });

    it('logs a registry that stays blocked for the same reason as an error once, then at debug level, and its recovery once', async () => {
      const logger = mockServices.logger.mock();
      let clock = Date.parse('2026-12-05T18:00:00Z');
      const { provider, connection } = await connected(undefined, {
        logger,
        now: () => new Date(clock),
      });
      await provider.refresh();
      jest.clearAllMocks();
      const blockedLines = () =>
        [
          ...logger.error.mock.calls,
          ...logger.warn.mock.calls,
          ...logger.info.mock.calls,
        ]
          .map(([message]) => String(message))
          .filter(message => message.includes('blocked'));
      const name = 'service-registry-provider:default';

      // blocked by the guard on three runs in a row, for the same reason
      await writeRegistry(dir, {
        'projects/alpha/services.toml': undefined,
        'projects/beta/services.toml': undefined,
      });
      const runs = [];
      for (let i = 0; i < 3; i++) {
        clock += 5 * 60_000;
        runs.push(await provider.refresh());
      }
      const reason = runs[0].status.summary;
      expect(reason).toMatch(/would remove \d+ of \d+ entities/);
      expect(logger.error.mock.calls).toEqual([
        [`${name}: refresh blocked: ${reason}`],
      ]);
      expect(blockedLines()).toEqual([`${name}: refresh blocked: ${reason}`]);
      // the later runs still name the reason, at debug level
      expect(
        logger.debug.mock.calls.filter(
          ([message]) =>
            message ===
            `${name}: refresh still blocked, for the same reason as the last run: ${reason}`,
        ),
      ).toHaveLength(2);
      // the status Resource shows every run as before
      for (const run of runs) {
        expect(run.status.state).toBe('blocked');
        expect(run.status.summary).toBe(reason);
      }
      expect(connection.mutations.slice(-3)).toHaveLength(3);
      expect(
        connection.entities.get(provider.statusEntityRef)!.metadata
          .annotations![ANNOTATION_INGESTION_STATE],
      ).toBe('blocked');

      // an hour after it was logged, a reminder at warn level
      clock += 60 * 60_000;
      await provider.refresh();
      expect(logger.error).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        `${name}: refresh still blocked, for the same reason as the last run (logged at warn level once per 1 hour while it stays so): ${reason}`,
      );
      clock += 5 * 60_000;
      await provider.refresh();
      expect(blockedLines()).toHaveLength(2);

      // another reason: an error again
      jest.clearAllMocks();
      await fs.rm(dir, { recursive: true });
      clock += 5 * 60_000;
      const unreadable = await provider.refresh();
      expect(unreadable.status.summary).toMatch(/could not be read/);
      expect(logger.error.mock.calls).toEqual([
        [`${name}: refresh blocked: ${unreadable.status.summary}`],
      ]);
      clock += 5 * 60_000;
      await provider.refresh();
      expect(logger.error).toHaveBeenCalledTimes(1);

      // recovered: said once, at info level
      jest.clearAllMocks();
      await fs.mkdir(dir);
      await writeRegistry(dir, {
        'services/catalog.toml': CATALOG,
        'projects/alpha/services.toml': ALPHA,
        'projects/beta/services.toml': BETA,
      });
      clock += 5 * 60_000;
      expect((await provider.refresh()).status.state).toBe('ok');
      clock += 5 * 60_000;
      await provider.refresh();
      expect(logger.error).not.toHaveBeenCalled();
      expect(blockedLines()).toEqual([
        `${name}: refresh no longer blocked (the last run was blocked: ${unreadable.status.summary})`,
      ]);
      expect(
        connection.entities.get(provider.statusEntityRef)!.metadata
          .annotations![ANNOTATION_INGESTION_STATE],
      ).toBe('ok');
    });

    it('keeps a project whose services file became a broken link, naming the link', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      const before = connection.refs();
      const file = path.join(dir, 'projects/beta/services.toml');
      await fs.rm(file);
      await fs.symlink('../../shared/beta.toml', file);

      const result = await provider.refresh();

      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toContain(
        'projects/beta/services.toml: it is a symbolic link to ../../shared/beta.toml, which does not exist',
      );
      expect(connection.refs()).toEqual(before);
      expect(before).toContain('component:default/beta-worker');
    });

    it('reports a project named like the shared System instead of sending the System twice', async () => {
      const { provider, connection } = await connected();
      await provider.refresh();
      await writeRegistry(dir, {
        'projects/shared/services.toml':
          '[project]\nname = "Shared tools"\nowner = "tools-team"\n\n[service.tools-api]\nversion = "1.0.0"\n',
      });

      const result = await provider.refresh();

      const delta = connection.mutations[1];
      const sent =
        delta.type === 'delta'
          ? delta.added.map(e => stringifyEntityRef(e.entity))
          : [];
      expect(sent.filter(r => r === 'system:default/shared')).toHaveLength(1);
      expect(
        connection.entities.get('system:default/shared')!.metadata.title,
      ).toBe('Shared tools');
      expect(result.status.findings[0]).toMatchObject({
        severity: 'error',
        code: 'catalog/duplicate-entity',
        file: 'projects/shared/services.toml',
        line: 1,
        column: 1,
        project: 'shared',
      });
      expect(result.status.summary).toMatch(/1 errors in the registry/);
    });

    it('leaves out a service the catalog would refuse, naming its table', async () => {
      const { provider, connection } = await connected();
      await writeRegistry(dir, {
        'services/catalog.toml': `${CATALOG}\n[service.-legacy]\nversion = "1.0.0"\n`,
      });

      const result = await provider.refresh();

      expect(connection.refs('component')).not.toContain(
        'component:default/-legacy',
      );
      expect(connection.refs('component')).toContain(
        'component:default/shared-auth',
      );
      expect(
        result.status.findings.find(f => f.code === 'catalog/invalid-entity'),
      ).toMatchObject({
        file: 'services/catalog.toml',
        line: CATALOG.split('\n').length + 1,
        service: '-legacy',
      });
    });

    it('lets transformers change and drop entities', async () => {
      const provider = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir, ownerGroups: false }),
        source,
        store,
        logger: mockServices.logger.mock(),
        transformers: [
          // undefined or null leave an entity out (null checked by the compiler too)
          (entity, { service }) =>
            service?.id === 'alpha-web' ? null : entity,
          (entity, { service }) =>
            service?.project === 'beta'
              ? undefined
              : {
                  ...entity,
                  metadata: {
                    ...entity.metadata,
                    labels: { registry: 'main' },
                  },
                },
        ],
      });
      const connection = new RecordingConnection();
      await provider.connect(connection);
      await provider.refresh();
      expect(connection.refs('component')).not.toContain(
        'component:default/beta-worker',
      );
      expect(connection.refs('component')).not.toContain(
        'component:default/alpha-web',
      );
      expect(connection.refs('group')).toEqual([]);
      expect(
        connection.entities.get('component:default/alpha-api')!.metadata.labels,
      ).toEqual({
        registry: 'main',
      });
    });

    it('emits no owner Group that a transformer left owning nothing', async () => {
      const { provider, connection } = await connected(undefined, {
        transformers: [
          // the org provider's team owns alpha's services, not the registry's alpha-team
          function ownedByOrgTeam(entity, { service, project }) {
            return (service?.project ?? project?.id) === 'alpha'
              ? {
                  ...entity,
                  spec: { ...entity.spec, owner: 'group:org/alpha' },
                }
              : entity;
          },
        ],
      });
      await provider.refresh();
      expect(
        connection.entities.get('component:default/alpha-api')!.spec!.owner,
      ).toBe('group:org/alpha');
      expect(connection.refs('group')).not.toContain(
        'group:default/alpha-team',
      );
      // the other owners' Groups stay
      expect(connection.refs('group')).toContain('group:default/beta-team');
    });

    it('hands transformers the registry records read-only (checked by the compiler)', async () => {
      const owners: Array<string | undefined> = [];
      // changes a transformer could write, never run: the compiler refuses them
      const changes: Array<() => void> = [];
      const { provider } = await connected(undefined, {
        transformers: [
          (entity, { service }) => {
            if (service) {
              owners.push(service.owner);
              changes.push(() => {
                // @ts-expect-error a transformer may not change the registry's record
                service.owner = 'someone-else';
              });
            }
            return entity;
          },
        ],
      });
      await provider.refresh();
      expect(owners).toContain('platform-team');
      expect(changes).toHaveLength(owners.length);
    });

    it('applies nothing when a transformer throws, naming the entity it failed on', async () => {
      let failing = false;
      const provider = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir }),
        source,
        store,
        logger: mockServices.logger.mock(),
        transformers: [
          entity => {
            if (failing && entity.metadata.name === 'beta-worker') {
              throw new Error('no cost centre for beta-worker');
            }
            return entity;
          },
        ],
      });
      const connection = new RecordingConnection();
      await provider.connect(connection);
      await provider.refresh();
      const before = connection.refs();
      failing = true;
      await writeRegistry(dir, {
        'services/catalog.toml': CATALOG.replace('"1.2.3"', '"1.3.0"'),
      });

      const result = await provider.refresh();

      expect(result.mutation).toBe('none');
      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toBe(
        'the entity transformer #1 failed on component:default/beta-worker: Error: no cost centre for beta-worker; kept the last good state',
      );
      expect(connection.refs()).toEqual(before);
      expect(
        connection.entities.get(provider.statusEntityRef)!.metadata
          .annotations![ANNOTATION_INGESTION_STATE],
      ).toBe('blocked');
    });

    it('applies nothing when its own processing throws (a defect), keeping everything and saying so on the status Resource', async () => {
      let failing = false;
      const logger = mockServices.logger.mock();
      const provider = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir }),
        source,
        store,
        logger,
        validate: registry => {
          // as a validation rule that overflows the stack on some input would
          if (failing) throw new RangeError('Maximum call stack size exceeded');
          return registry.findings;
        },
      });
      const connection = new RecordingConnection();
      await provider.connect(connection);
      await provider.refresh();
      const before = new Map(connection.entities);
      failing = true;
      await writeRegistry(dir, {
        'services/catalog.toml': CATALOG.replace('"1.2.3"', '"1.3.0"'),
      });

      const result = await provider.refresh();

      expect(result.mutation).toBe('none');
      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toBe(
        'the registry could not be validated (RangeError: Maximum call stack size exceeded): a defect of the service registry provider, not of the registry; report it with this message; kept the last good state',
      );
      const status = connection.entities.get(provider.statusEntityRef)!;
      expect(status.metadata.annotations![ANNOTATION_INGESTION_STATE]).toBe(
        'blocked',
      );
      connection.entities.delete(provider.statusEntityRef);
      before.delete(provider.statusEntityRef);
      expect(connection.entities).toEqual(before);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('could not be validated (RangeError'),
      );

      // once the defect is gone, the next run applies the change
      failing = false;
      const next = await provider.refresh();
      expect(next.status.state).toBe('ok');
      expect(next.mutation).not.toBe('none');
    });

    it('applies a full mutation on its first run and once per interval, bringing back an entity the catalog lost', async () => {
      let now = Date.parse('2026-12-01T10:00:00Z');
      const { provider, connection } = await connected(
        {},
        { now: () => new Date(now), fullMutationIntervalMs: 60_000 },
      );
      expect((await provider.refresh()).mutation).toBe('full');
      // deleted in the catalog by a person ("Delete entity"), still in the registry
      connection.entities.delete('component:default/alpha-api');

      now += 30_000;
      expect((await provider.refresh()).mutation).toBe('none');
      expect(connection.entities.has('component:default/alpha-api')).toBe(
        false,
      );

      now += 30_000;
      const result = await provider.refresh();
      expect(result).toMatchObject({
        mutation: 'full',
        upserted: 0,
        removed: 0,
      });
      expect(connection.entities.has('component:default/alpha-api')).toBe(true);
      // and not again before the next interval
      now += 1_000;
      expect((await provider.refresh()).mutation).toBe('none');
    });

    it('applies the registry it reads when another instance applied another version since (a revert)', async () => {
      // two backends share the store and the catalog; the scheduler runs the task on either
      const connection = new RecordingConnection();
      const instance = async () => {
        const provider = new ServiceRegistryEntityProvider({
          config: providerConfig({ target: dir }),
          source: createRegistrySource(dir, {
            reader: mockServices.urlReader.mock(),
            integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
          }),
          store,
          logger: mockServices.logger.mock(),
        });
        await provider.connect(connection);
        return provider;
      };
      const first = await instance();
      const second = await instance();
      const version = () =>
        connection.entities.get('component:default/alpha-api')!.metadata
          .annotations![ANNOTATION_VERSION];

      await second.refresh();
      expect(version()).toBe('2.0.0');
      await writeRegistry(dir, {
        'projects/alpha/services.toml': ALPHA.replace('"2.0.0"', '"2.1.0"'),
      });
      await first.refresh();
      expect(version()).toBe('2.1.0');

      // reverted: the second instance read these very files before
      await writeRegistry(dir, { 'projects/alpha/services.toml': ALPHA });
      const result = await second.refresh();

      expect(result.mutation).toBe('delta');
      expect(version()).toBe('2.0.0');
    });

    it('blocks a run whose transformer does not answer within the time limit, and the next run goes on', async () => {
      let hang = false;
      const { provider, connection } = await connected(undefined, {
        readTimeoutMs: 2000,
        transformers: [
          async function lookUpCostCentre(entity) {
            if (hang && entity.metadata.name === 'beta-worker') {
              return new Promise<never>(() => {});
            }
            return entity;
          },
        ],
      });
      await provider.refresh();
      const before = connection.refs();
      hang = true;
      await writeRegistry(dir, {
        'services/catalog.toml': CATALOG.replace('"1.2.3"', '"1.3.0"'),
      });

      const blocked = await provider.refresh();

      expect(blocked.status.state).toBe('blocked');
      expect(blocked.status.summary).toBe(
        'the entity transformer "lookUpCostCentre" was still running on component:default/beta-worker when the run\'s time limit was over (2 s, the schedule\'s timeout); kept the last good state',
      );
      expect(connection.refs()).toEqual(before);

      hang = false;
      const next = await provider.refresh();
      expect(next.status.state).toBe('ok');
      expect(next.mutation).toBe('delta');
      expect(next.upserted).toBeGreaterThan(0);
    });

    it("counts the read in the run's time limit that the transformers share", async () => {
      const sleep = (ms: number) =>
        new Promise(resolve => setTimeout(resolve, ms));
      // the read takes 3 s of the run's 6 s; the transformer 4 s more (either alone fits, with room
      // for a busy machine)
      const slowSource: RegistrySource = {
        rootLocation: source.rootLocation,
        fileLocation: file => source.fileLocation(file),
        read: async etag => {
          await sleep(3000);
          return source.read(etag);
        },
      };
      const provider = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir }),
        source: slowSource,
        store,
        logger: mockServices.logger.mock(),
        readTimeoutMs: 6000,
        transformers: [
          async function lookUpCostCentre(entity) {
            if (entity.metadata.name === 'beta-worker') await sleep(4000);
            return entity;
          },
        ],
      });
      await provider.connect(new RecordingConnection());

      const result = await provider.refresh();

      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toMatch(
        /^the entity transformer "lookUpCostCentre" was still running on component:default\/beta-worker when the run's time limit was over \(6 s, the schedule's timeout\)/,
      );
    });

    it('blocks a run whose transformer returns an entity the catalog would refuse, before any run was applied', async () => {
      const { provider, connection } = await connected(undefined, {
        transformers: [
          function asApi(entity) {
            return entity.metadata.name === 'beta-worker'
              ? { ...entity, kind: 'API' }
              : entity;
          },
        ],
      });

      const result = await provider.refresh();

      expect(result.status.state).toBe('blocked');
      expect(result.status.summary).toMatch(
        /^the entity transformer "asApi" returned for component:default\/beta-worker an entity the catalog would refuse \(.*definition.*\); nothing is ingested until it is fixed \(no earlier run was applied\)$/,
      );
      expect(connection.refs()).toEqual([provider.statusEntityRef]);
    });

    it('publishes the last good registry, and another instance rebuilds it from the database', async () => {
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      const provider = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir }),
        source,
        store,
        logger: mockServices.logger.mock(),
        snapshots,
      });
      await provider.connect(new RecordingConnection());
      await provider.refresh();
      expect([...snapshots.get()!.registry.services.keys()].sort()).toEqual([
        'alpha-api',
        'alpha-web',
        'beta-legacy',
        'beta-worker',
        'shared-auth',
        'shared-db',
      ]);

      // A broken file: the snapshot keeps its last good version and carries the syntax error.
      await writeRegistry(dir, {
        'projects/alpha/services.toml': `${ALPHA}
[oops
`,
      });
      await provider.refresh();
      const degraded = snapshots.get()!;
      expect(degraded.state).toBe('degraded');
      expect(degraded.registry.services.has('alpha-api')).toBe(true);
      expect(
        degraded.findings.find(f => f.code === 'toml/syntax'),
      ).toMatchObject({
        file: 'projects/alpha/services.toml',
        line: 22,
      });

      const otherInstance = new InMemoryServiceRegistrySnapshotService();
      const other = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir }),
        source,
        store,
        logger: mockServices.logger.mock(),
        snapshots: otherInstance,
      });
      const synced = await other.syncSnapshot();
      expect(synced?.updatedAt).toBe(degraded.updatedAt);
      expect([...otherInstance.get()!.registry.services.keys()]).toContain(
        'alpha-web',
      );
      expect(
        otherInstance.get()!.findings.some(f => f.code === 'toml/syntax'),
      ).toBe(true);
    });

    it('keeps an ingested service when a new project declares the same id, reporting the new declaration', async () => {
      const ZZZ =
        '[project]\nname = "Zzz"\n\n[service.orders]\nowner = "team-z"\nversion = "1.0.0"\nport = 8080\n';
      const AAA =
        '[project]\nname = "Aaa"\n\n[service.orders]\nversion = "0.0.1"\nowner = "team-a"\n\n[service.aaa-api]\nowner = "team-a"\nversion = "1.0.0"\n';
      await writeRegistry(dir, { 'projects/zzz/services.toml': ZZZ });
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      const { provider, connection } = await connected(undefined, {
        snapshots,
      });
      await provider.refresh();
      const ingested = connection.entities.get('component:default/orders')!;
      expect(ingested.spec).toMatchObject({
        system: 'zzz',
        owner: 'group:default/team-z',
      });

      // aaa comes first in path order, and another file changes in the same run
      await writeRegistry(dir, {
        'projects/aaa/services.toml': AAA,
        'projects/beta/services.toml': BETA.replace(
          'version = "0.3.0"',
          'version = "0.4.0"',
        ),
      });
      const result = await provider.refresh();

      expect(result.mutation).toBe('delta');
      const delta = connection.mutations[1];
      expect(
        delta.type === 'delta' &&
          delta.added.map(e => stringifyEntityRef(e.entity)).sort(),
      ).toEqual([
        'component:default/aaa-api',
        'component:default/beta-worker',
        'group:default/team-a',
        provider.statusEntityRef,
        'system:default/aaa',
      ]);
      expect(connection.entities.get('component:default/orders')).toEqual(
        ingested,
      );
      const duplicate = {
        severity: 'error',
        code: 'service/duplicate-id',
        file: 'projects/aaa/services.toml',
        line: 4,
        column: 1,
        service: 'orders',
        project: 'aaa',
        message: expect.stringContaining(
          'already declared by project "zzz" at projects/zzz/services.toml:4',
        ),
      };
      expect(
        result.status.findings.filter(f => f.code === 'service/duplicate-id'),
      ).toEqual([duplicate]);
      expect(result.status.state).toBe('ok');
      // the findings page (the published snapshot) says the same
      expect(snapshots.get()!.registry.services.get('orders')!.project).toBe(
        'zzz',
      );
      expect(
        snapshots
          .get()!
          .findings.filter(f => f.code === 'service/duplicate-id'),
      ).toEqual([duplicate]);

      // later runs keep it while both declare it, also in a restarted backend
      await writeRegistry(dir, {
        'projects/beta/services.toml': BETA.replace(
          'version = "0.3.0"',
          'version = "0.5.0"',
        ),
      });
      const restarted = await connected();
      const again = await restarted.provider.refresh();
      // the first run of an instance is a full mutation; one entity of it changed
      expect(again.mutation).toBe('full');
      expect(again.upserted).toBe(1);
      expect(
        again.status.findings.filter(f => f.code === 'service/duplicate-id'),
      ).toEqual([duplicate]);
      expect(
        restarted.connection.entities.get('component:default/beta-worker')!
          .metadata.annotations![ANNOTATION_VERSION],
      ).toBe('0.5.0');
      expect(
        restarted.connection.entities.get('component:default/orders')!.spec!
          .system,
      ).toBe('zzz');

      // another instance rebuilds the same registry from the database
      const otherInstance = new InMemoryServiceRegistrySnapshotService();
      const other = new ServiceRegistryEntityProvider({
        config: providerConfig({ target: dir }),
        source,
        store,
        logger: mockServices.logger.mock(),
        snapshots: otherInstance,
      });
      const synced = (await other.syncSnapshot())!;
      expect(synced.registry.services.get('orders')!.project).toBe('zzz');
      expect(
        synced.findings.filter(f => f.code === 'service/duplicate-id'),
      ).toEqual([duplicate]);
      expect(synced.files!.map(f => f.path)).toEqual([
        'projects/aaa/services.toml',
        'projects/alpha/services.toml',
        'projects/beta/services.toml',
        'projects/zzz/services.toml',
        'services/catalog.toml',
      ]);

      // once zzz lets it go, aaa's declaration is taken
      await writeRegistry(dir, {
        'projects/zzz/services.toml': '[project]\nname = "Zzz"\n',
      });
      const moved = await restarted.provider.refresh();
      expect(
        moved.status.findings.filter(f => f.code === 'service/duplicate-id'),
      ).toEqual([]);
      expect(
        restarted.connection.entities.get('component:default/orders')!.spec,
      ).toMatchObject({ system: 'aaa', owner: 'group:default/team-a' });
    });

    it('leaves to the first registry an entity two registries declare, and takes it over when that one lets it go', async () => {
      const otherDir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'registry-lab-'),
      );
      try {
        await writeRegistry(otherDir, {
          'services/catalog.toml':
            '[service.lab-api]\nowner = "platform-team"\nversion = "0.1.0"\n\n[service.shared-auth]\nowner = "platform-team"\nversion = "9.0.0"\n',
        });
        const main = await connected({ id: 'main' });
        const { provider: lab, connection: labConnection } = await connected({
          id: 'lab',
          target: otherDir,
        });

        await main.provider.refresh();
        const clash = await lab.refresh();

        expect(labConnection.refs('component')).toEqual([
          'component:default/lab-api',
        ]);
        // the owner group both use is emitted once, by the registry that had it first
        expect(labConnection.refs('group')).toEqual([]);
        expect(clash.status.findings[0]).toMatchObject({
          severity: 'error',
          code: 'catalog/claimed-by-other-registry',
          file: 'services/catalog.toml',
          line: 5,
          column: 1,
          service: 'shared-auth',
          message: expect.stringContaining('"main"'),
        });

        // main drops the service: lab takes it over at its next run, without a change of its own
        await writeRegistry(dir, {
          'services/catalog.toml': CATALOG.replace(
            /\[service\.shared-auth\][^[]*/,
            '',
          ),
          'projects/alpha/services.toml': ALPHA.replace(
            '"shared-auth@^1.0", ',
            '',
          ),
        });
        expect((await main.provider.refresh()).status.state).toBe('ok');
        expect(main.connection.refs('component')).not.toContain(
          'component:default/shared-auth',
        );
        const resolved = await lab.refresh();
        expect(labConnection.refs('component')).toEqual([
          'component:default/lab-api',
          'component:default/shared-auth',
        ]);
        expect(resolved.status.findings).toEqual([]);
        expect((await lab.refresh()).mutation).toBe('none');
      } finally {
        await fs.rm(otherDir, { recursive: true, force: true });
      }
    });

    it('keeps several registries side by side, each with its own state', async () => {
      const otherDir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'registry-lab-'),
      );
      try {
        await writeRegistry(otherDir, {
          'projects/lab/services.toml':
            '[project]\nowner = "lab-team"\n\n[service.lab-api]\nversion = "0.1.0"\n',
        });
        const main = await connected({ id: 'main' });
        const { provider: lab, connection: labConnection } = await connected({
          id: 'lab',
          target: otherDir,
        });

        expect(lab.getProviderName()).toBe('service-registry-provider:lab');
        await main.provider.refresh();
        await lab.refresh();
        expect(labConnection.refs('component')).toEqual([
          'component:default/lab-api',
        ]);
        expect(main.connection.refs('component')).toHaveLength(5);

        // emptying one registry is refused for it alone
        await fs.rm(path.join(otherDir, 'projects'), { recursive: true });
        expect((await lab.refresh()).status.state).toBe('blocked');
        await writeRegistry(dir, {
          'projects/beta/services.toml': BETA.replace(
            'version = "0.3.0"',
            'version = "0.9.0"',
          ),
        });
        expect((await main.provider.refresh()).status.state).toBe('ok');
        expect(labConnection.refs('component')).toEqual([
          'component:default/lab-api',
        ]);
      } finally {
        await fs.rm(otherDir, { recursive: true, force: true });
      }
    });
  },
);
