import fs from 'node:fs/promises';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Knex } from 'knex';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  BackendFeature,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  createTestDatabases,
  eventually,
} from '@service-registry/test-support';
import { ServiceRegistryEntityProvider } from './providers/ServiceRegistryEntityProvider';
import catalogModuleServiceRegistryEntityProvider, {
  serviceRegistryEntityProviderExtensionPoint,
} from '.';
import { catalogEntity } from './__testUtils__/catalogEntity';

const databases = createTestDatabases();
jest.setTimeout(180_000);

/** A registry of `projects` projects with `perProject` services each, plus two globals. */
function registryFiles(
  projects: number,
  perProject: number,
): Record<string, string> {
  const files: Record<string, string> = {
    'services/catalog.toml': [
      '[service.shared-auth]',
      'type = "microservice"',
      'owner = "@platform-team"',
      'version = "1.2.3"',
      'status = "ga"',
      '',
      '[service.shared-db]',
      'type = "database"',
      'owner = "platform-team"',
      'version = "14.0.0"',
      '',
    ].join('\n'),
  };
  for (let p = 0; p < projects; p++) {
    const lines = [
      '[project]',
      `name = "Project ${p}"`,
      `owner = "team-${p}"`,
      '',
    ];
    for (let s = 0; s < perProject; s++) {
      lines.push(
        `[service.p${p}-svc-${s}]`,
        'type = "microservice"',
        'version = "1.0.0"',
        'status = "ga"',
        `[service.p${p}-svc-${s}.dependencies]`,
        `requires = ["shared-auth@^1.0"${
          s > 0 ? `, "p${p}-svc-${s - 1}"` : ''
        }]`,
        '',
      );
    }
    files[`projects/p${p}/services.toml`] = lines.join('\n');
  }
  return files;
}

/**
 * Changes the registry in one step (synchronously: the provider runs in this process, so none of
 * its runs sees some of the changes and not the others, as it could between awaited writes; a
 * run of three deletions seen one at a time would be three small removals, each under the guard).
 */
async function writeFiles(
  dir: string,
  files: Record<string, string | undefined>,
) {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (text === undefined) {
      rmSync(full, { force: true });
    } else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
}

/** Another source of Groups in the catalog, as an org provider (LDAP, GitHub teams) is. */
class OrgProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private onConnect?: () => void;
  private readonly connected = new Promise<void>(resolve => {
    this.onConnect = resolve;
  });

  getProviderName() {
    return 'org-provider';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
    this.onConnect?.();
  }

  /** Makes the catalog hold exactly these groups from this source. */
  async define(names: string[]) {
    await this.connected;
    await this.connection!.applyMutation({
      type: 'full',
      entities: names.map(name => ({
        locationKey: 'org:test',
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: {
            name,
            annotations: {
              'backstage.io/managed-by-location': 'org:test',
              'backstage.io/managed-by-origin-location': 'org:test',
            },
          },
          spec: { type: 'team', children: [] },
        },
      })),
    });
  }
}

/** The backends of the running test, stopped after it (see `startPortalBackend`). */
const running = new Set<Backend>();
afterEach(async () => {
  await Promise.all([...running].map(backend => backend.stop()));
});

/**
 * A backend with the catalog and this module on `knex`, ingesting the registry in `dir`; with
 * `org`, the catalog also holds that provider's groups; with `id`, the registry is configured
 * under that key (`catalog.providers.serviceRegistry.<id>`) instead of as the single one; with
 * `modules`, those backend modules too (an adopter's transformers); `frequency` is the registry's
 * schedule (every 2 s unless given).
 */
async function startPortalBackend(
  knex: Knex,
  dir: string,
  org?: OrgProvider,
  id?: string,
  modules: BackendFeature[] = [],
  frequency: Partial<Record<'seconds' | 'hours', number>> = {
    seconds: 2,
  },
) {
  const backend = await startBackend(knex, dir, org, id, modules, frequency);
  // stopped after its test even when the test fails before stopping it: a backend left running
  // keeps ingesting on its schedule and would be counted by the next test's runs
  const stop = backend.stop.bind(backend);
  backend.stop = async () => {
    running.delete(backend);
    await stop();
  };
  running.add(backend);
  return backend;
}

function startBackend(
  knex: Knex,
  dir: string,
  org: OrgProvider | undefined,
  id: string | undefined,
  modules: BackendFeature[],
  frequency: Partial<Record<'seconds' | 'hours', number>>,
) {
  const registry = {
    target: dir,
    schedule: {
      frequency,
      timeout: { seconds: 60 },
      initialDelay: { seconds: 0 },
    },
  };
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleServiceRegistryEntityProvider,
      ...(org
        ? [
            createBackendModule({
              pluginId: 'catalog',
              moduleId: 'test-org-provider',
              register(env) {
                env.registerInit({
                  deps: { catalog: catalogProcessingExtensionPoint },
                  async init({ catalog }) {
                    catalog.addEntityProvider(org);
                  },
                });
              },
            }),
          ]
        : []),
      ...modules,
      schedulerServiceFactory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [
              {
                allow: ['Component', 'System', 'Group', 'Resource', 'Location'],
              },
            ],
            providers: {
              serviceRegistry: id ? { [id]: registry } : registry,
            },
          },
        },
      }),
    ],
  });
}

type Backend = Awaited<ReturnType<typeof startBackend>>;

async function componentRefs(backend: Backend): Promise<string[]> {
  const res = await request(backend.server)
    .get('/api/catalog/entities/by-query')
    .query({ filter: 'kind=component', fields: 'metadata.name', limit: 1000 })
    .set('Authorization', mockCredentials.user.header());
  if (res.status !== 200) return [];
  return res.body.items
    .map((e: any) => `component:default/${e.metadata.name}`)
    .sort();
}

/** Any here: the tests read fields of each kind's spec. */
async function entity(backend: Backend, ref: string): Promise<any> {
  return catalogEntity(backend, ref);
}

/** Unprocessed hash of every entity row, as the catalog stores what providers write. */
async function providerRows(knex: Knex): Promise<Map<string, string>> {
  const rows = await knex('refresh_state').select(
    'entity_ref',
    'unprocessed_hash',
  );
  return new Map(rows.map(r => [r.entity_ref, r.unprocessed_hash]));
}

describe.each(databases.eachSupportedId())(
  'the registry in a real catalog on %p',
  databaseId => {
    let dir: string;

    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-it-'));
    });
    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('ingests, updates only what changed, and never loses entities on bad input', async () => {
      const files = registryFiles(4, 5);
      await writeFiles(dir, files);
      const knex = await databases.init(databaseId);
      const backend = await startPortalBackend(knex, dir);

      // Ingest: 2 globals + 4 x 5 project services
      const all = await eventually(
        () => componentRefs(backend),
        refs => refs.length === 22,
      );
      expect(all).toContain('component:default/p3-svc-4');
      const api = await entity(backend, 'component:default/p0-svc-1');
      expect(api.spec.dependsOn).toEqual([
        'component:default/p0-svc-0',
        'component:default/shared-auth',
      ]);
      expect(await entity(backend, 'system:default/p2')).toBeDefined();
      expect(await entity(backend, 'group:default/team-1')).toBeDefined();

      // Change one line of one file: only that service's row is rewritten (+ the status resource)
      const before = await providerRows(knex);
      await writeFiles(dir, {
        'projects/p1/services.toml': files['projects/p1/services.toml'].replace(
          '[service.p1-svc-2]\ntype = "microservice"\nversion = "1.0.0"',
          '[service.p1-svc-2]\ntype = "microservice"\nversion = "1.1.0"',
        ),
      });
      await eventually(
        () => entity(backend, 'component:default/p1-svc-2'),
        e => e?.metadata.annotations['service-registry.io/version'] === '1.1.0',
      );
      const after = await providerRows(knex);
      const changed = [...after]
        .filter(([ref, hash]) => before.get(ref) !== hash)
        .map(([r]) => r);
      expect(changed.sort()).toEqual([
        'component:default/p1-svc-2',
        'resource:default/service-registry-default',
      ]);
      expect(after.size).toBe(before.size);

      // Break one file: its entities stay, the others still update
      await writeFiles(dir, {
        'projects/p2/services.toml': `${files['projects/p2/services.toml']}\n[service.broken\n`,
        'projects/p3/services.toml': files['projects/p3/services.toml'].replace(
          '[service.p3-svc-0]\ntype = "microservice"\nversion = "1.0.0"',
          '[service.p3-svc-0]\ntype = "microservice"\nversion = "2.0.0"',
        ),
      });
      await eventually(
        () => entity(backend, 'component:default/p3-svc-0'),
        e => e?.metadata.annotations['service-registry.io/version'] === '2.0.0',
      );
      const status = await eventually(
        () => entity(backend, 'resource:default/service-registry-default'),
        e =>
          e?.metadata.annotations['service-registry.io/ingestion-state'] ===
          'degraded',
      );
      expect(
        status.metadata.annotations['service-registry.io/ingestion-summary'],
      ).toMatch(/projects\/p2\/services.toml/);
      expect(await componentRefs(backend)).toEqual(all);

      // Mistype a table of another file (a schema error, not a syntax error): its last good
      // version stays too, where taking it would remove the service the table declared
      await writeFiles(dir, {
        'projects/p2/services.toml': files['projects/p2/services.toml'],
        'projects/p0/services.toml': files['projects/p0/services.toml'].replace(
          '[service.p0-svc-3]',
          '[services.p0-svc-3]',
        ),
      });
      const held = await eventually(
        () => entity(backend, 'resource:default/service-registry-default'),
        e =>
          /kept the last good version of projects\/p0\/services.toml \(it has schema errors/.test(
            e?.metadata.annotations['service-registry.io/ingestion-summary'] ??
              '',
          ),
      );
      expect(
        held.metadata.annotations['service-registry.io/ingestion-state'],
      ).toBe('degraded');
      expect(await componentRefs(backend)).toEqual(all);

      // Delete half of the registry: the guard holds and nothing is removed
      await writeFiles(dir, {
        'projects/p0/services.toml': undefined,
        'projects/p1/services.toml': undefined,
        'projects/p3/services.toml': undefined,
      });
      await eventually(
        () => entity(backend, 'resource:default/service-registry-default'),
        e =>
          e?.metadata.annotations['service-registry.io/ingestion-state'] ===
          'blocked',
      );
      expect(await componentRefs(backend)).toEqual(all);

      await backend.stop();
    });

    it('keeps an ingested service when a new project declares its id, applying the rest of the change', async () => {
      const files: Record<string, string> = {
        ...registryFiles(2, 2),
        'projects/zzz/services.toml': [
          '[project]',
          'name = "Zzz"',
          '',
          '[service.orders]',
          'owner = "team-z"',
          'version = "1.0.0"',
          'port = 8080',
          '',
        ].join('\n'),
      };
      await writeFiles(dir, files);
      const knex = await databases.init(databaseId);
      const backend = await startPortalBackend(knex, dir);
      const ingested = await eventually(
        () => entity(backend, 'component:default/orders'),
        e => e?.spec.owner === 'group:default/team-z',
      );
      expect(ingested.spec.system).toBe('zzz');
      const before = await providerRows(knex);

      // a new project, first in path order, declares "orders" too; another file changes as well
      await writeFiles(dir, {
        'projects/aaa/services.toml': [
          '[project]',
          'name = "Aaa"',
          '',
          '[service.orders]',
          'version = "0.0.1"',
          'owner = "team-a"',
          '',
          '[service.aaa-api]',
          'owner = "team-a"',
          'version = "1.0.0"',
          '',
        ].join('\n'),
        'projects/p1/services.toml': files['projects/p1/services.toml'].replace(
          '[service.p1-svc-1]\ntype = "microservice"\nversion = "1.0.0"',
          '[service.p1-svc-1]\ntype = "microservice"\nversion = "1.1.0"',
        ),
      });
      await eventually(
        () => entity(backend, 'component:default/p1-svc-1'),
        e => e?.metadata.annotations['service-registry.io/version'] === '1.1.0',
      );
      await eventually(
        () => entity(backend, 'component:default/aaa-api'),
        e => e !== undefined,
      );
      const status = await eventually(
        () => entity(backend, 'resource:default/service-registry-default'),
        e =>
          e?.metadata.annotations['service-registry.io/ingestion-errors'] ===
          '1',
      );
      expect(
        status.metadata.annotations['service-registry.io/ingestion-state'],
      ).toBe('ok');
      // the provider did not write it again, and the catalog still has zzz's
      const after = await providerRows(knex);
      expect(after.get('component:default/orders')).toBe(
        before.get('component:default/orders'),
      );
      const kept = await entity(backend, 'component:default/orders');
      expect(kept.spec.owner).toBe('group:default/team-z');
      expect(kept.spec.system).toBe('zzz');
      expect(kept.metadata.annotations['service-registry.io/port']).toBe(
        '8080',
      );

      await backend.stop();
    });

    it('keeps the System and owner Group of services held back by a renamed project folder whose file does not parse, until it parses', async () => {
      const files = registryFiles(2, 2);
      await writeFiles(dir, files);
      const knex = await databases.init(databaseId);
      const backend = await startPortalBackend(knex, dir);
      await eventually(
        () => componentRefs(backend),
        refs => refs.length === 6,
      );
      const ingested = await entity(backend, 'component:default/p1-svc-0');
      expect(ingested.spec).toMatchObject({
        system: 'p1',
        owner: 'group:default/team-1',
      });
      // the catalog may stitch the System and the Group after the Components
      await eventually(
        () => entity(backend, 'system:default/p1'),
        system => system !== undefined,
      );
      await eventually(
        () => entity(backend, 'group:default/team-1'),
        group => group !== undefined,
      );

      // projects/p1 renamed to projects/billing in one change, its team renamed too; the new
      // file does not parse and has no last good version (its path is new)
      const billing = files['projects/p1/services.toml'].replace(
        'owner = "team-1"',
        'owner = "team-billing"',
      );
      await writeFiles(dir, {
        'projects/p1/services.toml': undefined,
        'projects/billing/services.toml': `${billing}\n[service.broken\n`,
      });
      const status = await eventually(
        () => entity(backend, 'resource:default/service-registry-default'),
        e =>
          /kept component:default\/p1-svc-0 as ingested/.test(
            e?.metadata.annotations['service-registry.io/ingestion-summary'] ??
              '',
          ),
      );
      expect(
        status.metadata.annotations['service-registry.io/ingestion-state'],
      ).toBe('degraded');
      // the held-back services keep what they refer to: their System's page and their owner
      const held = await entity(backend, 'component:default/p1-svc-0');
      expect(held.metadata.uid).toBe(ingested.metadata.uid);
      expect(held.spec.system).toBe('p1');
      expect(await entity(backend, 'system:default/p1')).toBeDefined();
      expect(await entity(backend, 'group:default/team-1')).toBeDefined();
      expect(await componentRefs(backend)).toHaveLength(6);

      // fixed: the services are the new project's, and the old System and Group go
      await writeFiles(dir, { 'projects/billing/services.toml': billing });
      await eventually(
        () => entity(backend, 'component:default/p1-svc-0'),
        e => e?.spec.system === 'billing',
      );
      const moved = await entity(backend, 'component:default/p1-svc-0');
      expect(moved.metadata.uid).toBe(ingested.metadata.uid);
      expect(moved.spec.owner).toBe('group:default/team-billing');
      expect(await entity(backend, 'system:default/billing')).toBeDefined();
      expect(await entity(backend, 'group:default/team-billing')).toBeDefined();
      expect(await entity(backend, 'system:default/p1')).toBeUndefined();
      expect(await entity(backend, 'group:default/team-1')).toBeUndefined();

      await backend.stop();
    });

    it('holds no entity or relation named after a credential pasted as a service id or a project folder', async () => {
      const token = 'glpat-a1b2c3d4e5f6g7h8i9j0k1l2';
      const projectToken = 'ghp_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
      const files = registryFiles(1, 2);
      await writeFiles(dir, {
        ...files,
        'services/catalog.toml': `${files['services/catalog.toml']}\n[service.${token}]\nversion = "1.0.0"\n`,
        'projects/p0/services.toml': files['projects/p0/services.toml'].replace(
          'requires = ["shared-auth@^1.0"]',
          `requires = ["shared-auth@^1.0", "${token}"]`,
        ),
        [`projects/${projectToken}/services.toml`]:
          '[project]\nowner = "team-gamma"\n[service.gamma-api]\nversion = "1.0.0"\n',
      });
      const knex = await databases.init(databaseId);
      const backend = await startPortalBackend(knex, dir);
      const status = await eventually(
        () => entity(backend, 'resource:default/service-registry-default'),
        e =>
          /left out 2 ids that hold a credential/.test(
            e?.metadata.annotations['service-registry.io/ingestion-summary'] ??
              '',
          ),
      );
      expect(
        status.metadata.annotations['service-registry.io/ingestion-summary'],
      ).toContain(
        '(the service at services/catalog.toml:12:1, the project at projects/(hidden)/services.toml:1:1)',
      );
      // processed: the consumer's relations are there, without the service left out
      const consumer = await eventually(
        () => entity(backend, 'component:default/p0-svc-0'),
        e =>
          (e?.relations ?? []).some(
            (r: { type: string }) => r.type === 'dependsOn',
          ),
      );
      expect(consumer.spec.dependsOn).toEqual([
        'component:default/shared-auth',
      ]);
      const gamma = await eventually(
        () => entity(backend, 'component:default/gamma-api'),
        e => e !== undefined,
      );
      expect(gamma.spec.system).toBeUndefined();

      const secrets = [token.slice(6), projectToken.slice(4).toLowerCase()];
      const res = await request(backend.server)
        .get('/api/catalog/entities')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const everything = [
        JSON.stringify(res.body),
        JSON.stringify(await knex('relations').select()),
        JSON.stringify(
          await knex('refresh_state').select(
            'entity_ref',
            'unprocessed_entity',
          ),
        ),
      ]
        .join('\n')
        .toLowerCase();
      expect(everything).toContain('gamma-api');
      for (const secret of secrets) expect(everything).not.toContain(secret);

      await backend.stop();
    });

    it('brings back an entity deleted in the catalog at the next start, and keeps the registry when its id is renamed', async () => {
      await writeFiles(dir, registryFiles(2, 2));
      const knex = await databases.init(databaseId);
      let backend = await startPortalBackend(knex, dir, undefined, 'main');
      await eventually(
        () => componentRefs(backend),
        refs => refs.length === 6,
      );
      // a person deletes a registry service in the catalog ("Delete entity")
      const deleted = await entity(backend, 'component:default/p0-svc-0');
      const res = await request(backend.server)
        .delete(`/api/catalog/entities/by-uid/${deleted.metadata.uid}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(204);
      expect(await componentRefs(backend)).not.toContain(
        'component:default/p0-svc-0',
      );
      await backend.stop();

      // the next start (the registry unchanged) sends it again
      backend = await startPortalBackend(knex, dir, undefined, 'main');
      await eventually(
        () => componentRefs(backend),
        refs => refs.includes('component:default/p0-svc-0'),
      );
      await backend.stop();

      // the registry's key renamed in the config: the catalog evicts the entities of the provider
      // that is no longer configured, and the renamed one puts them back (the records the old
      // key left in the store claim nothing)
      backend = await startPortalBackend(knex, dir, undefined, 'platform');
      const ingestedBy = (e: any) =>
        e?.metadata.annotations['service-registry.io/registry-id'];
      await eventually(
        async () =>
          Promise.all(
            (await componentRefs(backend)).map(ref => entity(backend, ref)),
          ),
        all => all.length === 6 && all.every(e => ingestedBy(e) === 'platform'),
      );
      const status = await eventually(
        () => entity(backend, 'resource:default/service-registry-platform'),
        e => e !== undefined,
      );
      expect(
        status.metadata.annotations['service-registry.io/ingestion-state'],
      ).toBe('ok');
      expect(
        status.metadata.annotations['service-registry.io/ingestion-errors'],
      ).toBe('0');
      await backend.stop();
    });

    it("keeps the relations between the registry's entities when a transformer renames Components and moves them into their project's namespace", async () => {
      const intoProjectNamespaces = createBackendModule({
        pluginId: 'catalog',
        moduleId: 'test-into-project-namespaces',
        register(env) {
          env.registerInit({
            deps: { registry: serviceRegistryEntityProviderExtensionPoint },
            async init({ registry }) {
              registry.addTransformer(function intoProjectNamespace(mapped) {
                return mapped.kind === 'Component'
                  ? {
                      ...mapped,
                      metadata: {
                        ...mapped.metadata,
                        name: `acme-${mapped.metadata.name}`,
                        namespace: String(mapped.spec?.system),
                      },
                    }
                  : mapped;
              });
            },
          });
        },
      });
      await writeFiles(dir, registryFiles(2, 2));
      const knex = await databases.init(databaseId);
      const backend = await startPortalBackend(
        knex,
        dir,
        undefined,
        undefined,
        [intoProjectNamespaces],
      );

      const consumer = await eventually(
        () => entity(backend, 'component:p1/acme-p1-svc-1'),
        e => e?.relations?.some((r: any) => r.type === 'partOf'),
      );
      expect(consumer.spec.dependsOn).toEqual([
        'component:p1/acme-p1-svc-0',
        'component:shared/acme-shared-auth',
      ]);
      // every relation of the consumer reaches an entity the catalog serves
      const targets = consumer.relations.map(
        (r: any) => `${r.type} ${r.targetRef}`,
      );
      expect(targets.sort()).toEqual([
        'dependsOn component:p1/acme-p1-svc-0',
        'dependsOn component:shared/acme-shared-auth',
        'ownedBy group:default/team-1',
        'partOf system:default/p1',
      ]);
      // (a target is served once the catalog has processed it, which may come after the consumer)
      const served = await eventually(
        () =>
          Promise.all(
            consumer.relations.map((r: any) => entity(backend, r.targetRef)),
          ),
        all => all.every(e => e !== undefined),
      );
      expect(served.map(e => stringifyEntityRef(e))).toEqual(
        consumer.relations.map((r: any) => r.targetRef),
      );
      // and the dependency knows its consumer
      const dependency = await eventually(
        () => entity(backend, 'component:p1/acme-p1-svc-0'),
        e =>
          e?.relations?.some(
            (r: any) =>
              r.type === 'dependencyOf' &&
              r.targetRef === 'component:p1/acme-p1-svc-1',
          ),
      );
      expect(dependency.spec.system).toBe('system:default/p1');

      await backend.stop();
    });

    it('applies a change at once when its run is triggered through the scheduler endpoint, on an hourly schedule', async () => {
      const knex = await databases.init(databaseId);
      const files = registryFiles(1, 2);
      await writeFiles(dir, files);
      const backend = await startPortalBackend(
        knex,
        dir,
        undefined,
        undefined,
        // a request without a token is anonymous, as in a real backend (the test backend's
        // default makes it a user)
        [
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
        { hours: 1 },
      );
      // the first run, at the start
      await eventually(
        () => componentRefs(backend),
        refs => refs.includes('component:default/p0-svc-1'),
      );
      const trigger = `/api/catalog/.backstage/scheduler/v1/tasks/${encodeURIComponent(
        'service-registry-provider:default:refresh',
      )}/trigger`;
      const version = async () =>
        (await entity(backend, 'component:default/p0-svc-0'))?.metadata
          .annotations?.['service-registry.io/version'];
      expect(await version()).toBe('1.0.0');

      // one line changed in place: the other services' source lines stay as they were
      await writeFiles(dir, {
        'projects/p0/services.toml': files['projects/p0/services.toml'].replace(
          '[service.p0-svc-0]\ntype = "microservice"\nversion = "1.0.0"',
          '[service.p0-svc-0]\ntype = "microservice"\nversion = "1.1.0"',
        ),
      });
      // the endpoint takes no anonymous caller, and the next scheduled run is an hour away
      expect((await request(backend.server).post(trigger)).status).toBe(401);
      await new Promise(resolve => setTimeout(resolve, 3000));
      expect(await version()).toBe('1.0.0');

      // a CI job or a webhook relay with a service token starts the run now
      const triggered = await request(backend.server)
        .post(trigger)
        .set('Authorization', mockCredentials.service.header());
      expect(triggered.status).toBe(200);
      await eventually(version, v => v === '1.1.0', { timeoutMs: 30_000 });
      // and that run wrote the one Component that changed
      await eventually(
        () => entity(backend, 'resource:default/service-registry-default'),
        e =>
          /\b1 written, 0 removed\b/.test(
            e?.metadata.annotations['service-registry.io/ingestion-summary'] ??
              '',
          ),
        { timeoutMs: 30_000 },
      );

      await backend.stop();
    });

    it('emits an owner Group once the org provider that defined it drops it, without a registry change', async () => {
      const org = new OrgProvider();
      const knex = await databases.init(databaseId);
      const backend = await startPortalBackend(knex, dir, org);
      const managedBy = (e: any) =>
        e?.metadata.annotations['backstage.io/managed-by-location'];

      // the org defines team-0 before the registry names it as an owner
      await org.define(['team-0']);
      await eventually(
        () => entity(backend, 'group:default/team-0'),
        e => managedBy(e) === 'org:test',
      );
      await writeFiles(dir, registryFiles(1, 2));
      await eventually(
        () => componentRefs(backend),
        refs => refs.includes('component:default/p0-svc-1'),
      );
      expect(managedBy(await entity(backend, 'group:default/team-0'))).toBe(
        'org:test',
      );

      // the org drops team-0; the registry does not change, and its owner gets its Group again
      await org.define([]);
      const ours = await eventually(
        () => entity(backend, 'group:default/team-0'),
        e => e !== undefined && managedBy(e) !== 'org:test',
      );
      expect(ours.metadata.annotations['service-registry.io/registry-id']).toBe(
        'default',
      );
      const service = await entity(backend, 'component:default/p0-svc-0');
      expect(service.spec.owner).toBe('group:default/team-0');

      await backend.stop();
    });
  },
);

const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

describe.each(postgresIds)('two backends sharing %p', databaseId => {
  it('run each ingestion once per interval and produce no duplicates', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-ha-'));
    await writeFiles(dir, registryFiles(3, 4));
    const knex = await databases.init(databaseId);
    // every run of either backend: when it started and ended
    const runs: Array<{ start: number; end?: number }> = [];
    const original = ServiceRegistryEntityProvider.prototype.refresh;
    const spy = jest
      .spyOn(ServiceRegistryEntityProvider.prototype, 'refresh')
      .mockImplementation(async function track(
        this: ServiceRegistryEntityProvider,
      ) {
        const run: { start: number; end?: number } = { start: Date.now() };
        runs.push(run);
        try {
          return await original.call(this);
        } finally {
          run.end = Date.now();
        }
      });

    const scheduledFrom = Date.now();
    const first = await startPortalBackend(knex, dir);
    const second = await startPortalBackend(knex, dir);
    try {
      await eventually(
        () => componentRefs(first),
        refs => refs.length === 14,
      );
      const before = runs.length;
      await new Promise(resolve => setTimeout(resolve, 9_000));
      const done = runs.filter(r => r.end !== undefined);

      // both backends kept ingesting on the 2 s schedule
      expect(runs.length - before).toBeGreaterThanOrEqual(2);
      // The scheduler's lock: never two runs at once. Without it both backends would run on each
      // interval, at nearly the same moment, their runs overlapping.
      for (let i = 1; i < done.length; i++) {
        expect(done[i].start).toBeGreaterThanOrEqual(done[i - 1].end!);
      }
      // and at most one run per interval since the task was scheduled: the scheduler starts the
      // next run an interval after the previous one was due (right away when it is overdue, e.g.
      // after a long first run on a busy machine, which is why runs may come close together)
      const last = runs[runs.length - 1].start;
      expect(runs.length).toBeLessThanOrEqual(
        Math.floor((last - scheduledFrom) / 2000) + 2,
      );

      const rows = await knex('refresh_state')
        .select('entity_ref')
        .count({ n: '*' })
        .groupBy('entity_ref');
      expect(rows.every(r => Number(r.n) === 1)).toBe(true);
      expect(await componentRefs(second)).toEqual(await componentRefs(first));
      expect(await componentRefs(first)).toHaveLength(14);
    } finally {
      spy.mockRestore();
      await first.stop();
      await second.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
